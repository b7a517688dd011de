import { DEMO_PARTNER_ID } from '../demo-keys';
import { createPrng } from '../faults';
import type { OfferRecord, PixelFields, PixelLevel, PixelRecord, PixelType, World } from '../model';
import { findPartner, isRunnableBy } from '../world';

// Generated postbacks for the scale seeds (10 000 per side for the popup and network-console benchmarks).
// Each row draws a tracker, a host, a level, a type, an event, a status and a few macros from fixed
// distributions with a seeded PRNG, so two builds are equal. Every URL carries a row token, so a search
// can single out any one postback.

/** How many postbacks to add on each side. */
export interface GeneratedPixelCounts {
  /** Postbacks of the demo partner (what the affiliate key sees). */
  own: number;
  /** Postbacks of the other partners and network-wide `global_offer` ones. */
  partners: number;
}

type Random = () => number;

const PIXEL_PRNG_SEED = 16;
const OTHER_PARTNERS = [3, 4, 5, 6, 8, 9, 10, 12, 14, 15, 18];
const HOST_WORDS = [
  'alpha',
  'nova',
  'peak',
  'orbit',
  'lumen',
  'atlas',
  'cobalt',
  'ember',
  'fjord',
  'granite',
];
const DOMAINS = [
  'demopartner-media.com',
  'adsquad.example',
  'clickhaus.example',
  'mediabuy.example',
  'leadforge.example',
];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A short base-36 token that differs for every row. */
function tokenOf(row: number): string {
  return ((row + 1) * 2_654_435_761).toString(36).slice(-7);
}

function hostWord(random: Random): string {
  return `${pick(random, HOST_WORDS)}${1 + Math.floor(random() * 12)}`;
}

// Optional extras: cpc postbacks may only use macros documented for cpc.
const EXTRAS = [
  '&sub2={sub2}',
  '&sub3={sub3}',
  '&offer={offer_id}',
  '&cur={offer_currency}',
  '&aff={affiliate_id}',
];
const CONVERSION_EXTRAS = [
  '&conv={conversion_id}',
  '&adv1={adv1}',
  '&sale={sale_amount}',
  '&order={order_id}',
  '&sub10={sub10}',
];

function extras(random: Random, type: PixelType): string {
  const pool = type === 'cpc' ? EXTRAS : [...EXTRAS, ...CONVERSION_EXTRAS];
  let out = '';
  const count = Math.floor(random() * 3);
  for (let n = 0; n < count; n += 1) {
    const extra = pick(random, pool);
    if (!out.includes(extra)) out += extra;
  }
  return out;
}

/** A tracker postback URL in the shape partners really paste (Voluum, RedTrack, Binom, Keitaro, ...). */
function trackerUrl(random: Random, type: PixelType, row: number): string {
  const token = tokenOf(row);
  const event = type === 'event';
  const more = extras(random, type);
  switch (Math.floor(random() * 8)) {
    case 0:
      return `https://${hostWord(random)}.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}&txid={transaction_id}${event ? '&et={event_name}' : ''}&c=${token}${more}`;
    case 1:
      return `https://${hostWord(random)}.rdtk.io/postback?clickid={sub1}&sum={payout_amount}${event ? '&type={event_name}' : ''}&ref=${token}${more}`;
    case 2:
      return `https://binom.${pick(random, DOMAINS)}/click.php?cnv_id={sub1}&payout={payout_amount}&cnv_status=${event ? '{event_name}' : 'approved'}&t=${token}${more}`;
    case 3:
      return `https://kt.${pick(random, DOMAINS)}/${token}/postback?subid={sub1}&status=${event ? 'rebill' : 'sale'}&payout={payout_amount}&tid={transaction_id}${event ? '&event={event_id}' : ''}${more}`;
    case 4:
      return `https://${hostWord(random)}.bemobtrk.com/postback?cid={sub1}&payout={payout_amount}&txid={transaction_id}&k=${token}${more}`;
    case 5:
      return `https://track.${pick(random, DOMAINS)}/cf/cv?click_id={sub1}&payout={payout_amount}${event ? '&event={event_name}' : ''}&src=${token}${more}`;
    case 6:
      return `https://www.${pick(random, DOMAINS)}/?nid=${100 + Math.floor(random() * 900)}&transaction_id={sub2}&amount={payout_amount}&uid=${token}${more}`;
    default:
      return `http://s2s.${pick(random, DOMAINS)}/conv?click={sub1}&amount={payout_amount}&id=${token}${more}`;
  }
}

function htmlCode(random: Random, row: number): string {
  const token = tokenOf(row);
  const host = `pixel.${pick(random, DOMAINS)}`;
  switch (Math.floor(random() * 3)) {
    case 0:
      return `<img src="https://${host}/conversion.gif?cid={sub1}&txid={transaction_id}&amount={payout_amount}&t=${token}" width="1" height="1" alt="" />`;
    case 1:
      return `<iframe src="https://${host}/thanks?tid={transaction_id}&s2={sub2}&t=${token}" width="1" height="1" frameborder="0"></iframe>`;
    default:
      return `<script src="https://${host}/cv.js" data-txid="{transaction_id}" data-t="${token}" async></script>`;
  }
}

const META_EVENTS = ['Purchase', 'Lead', 'CompleteRegistration', 'Subscribe', 'StartTrial'];

function emptyDelivery(): Pick<
  PixelFields,
  'postback_url' | 'html_code' | 'facebook_pixel' | 'tiktok_pixel' | 'snapchat_pixel' | 'rumble_pixel'
> {
  return {
    postback_url: '',
    html_code: '',
    facebook_pixel: null,
    tiktok_pixel: null,
    snapchat_pixel: null,
    rumble_pixel: null,
  };
}

/** The type and event target of one row; cpc offers get cpc postbacks, as Everflow's UI forces. */
function typeAndEvent(random: Random, offer: OfferRecord | undefined): { type: PixelType; eventId: number } {
  if (offer && offer.payouts[0]?.payout_type === 'cpc') return { type: 'cpc', eventId: 0 };
  if (random() < 0.64) return { type: 'conversion', eventId: 0 };
  const events = offer ? offer.payouts.filter((entry) => !entry.is_default) : [];
  // About one event postback in five fires for every event (id 0); the rest target one event.
  if (events.length === 0 || random() < 0.2) return { type: 'event', eventId: 0 };
  return { type: 'event', eventId: pick(random, events).network_offer_payout_revenue_id };
}

function ownPixel(random: Random, offers: OfferRecord[], row: number): PixelFields {
  const global = random() < 0.03;
  const offer = global ? undefined : pick(random, offers);
  const { type, eventId } = typeAndEvent(random, offer);
  const methodDraw = type === 'cpc' ? 0 : random();
  const fields: PixelFields = {
    ...emptyDelivery(),
    network_affiliate_id: DEMO_PARTNER_ID,
    network_offer_id: offer?.network_offer_id ?? 0,
    network_offer_payout_revenue_id: eventId,
    delivery_method: 'postback',
    pixel_level: global ? 'global' : 'specific',
    pixel_status: random() < 0.82 ? 'active' : 'inactive',
    pixel_type: type,
    description: '',
    delay_ms: 0,
  };
  if (methodDraw < 0.84) {
    const delay = random() < 0.08 ? pick(random, [30_000, 60_000, 300_000]) : 0;
    return { ...fields, postback_url: trackerUrl(random, type, row), delay_ms: delay };
  }
  if (methodDraw < 0.94) return { ...fields, delivery_method: 'html', html_code: htmlCode(random, row) };
  return {
    ...fields,
    delivery_method: 'facebook',
    facebook_pixel: {
      network_affiliate_integration_facebook_business_id: 0,
      pixel_id: String(870_000_000_000_000 + (row % 40) * 1_000_003),
      event_name: pick(random, META_EVENTS),
      event_id: '',
      action_source: '',
      event_source_url: '',
      user_data: [],
      custom_data: [],
      access_token: `EAAGdemoScale${tokenOf(row)}`,
    },
  };
}

function partnerPixel(random: Random, offers: OfferRecord[], world: World, row: number): PixelFields {
  const levelDraw = random();
  const level: PixelLevel = levelDraw < 0.07 ? 'global' : levelDraw < 0.15 ? 'global_offer' : 'specific';
  const offer = level === 'global' ? undefined : pick(random, offers);
  const partner = level === 'global_offer' ? 0 : pick(random, OTHER_PARTNERS);
  let { type, eventId } = typeAndEvent(random, offer);
  if (type === 'cpc' && level === 'global_offer') type = 'conversion';
  if (level === 'global') eventId = 0;
  const partnerName = findPartner(world, partner)?.name ?? 'Network';
  const fields: PixelFields = {
    ...emptyDelivery(),
    network_affiliate_id: partner,
    network_offer_id: offer?.network_offer_id ?? 0,
    network_offer_payout_revenue_id: eventId,
    delivery_method: 'postback',
    pixel_level: level,
    pixel_status: random() < 0.85 ? 'active' : 'inactive',
    pixel_type: type,
    description: `${partnerName}: ${offer ? offer.name : 'every offer'} (${tokenOf(row)})`,
    delay_ms: 0,
  };
  const method = type === 'cpc' ? 0 : random();
  if (method < 0.7) {
    return {
      ...fields,
      postback_url: trackerUrl(random, type, row),
      delay_ms: random() < 0.06 ? 120_000 : 0,
    };
  }
  if (method < 0.8) return { ...fields, delivery_method: 'html', html_code: htmlCode(random, row) };
  const integration = 5000 + (row % 90);
  if (method < 0.88) {
    return {
      ...fields,
      delivery_method: 'facebook',
      facebook_pixel: {
        network_affiliate_integration_facebook_business_id: integration,
        pixel_id: String(1_200_000_000_000_000 + integration),
        event_name: pick(random, META_EVENTS),
        event_id: '{transaction_id}',
        action_source: 'website',
        event_source_url: '',
        user_data: [{ field: 'external_id', value: '{sub2}' }],
        custom_data: [{ field: 'value', value: '{payout_amount}' }],
        access_token: '',
      },
    };
  }
  if (method < 0.94) {
    return {
      ...fields,
      delivery_method: 'tiktok',
      tiktok_pixel: {
        network_affiliate_integration_tiktok_id: integration,
        pixel_code: `CQ1SCALE${tokenOf(row).toUpperCase()}`,
        event_name: pick(random, ['CompletePayment', 'CompleteRegistration', 'SubmitForm']),
        url: '',
        email: '',
        phone: '',
        properties: [{ field: 'price', value: '{payout_amount}' }],
      },
    };
  }
  if (method < 0.98) {
    return {
      ...fields,
      delivery_method: 'snapchat',
      snapchat_pixel: {
        network_affiliate_integration_snapchat_id: integration,
        asset_id: `scale-${tokenOf(row)}`,
        event_name: pick(random, ['PURCHASE', 'SIGN_UP']),
        event_id: '{transaction_id}',
        action_source: 'WEB',
        event_source_url: '',
        user_data: [],
        custom_data: [{ field: 'value', value: '{payout_amount}' }],
      },
    };
  }
  return {
    ...fields,
    delivery_method: 'rumble',
    rumble_pixel: {
      network_affiliate_integration_rumble_id: integration,
      conversion_action_id: 4000 + (row % 500),
      conversion_action_name: 'Conversion',
    },
  };
}

/**
 * Generate `counts.own` postbacks of the demo partner (on offers it can run, ~3 % global) and
 * `counts.partners` of the other partners (~7 % global, ~8 % network-wide global_offer), interleaved as
 * they would be created over time, with ids from `firstId` and timestamps ten minutes apart from `firstTime`.
 */
export function buildGeneratedPixels(
  world: World,
  counts: GeneratedPixelCounts,
  firstId: number,
  firstTime: number,
): PixelRecord[] {
  const random = createPrng(PIXEL_PRNG_SEED);
  const runnable = world.offers.filter((offer) => isRunnableBy(offer, DEMO_PARTNER_ID));
  const live = world.offers.filter((offer) => offer.offer_status !== 'deleted');
  const total = counts.own + counts.partners;
  const pixels: PixelRecord[] = [];
  let own = 0;
  for (let row = 0; row < total; row += 1) {
    // Spread the two kinds evenly through the id range (a Bresenham-style interleave).
    const mine = Math.floor(((row + 1) * counts.own) / total) > own;
    const fields = mine ? ownPixel(random, runnable, row) : partnerPixel(random, live, world, row);
    if (mine) own += 1;
    const created = firstTime + row * 600;
    pixels.push({
      ...fields,
      network_pixel_id: firstId + row,
      time_created: created,
      time_saved: created + (row % 5 === 0 ? 7_200 : 0),
    });
  }
  return pixels;
}
