// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AffiliatePixelInput } from '../../lib/everflow/affiliate-api';
import type { NetworkPixelInput } from '../../lib/everflow/network-api';
import affiliateExample from '../fixtures/everflow/seed-affiliate-update-request.json';
import networkExample from '../fixtures/everflow/seed-network-create-request.json';
import { logLines, useSandbox } from './harness';

/**
 * Every example request printed in the two seed pages, replayed through the client against the
 * sandbox: the network "Create Partner Postback" body and the affiliate "Update Postback" body.
 */
const h = useSandbox({ seed: 'demo' });

/** The affiliate seed body with its `<string>` placeholders replaced by valid values. */
const affiliateFilled = {
  ...affiliateExample,
  postback_url: 'https://tracker.example/postback?tid={transaction_id}',
  html_code: '<img src="https://tracker.example/px.gif?tid={transaction_id}" width="1" height="1" />',
  network_offer_id: 11,
  facebook_pixel: { pixel_id: '1234567890', event_name: 'Purchase', access_token: 'EAAB-test-token' },
};

describe('network seed: POST /networks/pixels', () => {
  it('creates the printed example exactly as printed', async () => {
    const res = await h.network().createPixel(networkExample as NetworkPixelInput);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.recovered).toBe(false);
    expect(res.value.pixel).toMatchObject({
      offerId: 11,
      affiliateId: 7,
      deliveryMethod: 'postback',
      level: 'specific',
      status: 'active',
      type: 'conversion',
      postbackUrl: 'https://example.com/postback?tid={transaction_id}',
      description: 'Conversion postback for affiliate 7',
    });
    const [entry] = await h.control.requests();
    expect(entry).toMatchObject({ method: 'POST', path: '/v1/networks/pixels', status: 200 });
    // Same keys in the same order with the same values: the body left the client as printed.
    expect(JSON.stringify(entry?.body)).toBe(JSON.stringify(networkExample));
  });

  it('reads the created pixel back with its relationship', async () => {
    const created = await h.network().createPixel(networkExample as NetworkPixelInput);
    if (!created.ok) throw new Error(created.error.message);
    const fetched = await h.network().getPixel(created.value.pixel.id);
    expect(fetched.ok && fetched.value).toMatchObject({
      id: created.value.pixel.id,
      offerName: expect.any(String),
      affiliateName: 'Demo Partner',
    });
  });
});

describe('affiliate seed: PUT /affiliates/pixels/{id}', () => {
  async function someAffiliatePixel(): Promise<number> {
    const listed = await h.affiliate().listPixels();
    if (!listed.ok || !listed.value.items[0]) throw new Error('demo seed has no affiliate pixels');
    return listed.value.items[0].id;
  }

  it('replays the printed body exactly as printed (html, global, with an offer id)', async () => {
    const id = await someAffiliatePixel();
    await h.control.clearRequests();
    const res = await h.affiliate().replacePixel(id, affiliateExample as AffiliatePixelInput);
    expect(res.ok && res.value).toMatchObject({
      id,
      deliveryMethod: 'html',
      level: 'global',
      htmlCode: '<string>',
    });
    const [entry] = await h.control.requests();
    expect(entry).toMatchObject({ method: 'PUT', path: `/v1/affiliates/pixels/${id}`, status: 200 });
    expect(JSON.stringify(entry?.body)).toBe(JSON.stringify(affiliateExample));
    // The answer is the slim shape keyed by network_affiliate_pixel_id, as the page shows.
    const stored = (await h.control.state()).pixels.find((pixel) => pixel.network_pixel_id === id);
    expect(stored).toMatchObject({ pixel_level: 'global', network_offer_id: 0, delivery_method: 'html' });
  });

  it('replays the printed body with its placeholders filled in', async () => {
    const id = await someAffiliatePixel();
    await h.control.clearRequests();
    const res = await h.affiliate().replacePixel(id, affiliateFilled as AffiliatePixelInput);
    expect(res.ok && res.value).toMatchObject({ id, htmlCode: affiliateFilled.html_code, status: 'active' });
    expect(await logLines(h.control)).toEqual([`PUT /v1/affiliates/pixels/${id}`]);
    const fetched = await h.affiliate().getPixel(id);
    expect(fetched.ok && fetched.value).toMatchObject({
      id,
      level: 'global',
      offerId: 0,
      type: 'conversion',
    });
  });

  it('the same body as a create, and the facebook variant it hints at', async () => {
    const html = await h.affiliate().createPixel(affiliateFilled as AffiliatePixelInput);
    expect(html.ok && html.value.pixel.deliveryMethod).toBe('html');
    const facebook = await h.affiliate().createPixel({
      ...(affiliateFilled as AffiliatePixelInput),
      delivery_method: 'facebook',
    });
    expect(facebook.ok && facebook.value.pixel.integrations.facebook).toEqual(affiliateFilled.facebook_pixel);
  });
});
