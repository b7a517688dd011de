import type { WxtBrowser } from 'wxt/browser';

/**
 * Code passed to `worker.evaluate()` / `page.evaluate()` runs inside the extension, where the `chrome` global exists.
 * Node-side TypeScript does not know it, so callbacks cast: `(globalThis as unknown as InExtension).chrome`.
 * The cast is erased before Playwright serialises the callback.
 */
export interface InExtension {
  chrome: WxtBrowser;
}
