// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { moveStoredTemplateSecrets } from '../../../lib/background/template-secrets';
import type { Template } from '../../../lib/model/template';
import { exportText } from '../../../lib/templates/format';
import { planImport, previewImport } from '../../../lib/templates/preview';
import { createSandboxControl } from '../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { template } from '../templates/fixtures';
import { send, startBackground } from './harness';

// Issue 13, defect 11: integration tokens are treated like API keys. They live in the secret store (local or
// session, never sync), templates hold a masked reference, exports hold neither, and the background puts the
// token back only into the Everflow request.
type R<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
const TOKEN = 'EAAGmetaConversionsToken9876';
const NESTED = ['hunter2-password', 'row-token-5555'];
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
});
afterAll(async () => sandbox.close());

const metaTemplate = (over: Partial<Template> = {}) =>
  template({
    id: 'meta',
    name: 'Meta lead',
    deliveryMethod: 'facebook',
    postbackUrl: '',
    integration: {
      pixel_id: '871234560012345',
      event_name: 'Lead',
      access_token: TOKEN,
      extra: { password: NESTED[0] },
      user_data: [
        { field: 'em', value: 'hash' },
        { field: 'access_token', value: NESTED[1] },
      ],
    },
    ...over,
  });

const everything = async () =>
  JSON.stringify({
    local: await fakeBrowser.storage.local.get(null),
    session: await fakeBrowser.storage.session.get(null),
    sync: await fakeBrowser.storage.sync.get(null),
  });

async function importWithTokens() {
  const plan = planImport(previewImport([metaTemplate()], []), new Set(), true);
  const r = await send<R>('templates.import', { templates: plan });
  expect(r).toMatchObject({ ok: true });
  const list = await send<R<Template[]>>('templates.list');
  if (!list.ok) throw new Error(list.error.message);
  return list.value;
}

describe('integration secrets are kept like API keys', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await createSandboxControl(sandbox.origin).reset();
    await startBackground({ fetch: (i, init) => fetch(i, init) });
  });

  it('template storage, the list a page gets and the export hold no token, only masked references', async () => {
    const listed = await importWithTokens();
    const { templates, integrationSecrets } = await fakeBrowser.storage.local.get([
      'templates',
      'integrationSecrets',
    ]);
    for (const secret of [TOKEN, ...NESTED]) {
      expect(JSON.stringify(templates)).not.toContain(secret);
      expect(JSON.stringify(listed)).not.toContain(secret);
      expect(JSON.stringify(integrationSecrets)).toContain(secret);
      expect(exportText(listed, new Date())).not.toContain(secret);
    }
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).toBe('{}');
    expect(listed[0]?.integration).toMatchObject({
      pixel_id: '871234560012345',
      access_token: expect.stringMatching(/^••••9876 \[saved:[0-9a-f]{16}\]$/),
      extra: { password: expect.stringMatching(/^••••word \[saved:/) },
    });
    expect(exportText(listed, new Date())).not.toContain('saved:');
  });

  it('a postback created from the template still gets the token', async () => {
    const listed = await importWithTokens();
    const profile = await send<R<{ id: string }>>('profiles.save', {
      name: 'Affiliate',
      role: 'affiliate',
      region: 'custom',
      customBaseUrl: sandbox.baseUrl,
      portalDomains: [],
      apiKey: 'demo-affiliate-key',
    });
    if (!profile.ok) throw new Error(profile.error.message);
    const { extra: _e, user_data: _u, ...meta } = listed[0]!.integration!;
    const control = createSandboxControl(sandbox.origin);
    await control.clearRequests();
    const created = await send<R>('pixels.create', {
      profileId: profile.value.id,
      // What the popup sends: the template's integration, references and all.
      draft: {
        deliveryMethod: 'facebook',
        type: 'conversion',
        level: 'global',
        status: 'active',
        integration: meta,
      },
    });
    expect(created).toMatchObject({ ok: true });
    const post = (await control.requests()).find((q) => q.method === 'POST');
    expect(post?.body).toMatchObject({ facebook_pixel: { access_token: TOKEN } });
    // The reply to the page is not the place for the token either (it is the server's echo of the pixel).
    expect(JSON.stringify(created)).not.toContain('[saved:');
  });

  it('refuses a reference whose secret is gone, saying what to do', async () => {
    const listed = await importWithTokens();
    await fakeBrowser.storage.local.remove('integrationSecrets');
    const r = await send<R>('pixels.create', {
      profileId: 'any',
      draft: {
        deliveryMethod: 'facebook',
        type: 'conversion',
        level: 'global',
        status: 'active',
        integration: listed[0]!.integration,
      },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Enter the token again/) },
    });
  });

  it('a deleted template takes its secrets with it; forget-on-close moves them to session storage', async () => {
    const listed = await importWithTokens();
    await send('settings.update', { forgetKeysOnClose: true });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(TOKEN);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(TOKEN);
    await send('templates.remove', { id: listed[0]!.id });
    expect(await everything()).not.toContain(TOKEN);
  });

  it('a template saved by the editor with a token is stored with a reference too', async () => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = metaTemplate({ side: 'network' });
    const r = await send<R<Template>>('templates.save', input);
    expect(r).toMatchObject({ ok: true });
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(JSON.stringify(await fakeBrowser.storage.local.get('templates'))).not.toContain(TOKEN);
  });

  it('no secret is lost when saves and imports with tokens run at the same time', async () => {
    const tokens = Array.from({ length: 6 }, (_, i) => `EAAGconcurrentToken-${i}-abcdef`);
    const withToken = (i: number) => {
      const {
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        ...input
      } = metaTemplate({
        name: `Meta ${i}`,
        integration: { pixel_id: '1', event_name: 'Lead', access_token: tokens[i] },
      });
      return input;
    };
    await Promise.all([
      send('templates.save', withToken(0)),
      send('templates.import', { templates: [withToken(1), withToken(2), withToken(3)] }),
      send('templates.save', withToken(4)),
      send('templates.save', withToken(5)),
    ]);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get('integrationSecrets'));
    const list = await send<R<Template[]>>('templates.list');
    if (!list.ok) throw new Error(list.error.message);
    // Every template that was stored can still be used: its reference finds its token.
    for (const t of list.value) {
      const token = tokens[Number(t.name.slice(5))]!;
      expect(stored).toContain(token);
      expect(JSON.stringify(t)).not.toContain(token);
    }
    expect(list.value.map((t) => t.name)).toEqual(expect.arrayContaining(['Meta 1', 'Meta 2', 'Meta 3']));
  });

  it('moves the tokens of templates stored by an earlier version out of template storage', async () => {
    await fakeBrowser.storage.local.set({ templates: [metaTemplate(), template()] });
    await moveStoredTemplateSecrets();
    const { templates, integrationSecrets } = await fakeBrowser.storage.local.get([
      'templates',
      'integrationSecrets',
    ]);
    expect(JSON.stringify(templates)).not.toContain(TOKEN);
    expect(JSON.stringify(integrationSecrets)).toContain(TOKEN);
    expect(templates).toHaveLength(2);
  });
});
