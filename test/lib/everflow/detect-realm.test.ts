// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkExpectedRealm, detectRealm } from '../../../lib/everflow/detect-realm';
import { BASE, json, routes, stubFetch } from './stub-fetch';

const affiliate = { network_affiliate_id: 7, name: 'Acme Media', network_id: 1, account_status: 'active' };
const network = { network_id: 1, name: 'Demo Network', account_status: 'active' };

describe('detectRealm', () => {
  it('says affiliate with the account name from /affiliates/affiliate', async () => {
    const stub = stubFetch(routes({ 'GET /affiliates/affiliate': () => json(200, affiliate) }));
    const res = await detectRealm({ baseUrl: BASE, apiKey: 'a', fetch: stub.fetch });
    expect(res).toEqual({
      ok: true,
      value: { realm: 'affiliate', accountId: 7, accountName: 'Acme Media', networkId: 1 },
    });
  });

  it('falls back to /affiliates when /affiliates/affiliate is 404', async () => {
    const stub = stubFetch(routes({ 'GET /affiliates': () => json(200, affiliate) }));
    const res = await detectRealm({ baseUrl: BASE, apiKey: 'a', fetch: stub.fetch });
    expect(res.ok && res.value.realm).toBe('affiliate');
    expect(stub.calls.map((call) => call.url.pathname)).toEqual([
      '/v1/affiliates/affiliate',
      '/v1/affiliates',
    ]);
  });

  it('says network after an "Out of realm" 403 on the affiliate side', async () => {
    const stub = stubFetch(
      routes({
        'GET /affiliates/affiliate': () => json(403, { error: 'Out of realm' }),
        'GET /networks': () => json(200, network),
      }),
    );
    const res = await detectRealm({ baseUrl: BASE, apiKey: 'n', fetch: stub.fetch });
    expect(res).toEqual({
      ok: true,
      value: { realm: 'network', accountId: 1, accountName: 'Demo Network', networkId: 1 },
    });
  });

  it('says invalid (auth) on a 401, without trying the network side', async () => {
    const stub = stubFetch(() => json(401, { error: 'No Authentication Method Found' }));
    const res = await detectRealm({ baseUrl: BASE, apiKey: 'bad', fetch: stub.fetch });
    expect(res.ok ? undefined : res.error.kind).toBe('auth');
    expect(stub.calls).toHaveLength(1);
  });

  it('uses the key header and never puts the key into the error', async () => {
    const key = 'super-secret-key-value';
    const stub = stubFetch(() => json(401, { error: `key ${key} unknown` }));
    const res = await detectRealm({ baseUrl: BASE, apiKey: key, fetch: stub.fetch });
    expect(stub.calls[0]!.headers.get('X-Eflow-API-Key')).toBe(key);
    expect(JSON.stringify(res)).not.toContain(key);
  });
});

describe('checkExpectedRealm', () => {
  it('returns the specific realm message, or nothing when they match', () => {
    expect(checkExpectedRealm('network', 'affiliate')).toEqual({
      kind: 'realm',
      message: expect.stringMatching(/^This is a network key, but this profile is for an affiliate\./),
    });
    expect(checkExpectedRealm('affiliate', 'network')?.message).toMatch(
      /^This is an affiliate key, but this profile is for a network\./,
    );
    expect(checkExpectedRealm('network', 'network')).toBeUndefined();
  });
});
