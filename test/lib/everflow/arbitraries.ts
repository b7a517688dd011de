import fc from 'fast-check';

/**
 * fast-check generators of raw pixels as Everflow would send them: valid for their realm's write
 * rules (so a round trip reaches the PUT), with every integration object, rows, read-only keys and
 * unknown fields holding nested values.
 */

const text = fc.string({ maxLength: 12 });
const id = fc.integer({ min: 1, max: 1_000_000 });
const url = fc
  .tuple(fc.constantFrom('http://', 'https://', 'HTTPS://'), fc.domain(), fc.string({ maxLength: 10 }))
  .map(([scheme, host, rest]) => `${scheme}${host}/${encodeURIComponent(rest)}?tid={transaction_id}`);

/** Unknown keys never collide with documented ones; `__proto__` shows up now and then. */
const unknownKey = fc.oneof(
  { weight: 9, arbitrary: fc.string({ minLength: 1, maxLength: 8 }).map((s) => `x_${s}`) },
  { weight: 1, arbitrary: fc.constant('__proto__') },
);
const unknownFields = fc.array(fc.tuple(unknownKey, fc.jsonValue({ maxDepth: 3 })), { maxLength: 4 });

/** An object built from entries, so `__proto__` is an own key as JSON.parse would make it. */
function withExtras(base: Record<string, unknown>, extras: [string, unknown][]): Record<string, unknown> {
  return Object.fromEntries([
    ...Object.entries(base),
    ...extras.filter(([key]) => !Object.hasOwn(base, key)),
  ]);
}

const row = fc
  .tuple(
    fc.record({ field: fc.constantFrom('email', 'phone', 'value', 'price', 'currency'), value: text }),
    unknownFields,
  )
  .map(([base, extras]) => withExtras(base, extras.slice(0, 1)));
const rows = fc.array(row, { maxLength: 3 });

/** Text that is not blank: what a required integration field holds. */
const filledText = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');

function integration(shape: Record<string, fc.Arbitrary<unknown>>, requiredKeys: string[] = []) {
  return fc
    .tuple(fc.record(shape, { requiredKeys }), unknownFields)
    .map(([base, extras]) => withExtras(base, extras));
}

/**
 * The network integration objects: the fields every write requires (what fires: pixel id, event, …) are
 * always there, every other documented field optional (a PUT does not require the integration id).
 */
export const networkIntegrations = {
  facebook_pixel: integration(
    {
      network_affiliate_integration_facebook_business_id: id,
      pixel_id: filledText,
      event_name: filledText,
      event_id: text,
      action_source: text,
      event_source_url: text,
      user_data: rows,
      custom_data: rows,
    },
    ['pixel_id', 'event_name'],
  ),
  tiktok_pixel: integration(
    {
      network_affiliate_integration_tiktok_id: id,
      pixel_code: filledText,
      event_name: filledText,
      url: text,
      email: text,
      phone: text,
      properties: rows,
    },
    ['pixel_code', 'event_name'],
  ),
  snapchat_pixel: integration(
    {
      network_affiliate_integration_snapchat_id: id,
      asset_id: filledText,
      event_name: filledText,
      event_id: text,
      action_source: text,
      event_source_url: text,
      user_data: rows,
      custom_data: rows,
    },
    ['asset_id', 'event_name'],
  ),
  rumble_pixel: integration(
    {
      network_affiliate_integration_rumble_id: id,
      conversion_action_id: id,
      conversion_action_name: text,
    },
    ['conversion_action_id'],
  ),
};

const affiliateFacebook = integration({ pixel_id: text, event_name: text, access_token: text });

const readOnly = fc.record({
  network_id: id,
  time_created: fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }),
  time_saved: fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }),
  relationship: fc.record({ offer: fc.record({ network_offer_id: id, name: text }) }, { requiredKeys: [] }),
});

/** A raw affiliate pixel. */
export const affiliatePixel = fc
  .record({
    idKey: fc.constantFrom('network_pixel_id', 'network_affiliate_pixel_id'),
    id,
    delivery: fc.constantFrom('postback', 'html', 'facebook'),
    level: fc.constantFrom('global', 'specific'),
    type: fc.constantFrom('conversion', 'post_conversion', 'cpc'),
    status: fc.constantFrom('active', 'inactive'),
    offer: id,
    eventId: fc.nat({ max: 50 }),
    url,
    otherUrl: fc.oneof(fc.constant(''), url),
    html: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    delay: fc.integer({ min: 0, max: 300_000 }),
    facebook: affiliateFacebook,
    others: fc.record({
      tiktok_pixel: fc.constantFrom(null, {}),
      snapchat_pixel: fc.constantFrom(null, {}),
      rumble_pixel: fc.constantFrom(null, {}),
    }),
    readOnly,
    partner: id,
    extras: unknownFields,
  })
  .map((g) => {
    const eventOk = g.type === 'post_conversion' && g.level === 'specific';
    const base: Record<string, unknown> = {
      [g.idKey]: g.id,
      network_id: g.readOnly.network_id,
      network_affiliate_id: g.partner,
      network_offer_id: g.level === 'global' ? 0 : g.offer,
      network_offer_payout_revenue_id: eventOk ? g.eventId : 0,
      delivery_method: g.delivery,
      pixel_level: g.level,
      pixel_status: g.status,
      pixel_type: g.type,
      postback_url: g.delivery === 'postback' ? g.url : g.otherUrl,
      html_code: g.delivery === 'html' ? g.html : '',
      delay_ms: g.delay,
      time_created: g.readOnly.time_created,
      time_saved: g.readOnly.time_saved,
      facebook_pixel: g.delivery === 'facebook' ? g.facebook : null,
      ...g.others,
      relationship: g.readOnly.relationship,
    };
    return withExtras(base, g.extras);
  });

/** A raw network pixel. */
export const networkPixel = fc
  .record({
    id,
    delivery: fc.constantFrom('postback', 'html', 'facebook', 'tiktok', 'snapchat', 'rumble'),
    level: fc.constantFrom('global', 'specific', 'global_offer'),
    type: fc.constantFrom('conversion', 'event', 'post_conversion', 'cpc'),
    status: fc.constantFrom('active', 'inactive'),
    offer: id,
    partner: id,
    eventId: fc.nat({ max: 50 }),
    url,
    html: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    delay: fc.integer({ min: 0, max: 300_000 }),
    description: text,
    facebook: networkIntegrations.facebook_pixel,
    tiktok: networkIntegrations.tiktok_pixel,
    snapchat: networkIntegrations.snapchat_pixel,
    rumble: networkIntegrations.rumble_pixel,
    /** Whether integration objects not in use are still present (some servers keep them). */
    keepUnused: fc.boolean(),
    readOnly,
    extras: unknownFields,
  })
  .map((g) => {
    const level = g.type === 'cpc' && g.level === 'global_offer' ? 'specific' : g.level;
    const eventOk = (g.type === 'event' || g.type === 'post_conversion') && level !== 'global';
    const use = (method: string, value: unknown) => (g.delivery === method || g.keepUnused ? value : null);
    const base: Record<string, unknown> = {
      network_pixel_id: g.id,
      network_id: g.readOnly.network_id,
      network_affiliate_id: level === 'global_offer' ? 0 : g.partner,
      network_offer_id: level === 'global' ? 0 : g.offer,
      network_offer_payout_revenue_id: eventOk ? g.eventId : 0,
      delivery_method: g.delivery,
      pixel_level: level,
      pixel_status: g.status,
      pixel_type: g.type,
      postback_url: g.delivery === 'postback' ? g.url : '',
      html_code: g.delivery === 'html' ? g.html : '',
      description: g.description,
      delay_ms: g.delivery === 'postback' ? g.delay : 0,
      time_created: g.readOnly.time_created,
      time_saved: g.readOnly.time_saved,
      facebook_pixel: use('facebook', g.facebook),
      tiktok_pixel: use('tiktok', g.tiktok),
      snapchat_pixel: use('snapchat', g.snapchat),
      rumble_pixel: use('rumble', g.rumble),
      relationship: g.readOnly.relationship,
    };
    return withExtras(base, g.extras);
  });
