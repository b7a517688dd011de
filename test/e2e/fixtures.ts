import { type BrowserContext, test as base, type Page, type Worker } from '@playwright/test';
import { createSandboxControl, type SandboxControl } from '../../sandbox/control';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/server';
import type { InExtension } from './chrome-global';
import { DEMO_EXTENSION_DIR, RELEASE_EXTENSION_DIR } from './extension-dirs';
import { launchWithExtension } from './launch';
import { type Handler, type LocalServer, startLocalServer } from './local-server';

export type StorageArea = 'local' | 'session' | 'sync';

export interface ExtensionFixtures {
  /** Which build to load: `demo` (default; may reach the loopback sandbox) or `release` (what users install). */
  build: 'demo' | 'release';
  /** Extra host-resolver rules, e.g. `MAP *.everflowclient.io 127.0.0.1`. */
  hostResolverRules: string[];
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Open the popup page as a tab (optionally with a query string, e.g. `?tabId=3`). */
  openPopup: (query?: string) => Promise<Page>;
  openOptions: (hash?: string) => Promise<Page>;
  /** Write keys into extension storage through the service worker (as the extension itself would). */
  seedStorage: (area: StorageArea, items: Record<string, unknown>) => Promise<void>;
  readStorage: (area: StorageArea, key: string) => Promise<unknown>;
  /** Start a local HTTP server for this test; it is closed after the test. */
  serve: (handler: Handler) => Promise<LocalServer>;
  /** Options of this test's Everflow sandbox. */
  sandboxOptions: SandboxOptions;
  /** A local Everflow sandbox (demo data by default) and its control API, closed after the test. */
  sandbox: Sandbox & { control: SandboxControl };
}

/** Playwright Test with the extension loaded in Debian's Chromium (one fresh browser profile per test). */
export const test = base.extend<ExtensionFixtures>({
  build: ['demo', { option: true }],
  sandboxOptions: [{ seed: 'demo' }, { option: true }],
  sandbox: async ({ sandboxOptions }, use) => {
    const sandbox = await startSandbox({ port: 0, ...sandboxOptions });
    await use({ ...sandbox, control: createSandboxControl(sandbox.origin) });
    await sandbox.close();
  },
  hostResolverRules: [[], { option: true }],
  context: async ({ build, hostResolverRules }, use) => {
    const dir = build === 'demo' ? DEMO_EXTENSION_DIR : RELEASE_EXTENSION_DIR;
    const launched = await launchWithExtension({ extensionDirs: [dir], hostResolverRules });
    await use(launched.context);
    await launched.context.close();
  },
  worker: async ({ context }, use) => {
    const worker = context
      .serviceWorkers()
      .find((w) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js'));
    await use(worker ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async (query = '') => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    });
  },
  openOptions: async ({ context, extensionId }, use) => {
    await use(async (hash = '') => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.goto(`chrome-extension://${extensionId}/options.html${hash}`);
      return page;
    });
  },
  seedStorage: async ({ worker }, use) => {
    await use(async (area, items) => {
      await worker.evaluate(
        async ([a, i]) => {
          await (globalThis as unknown as InExtension).chrome.storage[a].set(i);
        },
        [area, items] as const,
      );
    });
  },
  readStorage: async ({ worker }, use) => {
    await use(async (area, key) =>
      worker.evaluate(
        async ([a, k]) => (await (globalThis as unknown as InExtension).chrome.storage[a].get(k))[k],
        [area, key] as const,
      ),
    );
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this destructuring.
  serve: async ({}, use) => {
    const servers: LocalServer[] = [];
    await use(async (handler) => {
      const server = await startLocalServer(handler);
      servers.push(server);
      return server;
    });
    await Promise.all(servers.map((s) => s.close()));
  },
});

export const expect = test.expect;
