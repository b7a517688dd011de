import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import type { InExtension } from './chrome-global';
import { findChromium } from './find-chromium';

export interface LaunchOptions {
  /** Unpacked extension folders to load (built output). */
  extensionDirs: string[];
  headless?: boolean;
  /** Extra `--host-resolver-rules` entries, e.g. to serve portal host names from a local server. */
  hostResolverRules?: string[];
  userDataDir?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  /** The service worker of the first extension in `extensionDirs`. */
  worker: Worker;
  extensionId: string;
}

/**
 * Launch Chromium with built extensions loaded and wait for the first one's service worker.
 * Shared by the e2e fixtures, the demo and the benchmarks.
 */
export async function launchWithExtension(opts: LaunchOptions): Promise<LaunchedExtension> {
  for (const dir of opts.extensionDirs) {
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`No built extension in ${dir}. Run "npm run build" and "npm run build:demo" first.`);
    }
  }
  const list = opts.extensionDirs.join(',');
  const args = [
    `--disable-extensions-except=${list}`,
    `--load-extension=${list}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ];
  if (opts.hostResolverRules?.length) args.push(`--host-resolver-rules=${opts.hostResolverRules.join(', ')}`);
  const context = await chromium.launchPersistentContext(
    opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'pbc-profile-')),
    { executablePath: findChromium(), headless: opts.headless ?? true, args },
  );
  const worker = await firstExtensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  await closeWelcomeTab(context, worker, extensionId);
  return { context, worker, extensionId };
}

/**
 * A fresh install opens the options page (the welcome). Wait until it has, then close it, so it can never take
 * over a page a test is navigating (Chrome reuses an open options tab).
 */
async function closeWelcomeTab(context: BrowserContext, worker: Worker, extensionId: string): Promise<void> {
  await worker
    .evaluate(async () => {
      const chrome = (globalThis as unknown as InExtension).chrome;
      for (let i = 0; i < 250; i++) {
        if ((await chrome.storage.session.get('welcomeOpened')).welcomeOpened) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    })
    .catch(() => undefined);
  const options = `chrome-extension://${extensionId}/options.html`;
  // Let the welcome page finish loading first: closing it mid-load leaves the extension's renderer with an empty
  // message bundle, so the next extension page shows every chrome.i18n string as '' (seen in 3 of 8 launches;
  // 0 of 16 when the close waits for `load`).
  await Promise.all(
    context
      .pages()
      .filter((p) => p.url().startsWith(options))
      .map(async (p) => {
        await p.waitForLoadState('load').catch(() => undefined);
        await p.close();
      }),
  );
}

/** Our worker is the one whose manifest short_name is ours (other loaded extensions are bench helpers). */
async function firstExtensionWorker(context: BrowserContext): Promise<Worker> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const w of context.serviceWorkers()) {
      if (!w.url().startsWith('chrome-extension://')) continue;
      const name = await w
        .evaluate(() => (globalThis as unknown as InExtension).chrome.runtime.getManifest().short_name)
        .catch(() => '');
      if (name === 'Postback Companion') return w;
    }
    await context.waitForEvent('serviceworker', { timeout: 500 }).catch(() => undefined);
  }
  throw new Error('The extension service worker did not start within 15 s. Is the build complete?');
}
