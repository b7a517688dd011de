/** A date and time in the browser's language, e.g. "Nov 22, 2026, 10:03 AM". */
export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/**
 * When a shown list was read, as short as it can be: "10:42" today, "Nov 21, 10:42" before (in the browser's
 * language and clock).
 */
export function formatAsOf(epochMs: number, now: number = Date.now()): string {
  const sameDay = new Date(epochMs).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(
    undefined,
    sameDay ? { timeStyle: 'short' } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  ).format(epochMs);
}
