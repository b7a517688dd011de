import type { InExtension } from './chrome-global';
import { expect, test } from './fixtures';

test.describe('release build', () => {
  test.use({ build: 'release' });

  test('loads with exactly the documented permissions', async ({ worker }) => {
    const manifest = await worker.evaluate(() =>
      (globalThis as unknown as InExtension).chrome.runtime.getManifest(),
    );
    expect(manifest.name).toBe('Postback Companion for Everflow');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'alarms']);
    expect(manifest.host_permissions).toEqual(['https://api.eflow.team/*']);
    expect(manifest.optional_host_permissions).toEqual([
      'https://api-eu.eflow.team/*',
      'https://*/*',
      'http://*/*',
    ]);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.content_scripts).toBeUndefined();
  });

  test('popup and options show the background answer', async ({ openPopup, openOptions, seedStorage }) => {
    const empty = await openPopup();
    await expect(empty.getByRole('button', { name: 'Add a profile' })).toBeVisible();

    await seedStorage('local', {
      profiles: [
        { id: 'a', name: 'Network A' },
        { id: 'b', name: 'Network B' },
      ],
    });
    const options = await openOptions();
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Postback Companion for Everflow');
    await expect(options.locator('.status[data-state="ready"]')).toHaveText('Version 0.1.0 · 2 profiles');

    // The popup lists the profiles and shows the background's answer for the first one: it has no key yet.
    const popup = await openPopup();
    await expect(popup.getByRole('combobox', { name: 'Profile' })).toHaveText(/Network A\s*Network B/);
    await expect(popup.getByRole('alert')).toHaveText(/No API key is stored for "Network A"/);
    // Its styles are inlined (nothing to fetch before the popup's script runs), and they apply.
    expect(await popup.locator('link[rel="stylesheet"]:not([media="not all"])').count()).toBe(0);
    expect(await popup.evaluate(() => getComputedStyle(document.body).width)).toBe('400px');
  });
});

test('the demo build also reaches the local machine, and nothing else changes', async ({ worker, serve }) => {
  const manifest = await worker.evaluate(() =>
    (globalThis as unknown as InExtension).chrome.runtime.getManifest(),
  );
  expect(manifest.permissions).toEqual(['storage', 'activeTab', 'alarms']);
  expect(manifest.host_permissions).toEqual([
    'https://api.eflow.team/*',
    'http://127.0.0.1/*',
    'http://localhost/*',
  ]);

  // The service worker can fetch a loopback server only because of that permission.
  const server = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('pong');
  });
  const body = await worker.evaluate(async (url) => (await fetch(url)).text(), `${server.origin}/ping`);
  expect(body).toBe('pong');
});
