// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkPixelRules } from '../../../lib/everflow/rules';
import { draftIssues } from '../../../lib/everflow/schemas/draft';

const networkBase = {
  network_offer_id: 11,
  network_affiliate_id: 7,
  delivery_method: 'postback',
  pixel_level: 'specific',
  pixel_status: 'active',
  pixel_type: 'conversion',
  postback_url: 'https://example.com/pb?tid={transaction_id}',
};
const affiliateBase = {
  delivery_method: 'postback',
  pixel_level: 'specific',
  pixel_status: 'active',
  pixel_type: 'conversion',
  postback_url: 'https://example.com/pb',
  network_offer_id: 3,
};

function fields(draft: Record<string, unknown>, realm: 'affiliate' | 'network') {
  return checkPixelRules(draft, realm).map((issue) => issue.field);
}

describe('checkPixelRules', () => {
  it('accepts valid bodies of both realms', () => {
    expect(checkPixelRules(networkBase, 'network')).toEqual([]);
    expect(checkPixelRules(affiliateBase, 'affiliate')).toEqual([]);
  });

  it.each([
    [
      'specific needs an offer',
      { pixel_level: 'specific', network_offer_id: 0 },
      'network_offer_id',
      /required.*"specific"/,
    ],
    [
      'specific needs a partner',
      { pixel_level: 'specific', network_affiliate_id: 0 },
      'network_affiliate_id',
      /required/,
    ],
    [
      'global needs a partner',
      { pixel_level: 'global', network_offer_id: 0, network_affiliate_id: 0 },
      'network_affiliate_id',
      /required.*"global"/,
    ],
    [
      'global needs offer 0',
      { pixel_level: 'global', network_offer_id: 11 },
      'network_offer_id',
      /must be 0.*set it to 0/,
    ],
    [
      'global_offer needs an offer',
      { pixel_level: 'global_offer', network_offer_id: 0, network_affiliate_id: 0 },
      'network_offer_id',
      /required.*"global_offer"/,
    ],
    [
      'global_offer needs partner 0',
      { pixel_level: 'global_offer', network_affiliate_id: 7 },
      'network_affiliate_id',
      /must be 0/,
    ],
    [
      'cpc cannot be global_offer',
      { pixel_type: 'cpc', pixel_level: 'global_offer', network_affiliate_id: 0 },
      'pixel_level',
      /cannot be "global_offer".*"cpc"/,
    ],
    ['postback needs a URL', { postback_url: '' }, 'postback_url', /required.*enter the URL/],
    [
      'URL needs http(s)',
      { postback_url: 'example.com/pb' },
      'postback_url',
      /must start with http:\/\/ or https:\/\//,
    ],
    [
      'URL needs http(s), not ftp',
      { postback_url: 'ftp://example.com' },
      'postback_url',
      /http:\/\/ or https:\/\//,
    ],
    [
      'html needs code',
      { delivery_method: 'html', postback_url: '', html_code: '  ' },
      'html_code',
      /html_code is required/,
    ],
    [
      'facebook needs its object',
      { delivery_method: 'facebook', facebook_pixel: null },
      'facebook_pixel',
      /facebook_pixel is required/,
    ],
    ['tiktok needs its object', { delivery_method: 'tiktok' }, 'tiktok_pixel', /tiktok_pixel is required/],
    [
      'snapchat needs its object',
      { delivery_method: 'snapchat' },
      'snapchat_pixel',
      /snapchat_pixel is required/,
    ],
    [
      'rumble needs its object',
      { delivery_method: 'rumble', rumble_pixel: [] },
      'rumble_pixel',
      /rumble_pixel is required/,
    ],
    ['delay at most 300000', { delay_ms: 300_001 }, 'delay_ms', /0 to 300000/],
    ['delay not negative', { delay_ms: -1 }, 'delay_ms', /0 to 300000/],
    [
      'delay only for postback',
      { delivery_method: 'html', html_code: '<img>', delay_ms: 5 },
      'delay_ms',
      /only applies.*set it to 0/,
    ],
    [
      'event id needs the event type',
      { network_offer_payout_revenue_id: 4 },
      'network_offer_payout_revenue_id',
      /only applies to event postbacks/,
    ],
    [
      'event id not at global level',
      { pixel_type: 'event', pixel_level: 'global', network_offer_id: 0, network_offer_payout_revenue_id: 4 },
      'network_offer_payout_revenue_id',
      /"specific" or "global_offer"/,
    ],
  ])('network: %s', (_name, change, field, message) => {
    const issues = checkPixelRules({ ...networkBase, ...change }, 'network');
    expect(issues.map((issue) => issue.field)).toContain(field);
    expect(issues.find((issue) => issue.field === field)?.message).toMatch(message);
  });

  it('allows the event id with either event spelling at specific or global_offer level', () => {
    for (const pixel_type of ['event', 'post_conversion']) {
      expect(fields({ ...networkBase, pixel_type, network_offer_payout_revenue_id: 4 }, 'network')).toEqual(
        [],
      );
      const globalOffer = {
        ...networkBase,
        pixel_type,
        pixel_level: 'global_offer',
        network_affiliate_id: 0,
      };
      expect(fields({ ...globalOffer, network_offer_payout_revenue_id: 4 }, 'network')).toEqual([]);
    }
  });

  it('keeps affiliate-specific leniency: offer id with global, delay with html', () => {
    // The affiliate seed example sends an offer id with a global html postback.
    expect(fields({ ...affiliateBase, pixel_level: 'global', network_offer_id: 123 }, 'affiliate')).toEqual(
      [],
    );
    const html = { ...affiliateBase, delivery_method: 'html', html_code: '<img>', delay_ms: 10 };
    expect(fields(html, 'affiliate')).toEqual([]);
  });

  it('applies the affiliate rules', () => {
    expect(fields({ ...affiliateBase, network_offer_id: 0 }, 'affiliate')).toEqual(['network_offer_id']);
    expect(fields({ ...affiliateBase, network_offer_payout_revenue_id: 9 }, 'affiliate')).toEqual([
      'network_offer_payout_revenue_id',
    ]);
    const globalEvent = { ...affiliateBase, pixel_level: 'global', pixel_type: 'post_conversion' };
    expect(fields({ ...globalEvent, network_offer_payout_revenue_id: 9 }, 'affiliate')).toEqual([
      'network_offer_payout_revenue_id',
    ]);
    expect(
      fields(
        { ...affiliateBase, pixel_type: 'post_conversion', network_offer_payout_revenue_id: 9 },
        'affiliate',
      ),
    ).toEqual([]);
  });
});

describe('integration rules', () => {
  const meta = {
    ...networkBase,
    delivery_method: 'facebook',
    facebook_pixel: {
      network_affiliate_integration_facebook_business_id: 5501,
      pixel_id: '123',
      event_name: 'Purchase',
    },
  };

  it('needs the integration id on create only', () => {
    const noId = { ...meta, facebook_pixel: { pixel_id: '123', event_name: 'Purchase' } };
    expect(checkPixelRules(meta, 'network', 'create')).toEqual([]);
    expect(checkPixelRules(noId, 'network', 'create')).toEqual([
      {
        field: 'facebook_pixel.network_affiliate_integration_facebook_business_id',
        message: expect.stringMatching(/required when creating a "facebook" postback/),
      },
    ]);
    // A PUT may carry a partner's own Meta pixel, which has no integration id.
    expect(checkPixelRules(noId, 'network', 'update')).toEqual([]);
    expect(checkPixelRules(noId, 'network')).toEqual([]);
  });

  it.each([
    [
      'facebook_pixel',
      'facebook',
      { pixel_id: ' ' },
      ['facebook_pixel.pixel_id', 'facebook_pixel.event_name'],
    ],
    ['tiktok_pixel', 'tiktok', { event_name: 'Buy' }, ['tiktok_pixel.pixel_code']],
    ['snapchat_pixel', 'snapchat', { asset_id: 'a' }, ['snapchat_pixel.event_name']],
    ['rumble_pixel', 'rumble', { conversion_action_id: 0 }, ['rumble_pixel.conversion_action_id']],
  ])('%s needs what fires, on every write', (key, method, object, expected) => {
    const body = { ...networkBase, delivery_method: method, [key]: object };
    expect(fields(body, 'network')).toEqual(expected);
  });

  it('leaves the affiliate realm and wrong types to others', () => {
    const affiliateMeta = { ...affiliateBase, delivery_method: 'facebook', facebook_pixel: {} };
    expect(fields(affiliateMeta, 'affiliate')).toEqual([]);
    const wrongType = { ...meta, facebook_pixel: { ...meta.facebook_pixel, pixel_id: 5 } };
    expect(checkPixelRules(wrongType, 'network', 'create')).toEqual([]);
    expect(draftIssues(wrongType, 'network', 'create').map((i) => i.field)).toEqual([
      'facebook_pixel.pixel_id',
    ]);
  });
});

describe('draftIssues', () => {
  it('reports enum and type problems together with cross-field rules', () => {
    const issues = draftIssues(
      { ...affiliateBase, pixel_level: 'global_offer', delay_ms: 'soon', postback_url: 'x' },
      'affiliate',
    );
    expect(issues.map((issue) => issue.field).sort()).toEqual(['delay_ms', 'pixel_level', 'postback_url']);
    expect(issues.find((issue) => issue.field === 'pixel_level')?.message).toMatch(/"global" or "specific"/);
  });

  it('accepts the internal event type for both realms', () => {
    expect(draftIssues({ ...affiliateBase, pixel_type: 'event' }, 'affiliate')).toEqual([]);
    expect(draftIssues({ ...networkBase, pixel_type: 'event' }, 'network')).toEqual([]);
  });

  it('rejects network-only delivery methods on the affiliate side', () => {
    const issues = draftIssues(
      { ...affiliateBase, delivery_method: 'tiktok', tiktok_pixel: {} },
      'affiliate',
    );
    expect(issues[0]).toEqual({
      field: 'delivery_method',
      message: 'delivery_method must be "postback", "html" or "facebook" for an affiliate postback.',
    });
  });
});
