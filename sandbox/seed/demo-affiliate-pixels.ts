import { DEMO_PARTNER_ID } from '../demo-keys';
import type { PixelSpec } from './pixel-builder';

// The demo partner's own postbacks, pointing at the trackers partners really use. Macros are Everflow's.

const VOLUUM = 'https://trk.demopartner.voluumtrk.com/postback';
const REDTRACK = 'https://demopartner.rdtk.io/postback';
const BINOM = 'https://binom.demopartner-media.com/click.php';
const KEITARO = 'https://kt.demopartner-media.com/4f7c2a/postback';

const voluum = `${VOLUUM}?cid={sub1}&payout={payout_amount}&txid={transaction_id}`;
const voluumEvent = `${VOLUUM}?cid={sub1}&payout={payout_amount}&txid={transaction_id}&et={event_name}&event_id={event_id}`;
const redtrack = `${REDTRACK}?clickid={sub1}&sum={payout_amount}`;
const redtrackEvent = `${REDTRACK}?clickid={sub1}&sum={payout_amount}&type={event_name}`;
const binom = `${BINOM}?cnv_id={sub1}&payout={payout_amount}&cnv_status={sub2}`;
const keitaro = `${KEITARO}?subid={sub1}&status=sale&payout={payout_amount}&tid={transaction_id}`;
const keitaroEvent = `${KEITARO}?subid={sub1}&status=rebill&payout={payout_amount}&tid={transaction_id}&event={event_id}`;

const imagePixel = (host: string) =>
  `<img src="https://${host}/conversion.gif?cid={sub1}&txid={transaction_id}&amount={payout_amount}" width="1" height="1" alt="" />`;

const me = DEMO_PARTNER_ID;

/** About thirty postbacks of partner 7: every affiliate delivery method, both statuses, all three types. */
export const DEMO_AFFILIATE_PIXELS: PixelSpec[] = [
  { partner: me, offer: 0, level: 'global', type: 'conversion', postback: voluum },
  { partner: me, offer: 0, level: 'global', type: 'event', postback: voluumEvent },
  {
    partner: me,
    offer: 0,
    level: 'global',
    type: 'conversion',
    html: imagePixel('trk.demopartner.voluumtrk.com'),
  },
  {
    partner: me,
    offer: 0,
    level: 'global',
    type: 'conversion',
    status: 'inactive',
    facebook: { pixel_id: '871234560012345', event_name: 'Lead', access_token: 'EAAGdemoTokenGlobal01' },
  },
  { partner: me, offer: 11, level: 'specific', type: 'conversion', postback: redtrack },
  { partner: me, offer: 11, level: 'specific', type: 'event', event: 'Upsell', postback: redtrackEvent },
  {
    partner: me,
    offer: 11,
    level: 'specific',
    type: 'event',
    event: 'Rebill',
    status: 'inactive',
    postback: redtrackEvent,
  },
  { partner: me, offer: 12, level: 'specific', type: 'conversion', postback: binom, delay: 60_000 },
  {
    partner: me,
    offer: 13,
    level: 'specific',
    type: 'conversion',
    facebook: { pixel_id: '871234560012345', event_name: 'Purchase', access_token: 'EAAGdemoTokenGlow02' },
  },
  {
    partner: me,
    offer: 15,
    level: 'specific',
    type: 'conversion',
    html: '<script src="https://cdn.demopartner-media.com/cv.js" data-txid="{transaction_id}" data-sub="{sub1}" async></script>',
  },
  { partner: me, offer: 16, level: 'specific', type: 'conversion', postback: keitaro },
  { partner: me, offer: 16, level: 'specific', type: 'event', event: 'Funded Loan', postback: keitaroEvent },
  { partner: me, offer: 19, level: 'specific', type: 'conversion', postback: voluum },
  { partner: me, offer: 19, level: 'specific', type: 'event', event: 'First Deposit', postback: voluumEvent },
  { partner: me, offer: 19, level: 'specific', type: 'event', status: 'inactive', postback: voluumEvent },
  {
    partner: me,
    offer: 22,
    level: 'specific',
    type: 'conversion',
    html: '<iframe src="https://lp.demopartner-media.com/thanks?tid={transaction_id}&s2={sub2}" width="1" height="1" frameborder="0"></iframe>',
  },
  { partner: me, offer: 24, level: 'specific', type: 'conversion', status: 'inactive', postback: redtrack },
  { partner: me, offer: 27, level: 'specific', type: 'conversion', postback: binom },
  {
    partner: me,
    offer: 27,
    level: 'specific',
    type: 'event',
    event: 'Subscription',
    facebook: {
      pixel_id: '904455660077881',
      event_name: 'Subscribe',
      access_token: 'EAAGdemoTokenWeather03',
    },
  },
  {
    partner: me,
    offer: 29,
    level: 'specific',
    type: 'conversion',
    postback: `${REDTRACK}?clickid={sub1}&sum={payout_amount}&sub3={sub3}&sub10={sub10}`,
  },
  {
    partner: me,
    offer: 31,
    level: 'specific',
    type: 'cpc',
    postback: `${VOLUUM}?cid={sub1}&payout={payout_amount}&et=click`,
  },
  {
    partner: me,
    offer: 45,
    level: 'specific',
    type: 'cpc',
    status: 'inactive',
    postback: `${BINOM}?cnv_id={sub1}&payout={payout_amount}`,
  },
  {
    partner: me,
    offer: 32,
    level: 'specific',
    type: 'conversion',
    html: imagePixel('pixel.demopartner-media.com'),
  },
  { partner: me, offer: 37, level: 'specific', type: 'conversion', postback: keitaro },
  { partner: me, offer: 37, level: 'specific', type: 'event', event: 'KYC Approved', postback: keitaroEvent },
  {
    partner: me,
    offer: 39,
    level: 'specific',
    type: 'event',
    event: 'Level 10 Reached',
    status: 'inactive',
    facebook: {
      pixel_id: '904455660077881',
      event_name: 'AchieveLevel',
      access_token: 'EAAGdemoTokenRaid04',
    },
  },
  { partner: me, offer: 41, level: 'specific', type: 'conversion', postback: redtrack, delay: 300_000 },
  {
    partner: me,
    offer: 46,
    level: 'specific',
    type: 'conversion',
    postback: `${VOLUUM}?cid={sub1}&payout={payout_amount}&txid={transaction_id}&conv={conversion_id}&cur={offer_currency}`,
  },
  {
    partner: me,
    offer: 48,
    level: 'specific',
    type: 'event',
    event: 'Upsell',
    status: 'inactive',
    html: imagePixel('pixel.demopartner-media.com'),
  },
  { partner: me, offer: 53, level: 'specific', type: 'conversion', postback: keitaro },
  { partner: me, offer: 55, level: 'specific', type: 'conversion', postback: voluum },
];
