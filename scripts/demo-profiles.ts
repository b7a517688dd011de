import type { BrowserContext } from 'playwright-core';
import { callFromPage } from '../test/e2e/protocol';

type Reply = { ok: true; value: { id: string } } | { ok: false; error: { message: string } };

/**
 * Pre-configure the demo profiles, pointing at the local sandbox, so a new user sees real data at once. They go
 * through the real protocol, key check included, exactly as if typed into the options page. The affiliate also
 * gets a default template.
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
      // The sandbox serves a portal-like offer page (/offers/<id>); everflowclient.io portals always match.
      portalDomains: ['127.0.0.1', 'localhost'],
      apiKey,
    });
    if (!r.ok) throw new Error(`Could not set up the "${name}" demo profile: ${r.error.message}`);
    ids.push(r.value.id);
  }
  // A default template for the affiliate, so the popup's create panel is ready to use on any offer.
  const template = await callFromPage<Reply>(page, 'templates.save', {
    name: 'Voluum S2S',
    side: 'affiliate',
    tracker: 'voluum',
    deliveryMethod: 'postback',
    pixelType: 'conversion',
    level: 'specific',
    postbackUrl:
      'https://trk.example.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}&txid={transaction_id}',
    htmlCode: '',
    delayMs: 0,
    notes: 'Demo template: Voluum server-to-server conversion postback.',
    description: '',
  });
  if (!template.ok) throw new Error(`Could not add the demo template: ${template.error.message}`);
  await callFromPage(page, 'settings.update', { defaultTemplateIds: { [ids[0]!]: template.value.id } });
  await page.close();
  return ids;
}
