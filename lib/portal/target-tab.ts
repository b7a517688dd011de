import { browser } from 'wxt/browser';

// The one file in lib/portal/ that talks to the browser: it asks for the tabs, and pickTargetTab (pure) chooses.

export interface TabLike {
  id?: number;
  url?: string;
  pendingUrl?: string;
  lastAccessed?: number;
}

/** What the browser said about the popup's window, as pickTargetTab needs it. */
export interface TabsSeen<T extends TabLike> {
  /** The active tab of the popup's window. */
  active: T | undefined;
  /** The popup's own tab when popup.html is open as a tab, else undefined. */
  self: TabLike | undefined;
  /** Every tab of the popup's window. */
  all: readonly T[];
  /** The extension's own origin URL (`runtime.getURL('/')`): its pages are never the target. */
  ownUrl: string;
}

/**
 * The tab the popup is about, from what the browser reported: the active tab unless it is the popup itself; then
 * the most recently used other tab that is not one of the extension's pages.
 */
export function pickTargetTab<T extends TabLike>(seen: TabsSeen<T>): T | undefined {
  const { active, self, all, ownUrl } = seen;
  if (active && active.id !== self?.id) return active;
  const others = all.filter((t) => t.id !== self?.id && !(t.url ?? '').startsWith(ownUrl));
  return [...others].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/**
 * The tab the popup is about.
 * 1. `?tabId=N` on the popup URL (tests, or the popup opened as a tab by a page that knows the tab);
 * 2. the active tab of the popup's window: the normal toolbar case, readable thanks to `activeTab`;
 * 3. when that tab is the popup itself (popup.html opened as a tab), the most recently used other tab.
 */
export async function findTargetTab(search = location.search): Promise<TabLike | undefined> {
  const param = new URLSearchParams(search).get('tabId');
  if (param && /^\d+$/.test(param)) return browser.tabs.get(Number(param)).catch(() => undefined);
  // All three asked at once: the popup's first paint waits on this, and each is a round trip to the browser.
  const [[active], self, all] = await Promise.all([
    browser.tabs.query({ active: true, currentWindow: true }),
    browser.tabs.getCurrent(),
    browser.tabs.query({ currentWindow: true }),
  ]);
  return pickTargetTab({ active, self, all, ownUrl: browser.runtime.getURL('/') });
}
