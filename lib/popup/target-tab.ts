import { browser } from 'wxt/browser';

export interface TabLike {
  id?: number;
  url?: string;
  pendingUrl?: string;
  lastAccessed?: number;
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
  if (active && active.id !== self?.id) return active;
  const own = browser.runtime.getURL('/');
  const others = all.filter((t) => t.id !== self?.id && !(t.url ?? '').startsWith(own));
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0];
}
