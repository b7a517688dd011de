// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerIdFromUrl } from '../../lib/portal/offer-id';
import { type Sandbox, startSandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('the portal-like offer page', () => {
  it('serves /offers/<id> as HTML, at a URL the popup reads as that offer', async () => {
    const url = `${sandbox.origin}/offers/11`;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<h1>Offer #11</h1>');
    expect(offerIdFromUrl(url)).toBe(11);
  });

  it('leaves the API alone: /v1 paths still need a key', async () => {
    expect((await fetch(`${sandbox.origin}/v1/affiliates/offers/11`)).status).toBe(401);
    expect((await fetch(`${sandbox.origin}/offers/eleven`)).status).not.toBe(200);
  });
});
