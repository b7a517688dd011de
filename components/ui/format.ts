/** A date and time in the browser's language, e.g. "Nov 22, 2026, 10:03 AM". */
export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
