import type { BrowserContext } from 'playwright-core';
import { demoProfileInput, voluumTemplateInput } from '../test/e2e/demo-inputs';
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
  for (const role of ['affiliate', 'network'] as const) {
    // The sandbox serves a portal-like offer page (/offers/<id>); everflowclient.io portals always match.
    const input = demoProfileInput(sandboxBaseUrl, ['127.0.0.1', 'localhost'], role);
    const r = await callFromPage<Reply>(page, 'profiles.save', input);
    if (!r.ok) throw new Error(`Could not set up the "${input.name}" demo profile: ${r.error.message}`);
    ids.push(r.value.id);
  }
  // A default template for the affiliate, so the popup's create panel is ready to use on any offer.
  const template = await callFromPage<Reply>(
    page,
    'templates.save',
    voluumTemplateInput({ notes: 'Demo template: Voluum server-to-server conversion postback.' }),
  );
  if (!template.ok) throw new Error(`Could not add the demo template: ${template.error.message}`);
  await callFromPage(page, 'settings.update', { defaultTemplateIds: { [ids[0]!]: template.value.id } });
  await page.close();
  return ids;
}
