// @vitest-environment node
// The message table's own checks (issue 12): every entry has a handler and a test, and the messages no other
// test sends are exercised here, through the handlers, as a page would send them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageTable } from '../../../lib/background/message-table';
import { createSandboxControl } from '../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { registeredMessages, send, startBackground } from './harness';

type R<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
const names = Object.keys(messageTable);

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Whether some test sends the message by name: `send('x', …)`, `send<T>('x', …)` or `call('x', …)`. */
function sentByATest(name: string, sources: string[]): boolean {
  const quoted = name.replace(/\./g, '\\.');
  const sends = new RegExp(`\\b(send|call)\\b[^(\\n]*\\(\\s*['"]${quoted}['"]`);
  return sources.some((code) => sends.test(code));
}

describe('the message table', () => {
  it('has a handler registered for every entry, and no other', async () => {
    await startBackground();
    expect(registeredMessages().sort()).toEqual([...names].sort());
  });

  it('has every entry sent by name in some test', () => {
    const sources = testFiles(join(process.cwd(), 'test')).map((f) => readFileSync(f, 'utf8'));
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => !sentByATest(n, sources))).toEqual([]);
  });

  it('the test finder sees a send, and not a name that is only mentioned', () => {
    expect(sentByATest('offers.get', ["await send<R<Paged<Row>>>('offers.get', {"])).toBe(true);
    expect(sentByATest('offers.get', ["const names = ['offers.get'];"])).toBe(false);
  });
});

describe('messages sent through their handlers', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  afterAll(async () => sandbox.close());

  // Every host is allowed but the EU API's.
  const hasOrigin = async (origin: string) => !origin.includes('api-eu.');
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await createSandboxControl(sandbox.origin).reset();
    await startBackground({ fetch: (i, init) => fetch(i, init), hasOrigin });
  });

  async function addProfile(name: string, portalDomains: string[] = []): Promise<string> {
    const r = await send<R<{ id: string }>>('profiles.save', {
      name,
      role: 'affiliate',
      region: 'custom',
      customBaseUrl: sandbox.baseUrl,
      portalDomains,
      apiKey: 'demo-affiliate-key',
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.id;
  }

  it('permissions.status: granted only when every origin is', async () => {
    expect(await send('permissions.status', { origins: ['https://api.eflow.team/*'] })).toEqual({
      ok: true,
      value: { granted: true },
    });
    expect(
      await send('permissions.status', {
        origins: ['https://api.eflow.team/*', 'https://api-eu.eflow.team/*'],
      }),
    ).toEqual({ ok: true, value: { granted: false } });
  });

  it('profiles.setDefault: makes a profile the default, and refuses one that is gone', async () => {
    const a = await addProfile('A');
    const b = await addProfile('B');
    expect(await send('settings.get')).toMatchObject({ ok: true, value: { defaultProfileId: a } });
    expect(await send('profiles.setDefault', { id: b })).toEqual({ ok: true, value: true });
    expect(await send('settings.get')).toMatchObject({ ok: true, value: { defaultProfileId: b } });
    expect(await send('profiles.setDefault', { id: 'gone' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('popup.start: the tab’s profile by portal domain, and the offer in its URL', async () => {
    await addProfile('A');
    const b = await addProfile('B', ['partners.example.com']);
    const r = await send<R<{ profiles: unknown[]; profileId?: string; offer?: { id: number } }>>(
      'popup.start',
      {
        tabUrl: 'https://partners.example.com/offers/11',
      },
    );
    expect(r).toMatchObject({ ok: true, value: { profileId: b, offer: { id: 11 } } });
    expect(r.ok && r.value.profiles).toHaveLength(2);
  });

  it('portal.claim and portal.pickProfile: a portal host goes to the profile the user names', async () => {
    const a = await addProfile('A');
    const b = await addProfile('B');
    const claimed = await send<R<{ portalDomains: string[] }>>('portal.claim', {
      host: 'partners.brand.test',
      profileId: b,
    });
    expect(claimed.ok && claimed.value.portalDomains).toEqual(['partners.brand.test']);
    expect(await send('popup.start', { tabUrl: 'https://partners.brand.test/offers/11' })).toMatchObject({
      ok: true,
      value: { profileId: b, offer: { id: 11 } },
    });

    // A pick is remembered for its host; the default profile stays as it was.
    expect(await send('portal.pickProfile', { host: 'acme.everflowclient.io', profileId: b })).toEqual({
      ok: true,
      value: true,
    });
    expect(await send('settings.get')).toMatchObject({
      ok: true,
      value: { defaultProfileId: a, profileByHost: { 'acme.everflowclient.io': b } },
    });
    expect(
      await send('popup.start', { tabUrl: 'https://acme.everflowclient.io/affiliate/offers/11' }),
    ).toMatchObject({ ok: true, value: { profileId: b } });
    expect(await send('portal.pickProfile', { host: '*.brand.test', profileId: b })).toMatchObject({
      ok: false,
      error: { kind: 'bad_request' },
    });
  });

  it('templates.setDefault: per profile, the global fallback, and a template that is gone', async () => {
    const a = await addProfile('A');
    const saved = await send<R<{ id: string }>>('templates.save', {
      name: 'Voluum',
      side: 'affiliate',
      tracker: 'voluum',
      deliveryMethod: 'postback',
      pixelType: 'conversion',
      level: 'specific',
      postbackUrl: 'https://t.example.com/postback?cid={sub1}',
      htmlCode: '',
      delayMs: 0,
      notes: '',
      description: '',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const t = saved.value.id;
    expect(await send('templates.setDefault', { templateId: t, profileId: a })).toMatchObject({
      ok: true,
      value: { defaultTemplateIds: { [a]: t } },
    });
    expect(await send('templates.setDefault', { templateId: t })).toMatchObject({
      ok: true,
      value: { defaultTemplateId: t },
    });
    expect(await send('popup.start', {})).toMatchObject({
      ok: true,
      value: { defaultTemplateIds: { [a]: t }, defaultTemplateId: t },
    });
    expect(await send('templates.setDefault', { templateId: 'gone', profileId: a })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('offers.get: one offer with its events', async () => {
    const id = await addProfile('A');
    const list = await send<R<{ items: { id: number; name: string }[] }>>('offers.list', { profileId: id });
    if (!list.ok) throw new Error(list.error.message);
    const first = list.value.items[0]!;
    expect(await send('offers.get', { profileId: id, offerId: first.id })).toMatchObject({
      ok: true,
      value: { id: first.id, name: first.name, events: expect.any(Array) },
    });
    expect(await send('offers.get', { profileId: id, offerId: 0 })).toMatchObject({
      ok: false,
      error: { kind: 'bad_request' },
    });
  });
});
