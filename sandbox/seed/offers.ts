import { DEMO_PARTNER_ID } from '../demo-keys';
import type { OfferRecord, OfferVisibility, PayoutEntry } from '../model';

// The offer catalogue of the sandbox network. Rows are compact on purpose; `buildOffers` expands them.
// The first payout row of each offer is its base conversion (is_default); the others are post-conversion events.
// For `cps` rows the number is a percentage of the sale, otherwise an amount in the offer currency.

type PayoutRow = [entryName: string, payoutType: 'cpa' | 'cpc' | 'cps', value: number];
type OfferRow = [
  id: number,
  name: string,
  categoryId: number,
  advertiserId: number,
  visibility: OfferVisibility,
  status: OfferRecord['offer_status'],
  currency: string,
  payouts: PayoutRow[],
  approved?: number[],
];

/** Category id → vertical name. */
export const CATEGORIES: Record<number, string> = {
  1: 'Health & Beauty',
  2: 'Nutra',
  3: 'Finance',
  4: 'iGaming',
  5: 'Sweepstakes',
  6: 'Dating',
  7: 'Mobile Apps',
  8: 'E-commerce',
  9: 'Insurance',
  10: 'Education',
  11: 'Crypto',
  12: 'Gaming',
  13: 'Home Services',
  14: 'Travel',
  15: 'Software & VPN',
  16: 'Solar',
};

/** Advertiser id → name. */
export const ADVERTISERS: Record<number, string> = {
  101: 'Vitality Labs',
  102: 'NorthStar Nutrition',
  103: 'LendRight Financial',
  104: 'Lucky Orbit Gaming',
  105: 'PrizeDrop Promotions',
  106: 'Kindred Hearts Inc.',
  107: 'Appwave Studios',
  108: 'Cartly Commerce',
  109: 'SureCover Insurance',
  110: 'SkillPath Academy',
  111: 'Coinvault Exchange',
  112: 'Pixel Forge Games',
  113: 'HomeShield Services',
  114: 'Wanderlust Travel Co.',
  115: 'ShieldNet Software',
  116: 'SunCrest Solar',
};

const ME = DEMO_PARTNER_ID;

// biome-ignore format: one offer per line reads as a table
const ROWS: OfferRow[] = [
  [11, 'Keto Burn - US - CPA', 2, 102, 'public', 'active', 'USD', [['Base Conversion', 'cpa', 38], ['Upsell', 'cpa', 12], ['Rebill', 'cpa', 20]]],
  [12, 'Keto Burn - CA - CPA', 2, 102, 'public', 'active', 'CAD', [['Base Conversion', 'cpa', 34], ['Upsell', 'cpa', 10]]],
  [13, 'GlowSerum Anti-Aging - US - Trial', 1, 101, 'public', 'active', 'USD', [['Trial Start', 'cpa', 45], ['Full Price Purchase', 'cpa', 25]]],
  [14, 'SlimFit Garcinia - UK - CPA', 2, 102, 'public', 'active', 'GBP', [['Base Conversion', 'cpa', 32]]],
  [15, 'CBD Calm Gummies - US - CPS', 1, 101, 'public', 'active', 'USD', [['Base Conversion', 'cps', 30], ['Upsell', 'cps', 15]]],
  [16, 'LendRight Personal Loans - US - CPL', 3, 103, 'public', 'active', 'USD', [['Lead', 'cpa', 18], ['Funded Loan', 'cpa', 120]]],
  [17, 'CreditBoost Score Check - US - CPA', 3, 103, 'public', 'active', 'USD', [['Base Conversion', 'cpa', 22]]],
  [18, 'QuickCash Payday - UK - CPL', 3, 103, 'public', 'active', 'GBP', [['Lead', 'cpa', 12], ['Approved Loan', 'cpa', 55]]],
  [19, 'SpinPalace Casino - CA - CPA', 4, 104, 'public', 'active', 'CAD', [['Registration', 'cpa', 5], ['First Deposit', 'cpa', 150], ['Deposit', 'cps', 25]]],
  [20, 'Lucky Orbit Slots - DE - CPA', 4, 104, 'require_approval', 'active', 'EUR', [['Registration', 'cpa', 8], ['First Deposit', 'cpa', 120]]],
  [21, 'BetNova Sportsbook - US-NJ - CPA', 4, 104, 'require_approval', 'active', 'USD', [['Registration', 'cpa', 10], ['First Deposit', 'cpa', 200]], [ME]],
  [22, 'PrizeDrop iPhone 16 Giveaway - US - SOI', 5, 105, 'public', 'active', 'USD', [['Base Conversion', 'cpa', 2.2]]],
  [23, 'PrizeDrop $1000 Walmart Gift Card - US - DOI', 5, 105, 'public', 'active', 'USD', [['Base Conversion', 'cpa', 3.1], ['Email Confirmed', 'cpa', 0.8]]],
  [24, 'Kindred Hearts Dating - US - SOI', 6, 106, 'public', 'active', 'USD', [['Registration', 'cpa', 4.5], ['Premium Subscription', 'cpa', 45]]],
  [25, 'Kindred Hearts Dating - AU - SOI', 6, 106, 'public', 'active', 'AUD', [['Registration', 'cpa', 3.9], ['Premium Subscription', 'cpa', 40]]],
  [26, 'MatchSpark 40+ Dating - UK - DOI', 6, 106, 'public', 'active', 'GBP', [['Registration', 'cpa', 5], ['Subscription', 'cpa', 38]]],
  [27, 'Appwave Weather Pro - iOS - CPI', 7, 107, 'public', 'active', 'USD', [['Install', 'cpa', 1.8], ['Trial Start', 'cpa', 6], ['Subscription', 'cpa', 22]]],
  [28, 'Appwave Photo Editor - Android - CPI', 7, 107, 'public', 'active', 'USD', [['Install', 'cpa', 0.9], ['Subscription', 'cpa', 15]]],
  [29, 'StreamBox VPN - iOS - CPI', 15, 115, 'public', 'active', 'USD', [['Install', 'cpa', 2.4], ['Trial Start', 'cpa', 8], ['Subscription', 'cpa', 30]]],
  [30, 'Cartly Summer Sale - US - CPS', 8, 108, 'public', 'active', 'USD', [['Purchase', 'cps', 10]]],
  [31, 'Cartly Flash Deals - Global - CPC', 8, 108, 'public', 'active', 'USD', [['Click', 'cpc', 0.35]]],
  [32, 'SureCover Auto Insurance - US - CPL', 9, 109, 'public', 'active', 'USD', [['Lead', 'cpa', 14], ['Qualified Lead', 'cpa', 25]]],
  [33, 'SureCover Home Insurance - US - CPL', 9, 109, 'public', 'active', 'USD', [['Lead', 'cpa', 16]]],
  [34, 'PetGuard Pet Insurance - US - CPA', 9, 109, 'public', 'active', 'USD', [['Base Conversion', 'cpa', 28]]],
  [35, 'SkillPath Coding Bootcamp - US - CPL', 10, 110, 'public', 'active', 'USD', [['Lead', 'cpa', 35], ['Enrollment', 'cpa', 250]]],
  [36, 'LinguaLeap Language App - Global - CPA', 10, 110, 'public', 'active', 'USD', [['Trial Start', 'cpa', 4], ['Subscription', 'cpa', 18]]],
  [37, 'Coinvault Exchange - EU - CPA', 11, 111, 'public', 'active', 'EUR', [['Registration', 'cpa', 5], ['KYC Approved', 'cpa', 30], ['First Deposit', 'cpa', 90]]],
  [38, 'Coinvault Exchange - LATAM - CPA', 11, 111, 'require_approval', 'active', 'USD', [['Registration', 'cpa', 3], ['First Deposit', 'cpa', 60]]],
  [39, 'Pixel Forge Raid Legends - Android - CPI', 12, 112, 'public', 'active', 'USD', [['Install', 'cpa', 1.2], ['Level 10 Reached', 'cpa', 4], ['Purchase', 'cpa', 10]]],
  [40, 'Pixel Forge Kingdom Clash - iOS - CPI', 12, 112, 'public', 'active', 'USD', [['Install', 'cpa', 2.1], ['Level 10 Reached', 'cpa', 5]]],
  [41, 'HomeShield Solar Quotes - US - CPL', 16, 113, 'public', 'active', 'USD', [['Lead', 'cpa', 45], ['Appointment Set', 'cpa', 120]]],
  [42, 'HomeShield Roofing Leads - US - CPL', 13, 113, 'public', 'active', 'USD', [['Lead', 'cpa', 30]]],
  [43, 'SunCrest Solar Savings - US - CPL', 16, 116, 'public', 'active', 'USD', [['Lead', 'cpa', 50], ['Qualified Lead', 'cpa', 90]]],
  [44, 'Wanderlust Hotel Deals - Global - CPS', 14, 114, 'public', 'paused', 'USD', [['Booking', 'cps', 6]]],
  [45, 'Wanderlust Flights - US - CPC', 14, 114, 'public', 'active', 'USD', [['Click', 'cpc', 0.25]]],
  [46, 'ShieldNet VPN - Global - CPS', 15, 115, 'public', 'active', 'USD', [['Purchase', 'cps', 40], ['Renewal', 'cps', 20]]],
  [47, 'ShieldNet Antivirus - US - CPA', 15, 115, 'public', 'active', 'USD', [['Base Conversion', 'cpa', 32], ['Upsell', 'cpa', 10]]],
  [48, 'Vitality Collagen Boost - US - CPA', 1, 101, 'public', 'active', 'USD', [['Base Conversion', 'cpa', 40], ['Upsell', 'cpa', 15], ['Rebill', 'cpa', 25]]],
  [49, 'Vitality Sleep Gummies - UK - CPA', 2, 101, 'public', 'active', 'GBP', [['Base Conversion', 'cpa', 30]]],
  [50, 'NorthStar Protein Box - US - Subscription', 2, 102, 'public', 'active', 'USD', [['Base Conversion', 'cpa', 25], ['Rebill', 'cpa', 12]]],
  [51, 'GlowSerum Anti-Aging - AU - Trial', 1, 101, 'public', 'active', 'AUD', [['Trial Start', 'cpa', 42]]],
  [52, 'FitTrack Smart Scale - Global - CPS', 8, 108, 'public', 'active', 'USD', [['Purchase', 'cps', 12]]],
  [53, 'Keto Burn - DE - CPA', 2, 102, 'require_approval', 'active', 'EUR', [['Base Conversion', 'cpa', 36], ['Upsell', 'cpa', 11]], [ME]],
  [54, 'Lucky Orbit Slots - UK - CPA', 4, 104, 'require_approval', 'active', 'GBP', [['Registration', 'cpa', 7], ['First Deposit', 'cpa', 110]], [3]],
  [55, 'BetNova Sportsbook - US-PA - CPA', 4, 104, 'private', 'active', 'USD', [['Registration', 'cpa', 10], ['First Deposit', 'cpa', 180]], [ME]],
  [56, 'CreditBoost Premium - US - CPA', 3, 103, 'private', 'active', 'USD', [['Base Conversion', 'cpa', 60]], [4]],
  [57, 'SkillPath Data Science - US - CPL', 10, 110, 'public', 'paused', 'USD', [['Lead', 'cpa', 40]]],
  [58, 'Appwave Budget Planner - iOS - CPI', 7, 107, 'public', 'pending', 'USD', [['Install', 'cpa', 1.5]]],
  [59, 'SpinPalace Casino - NZ - CPA', 4, 104, 'require_approval', 'active', 'NZD', [['Registration', 'cpa', 6], ['First Deposit', 'cpa', 140]], [ME, 3]],
  [60, 'MatchSpark 40+ Dating - US - DOI', 6, 106, 'public', 'active', 'USD', [['Registration', 'cpa', 5.5], ['Subscription', 'cpa', 42]]],
];

const BASE_TIME = 1_735_689_600; // 2025-01-01T00:00:00Z: offers predate every postback.

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Expand the catalogue; payout/revenue ids are assigned in order from 201, so they are stable. */
export function buildOffers(): OfferRecord[] {
  let nextEntryId = 201;
  return ROWS.map(
    ([id, name, categoryId, advertiserId, visibility, status, currency, rows, approved], index) => {
      const payouts: PayoutEntry[] = rows.map(([entryName, payoutType, value], entryIndex) => {
        const percent = payoutType === 'cps';
        const entry: PayoutEntry = {
          network_offer_payout_revenue_id: nextEntryId,
          entry_name: entryName,
          is_default: entryIndex === 0,
          payout_type: payoutType,
          payout_amount: percent ? 0 : value,
          payout_percentage: percent ? value : 0,
          revenue_type: payoutType === 'cpa' ? 'rpa' : payoutType === 'cpc' ? 'rpc' : 'rps',
          revenue_amount: percent ? 0 : Math.round(value * 130) / 100,
          revenue_percentage: percent ? Math.round(value * 1.3) : 0,
          is_private: false,
        };
        nextEntryId += 1;
        return entry;
      });
      const time = BASE_TIME + index * 3 * 86_400;
      return {
        network_offer_id: id,
        name,
        network_advertiser_id: advertiserId,
        advertiser_name: ADVERTISERS[advertiserId] ?? 'Advertiser',
        network_offer_group_id: 0,
        offer_status: status,
        visibility,
        currency_id: currency,
        network_category_id: categoryId,
        category_name: CATEGORIES[categoryId] ?? 'Other',
        network_tracking_domain_id: 1,
        preview_url: `https://offers.demo-network.example/preview/${slug(name)}`,
        thumbnail_url: `https://cdn.demo-network.example/thumbs/${id}.png`,
        html_description: `<p>${name}. Pays on ${rows[0]?.[0] ?? 'conversion'}; see payouts for events.</p>`,
        time_created: time,
        time_saved: time + 86_400,
        approved_affiliate_ids: approved ?? [],
        payouts,
      };
    },
  );
}
