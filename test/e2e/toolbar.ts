import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/**
 * Click the extension's toolbar button for `page`, as a user would: Chrome opens the real popup and grants
 * `activeTab` for that tab. Uses CDP `Extensions.triggerAction`, which needs the tab's *tab* target.
 * The real popup is closed again; tests then open `popup.html?tabId=N` as a tab to use the full Playwright API.
 */
export async function clickToolbarButton(
  context: BrowserContext,
  extensionId: string,
  page: Page,
): Promise<void> {
  await page.bringToFront();
  const cdp: CDPSession = await context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const { targetInfos: all } = await cdp.send('Target.getTargets');
      const popup = all.find((t) => t.type === 'page' && t.url.startsWith(popupUrl));
      if (popup) {
        await cdp.send('Target.closeTarget', { targetId: popup.targetId });
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the toolbar popup did not open');
  } finally {
    await cdp.detach();
  }
}

/** The id of the active tab (read in the worker; ids need no permission). Call right after `bringToFront()`. */
export async function activeTabId(worker: { evaluate: Page['evaluate'] }): Promise<number> {
  return worker.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: runs inside the extension, where `chrome` exists.
    const [tab] = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab.id as number;
  });
}
