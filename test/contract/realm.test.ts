// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkExpectedRealm, detectRealm } from '../../lib/everflow/detect-realm';
import { DEMO_KEYS } from '../../sandbox/server';
import { useSandbox } from './harness';

/** Key checks against the sandbox: which realm, which account, and the invalid case. */
const h = useSandbox({ seed: 'empty' });

describe('detectRealm against the sandbox', () => {
  it('knows the affiliate key and its account', async () => {
    const res = await detectRealm({ baseUrl: h.sandbox.baseUrl, apiKey: DEMO_KEYS.affiliate });
    expect(res).toEqual({
      ok: true,
      value: { realm: 'affiliate', accountId: 7, accountName: 'Demo Partner', networkId: 1 },
    });
    expect(await h.control.requests()).toHaveLength(1);
  });

  it('knows the network key after one "Out of realm"', async () => {
    const res = await detectRealm({ baseUrl: h.sandbox.baseUrl, apiKey: DEMO_KEYS.network });
    expect(res).toEqual({
      ok: true,
      value: { realm: 'network', accountId: 1, accountName: 'Demo Network', networkId: 1 },
    });
    const log = await h.control.requests();
    expect(log.map((entry) => [entry.path, entry.status])).toEqual([
      ['/v1/affiliates/affiliate', 403],
      ['/v1/networks', 200],
    ]);
  });

  it('says invalid for an unknown key, and the message says what to do', async () => {
    const res = await detectRealm({ baseUrl: h.sandbox.baseUrl, apiKey: 'typo-key' });
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: 'auth', status: 401 });
    expect(res.ok ? '' : res.error.message).toMatch(/copied in full/);
  });

  it('turns a mismatch into the profile message', async () => {
    const res = await detectRealm({ baseUrl: h.sandbox.baseUrl, apiKey: DEMO_KEYS.network });
    if (!res.ok) throw new Error(res.error.message);
    expect(checkExpectedRealm(res.value.realm, 'affiliate')?.message).toMatch(
      /^This is a network key, but this profile is for an affiliate\./,
    );
  });
});
