/**
 * The toolbar badge, from every source that wants to show a number on it (the health watch's flags, background
 * jobs). One function decides the text, so two features never overwrite each other's count.
 */

/** What each source currently counts. */
export interface BadgeSources {
  /** Postbacks flagged by the health watch (they need the user). */
  attention?: number;
  /** Background jobs under way. */
  jobs?: number;
}

/** The badge to show: its text (empty for none) and background colour. */
export interface Badge {
  text: string;
  color: string;
}

const ATTENTION_COLOR = '#b42318';
const JOBS_COLOR = '#475467';

/**
 * The badge for the current counts: flags win (they need the user), shown as the count; otherwise the number of
 * jobs under way; nothing when both are zero. Counts above 99 show as "99+" (the badge fits about four characters).
 */
export function badgeFor(sources: BadgeSources): Badge {
  const fmt = (n: number) => (n > 99 ? '99+' : String(n));
  if (sources.attention && sources.attention > 0)
    return { text: fmt(sources.attention), color: ATTENTION_COLOR };
  if (sources.jobs && sources.jobs > 0) return { text: fmt(sources.jobs), color: JOBS_COLOR };
  return { text: '', color: JOBS_COLOR };
}

/** The part of `browser.action` the badge uses. */
export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
}

const current: BadgeSources = {};

/** Set one source's count and repaint the badge from all of them. */
export async function setBadgeSource(
  action: ActionApi,
  source: keyof BadgeSources,
  count: number,
): Promise<void> {
  current[source] = count;
  const b = badgeFor(current);
  await action.setBadgeBackgroundColor({ color: b.color });
  await action.setBadgeText({ text: b.text });
}
