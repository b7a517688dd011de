import type { BrowserContext } from 'playwright-core';
import { callFromPage } from '../test/e2e/protocol';

type Reply = { ok: true; value: { id: string } } | { ok: false; error: { message: string } };

/**
 * Pre-configure the demo profiles, pointing at the local sandbox, so a new user sees real data at once. They go
 * through the real protocol, key check included, exactly as if typed into the options page.
 */
export async function seedDemoProfiles(context: BrowserContext, extensionId: string, sandboxBaseUrl: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const ids: string[] = [];
  for (const [name, role, apiKey] of [
    ['Demo affiliate', 'affiliate', 'demo-affiliate-key'],
    ['Demo network', 'network', 'demo-network-key'],
  ] as const) {
    const r = await callFromPage<Reply>(page, 'profiles.save', {
      name,
      role,
      region: 'custom',
      customBaseUrl: sandboxBaseUrl,
      // The sandbox serves a portal-like page too; everflowclient.io portals always match.
      portalDomains: ['127.0.0.1', 'localhost'],
      apiKey,
    });
    if (!r.ok) throw new Error(`Could not set up the "${name}" demo profile: ${r.error.message}`);
    ids.push(r.value.id);
  }
  await page.close();
  return ids;
}
