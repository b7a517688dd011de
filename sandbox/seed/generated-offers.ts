import { DEMO_PARTNER_ID } from '../demo-keys';
import { createPrng } from '../faults';
import type { OfferRecord, OfferVisibility, PayoutEntry } from '../model';
import { ADVERTISERS, CATEGORIES } from './offers';

// Extra offers for `--offers N` (bulk-apply work needs 500+ runnable offers). Names are built from a
// product list per vertical, a geo and a pricing model, so they read like a real catalogue; events are
// drawn from each vertical's usual funnel (FTD, deposit, upsell, rebill, ...). A fixed PRNG seed keeps
// the catalogue identical on every start.

type Model = 'CPA' | 'CPL' | 'CPI' | 'CPS' | 'SOI' | 'DOI' | 'Trial' | 'RevShare';
type Event = [name: string, type: 'cpa' | 'cps', low: number, high: number];

interface Vertical {
  products: string[];
  models: Model[];
  /** The first event is the base conversion; 0-3 of the rest are added in order. */
  events: Event[];
}

// biome-ignore format: one vertical per block reads as a table
const VERTICALS: Record<number, Vertical> = {
  1: { products: ['GlowSerum Night Repair', 'Vitality Collagen Gold', 'PureSkin Retinol', 'LuxeLash Growth', 'DermaGlow Vitamin C', 'SilkHair Biotin'], models: ['CPA', 'Trial'], events: [['Base Conversion', 'cpa', 25, 55], ['Upsell', 'cpa', 8, 18], ['Rebill', 'cpa', 12, 30], ['Second Upsell', 'cpa', 5, 12]] },
  2: { products: ['Keto Burn Max', 'SlimFit Garcinia Pro', 'NorthStar Greens', 'ProBiotic Balance', 'Apple Cider Gummies', 'TurmeriX Joint'], models: ['CPA', 'Trial'], events: [['Base Conversion', 'cpa', 28, 45], ['Upsell', 'cpa', 9, 15], ['Rebill', 'cpa', 15, 25], ['Bundle Upgrade', 'cpa', 10, 20]] },
  3: { products: ['LendRight Installment', 'CreditBoost Monitor', 'QuickCash Bridge', 'DebtEase Relief', 'CardMatch Rewards', 'MortgageWise Refi'], models: ['CPL', 'CPA'], events: [['Lead', 'cpa', 10, 30], ['Approved Application', 'cpa', 40, 90], ['Funded Loan', 'cpa', 90, 200], ['Card Activation', 'cpa', 20, 45]] },
  4: { products: ['SpinPalace Casino', 'Lucky Orbit Slots', 'BetNova Sportsbook', 'RoyalJack Blackjack', 'GoldRush Bingo', 'PokerPeak Rooms'], models: ['CPA', 'RevShare'], events: [['Registration', 'cpa', 4, 10], ['FTD', 'cpa', 90, 220], ['Deposit', 'cps', 15, 35], ['Second Deposit', 'cpa', 20, 60]] },
  5: { products: ['PrizeDrop Gift Card', 'PrizeDrop Gaming Console', 'WinBig Cash Draw', 'DreamCar Sweepstakes', 'Grocery Voucher'], models: ['SOI', 'DOI'], events: [['Base Conversion', 'cpa', 1.5, 3.5], ['Email Confirmed', 'cpa', 0.5, 1.2], ['Survey Complete', 'cpa', 0.8, 2]] },
  6: { products: ['Kindred Hearts', 'MatchSpark 40+', 'FaithConnect', 'CityDate Singles', 'SilverSwans'], models: ['SOI', 'DOI'], events: [['Registration', 'cpa', 3, 6], ['Premium Subscription', 'cpa', 30, 50], ['Profile Complete', 'cpa', 1, 2], ['Renewal', 'cps', 10, 25]] },
  7: { products: ['Appwave Weather', 'Appwave Scanner', 'FocusTimer', 'BudgetBee', 'FitStreak Workouts', 'Snapfix Photo'], models: ['CPI', 'CPA'], events: [['Install', 'cpa', 0.8, 2.5], ['Trial Start', 'cpa', 4, 9], ['Subscription', 'cpa', 12, 30], ['In-App Purchase', 'cps', 10, 30]] },
  8: { products: ['Cartly Home', 'FitTrack Smart Watch', 'EcoBottle', 'Glowlamp Smart Bulb', 'PetPal Feeder', 'ChefPro Knife Set'], models: ['CPS', 'CPA'], events: [['Purchase', 'cps', 6, 15], ['Upsell', 'cpa', 3, 10], ['Repeat Purchase', 'cps', 4, 10]] },
  9: { products: ['SureCover Auto', 'SureCover Home', 'PetGuard', 'LifeShield Term', 'TravelSafe', 'HealthBridge Medicare'], models: ['CPL', 'CPA'], events: [['Lead', 'cpa', 10, 25], ['Qualified Lead', 'cpa', 20, 45], ['Policy Bound', 'cpa', 60, 140]] },
  10: { products: ['SkillPath Coding', 'LinguaLeap', 'DataCamp Pro', 'DesignSchool UX', 'NurseReady Prep', 'MBA Finder'], models: ['CPL', 'CPA'], events: [['Lead', 'cpa', 20, 45], ['Trial Start', 'cpa', 3, 8], ['Enrollment', 'cpa', 150, 300], ['Subscription', 'cpa', 15, 25]] },
  11: { products: ['Coinvault Exchange', 'SatoshiSave Wallet', 'BlockYield Staking', 'TokenTrade Pro'], models: ['CPA', 'RevShare'], events: [['Registration', 'cpa', 3, 6], ['KYC Approved', 'cpa', 20, 35], ['FTD', 'cpa', 50, 110], ['Deposit', 'cps', 10, 25]] },
  12: { products: ['Raid Legends', 'Kingdom Clash', 'Galaxy Miners', 'Dragon Forge', 'Farmland Tales', 'Puzzle Quest Saga'], models: ['CPI', 'CPA'], events: [['Install', 'cpa', 1, 3], ['Level 10 Reached', 'cpa', 3, 6], ['Purchase', 'cpa', 8, 15], ['Day 7 Retention', 'cpa', 2, 5]] },
  13: { products: ['HomeShield Roofing', 'HomeShield Windows', 'PureWater Filtration', 'BathRenew Remodel', 'HVAC Pros', 'SafeHome Security'], models: ['CPL'], events: [['Lead', 'cpa', 25, 50], ['Appointment Set', 'cpa', 80, 150], ['Sale', 'cpa', 150, 300]] },
  14: { products: ['Wanderlust Hotels', 'Wanderlust Flights', 'CruiseFinder', 'RentACar Direct', 'TourBuddy'], models: ['CPS', 'CPA'], events: [['Booking', 'cps', 4, 8], ['Add-On', 'cpa', 3, 8]] },
  15: { products: ['ShieldNet VPN', 'ShieldNet Antivirus', 'StreamBox VPN', 'CloudVault Backup', 'PassKeep Manager', 'CleanPC Optimizer'], models: ['CPS', 'CPA', 'Trial'], events: [['Purchase', 'cps', 25, 45], ['Trial Start', 'cpa', 5, 10], ['Renewal', 'cps', 15, 25], ['Upgrade', 'cpa', 10, 25]] },
  16: { products: ['SunCrest Solar', 'HomeShield Solar', 'SolarWise Panels', 'PowerWall Storage'], models: ['CPL'], events: [['Lead', 'cpa', 35, 60], ['Qualified Lead', 'cpa', 70, 110], ['Appointment Set', 'cpa', 100, 160]] },
};

// biome-ignore format: a flat list
const GEOS: [geo: string, currency: string][] = [
  ['US', 'USD'], ['CA', 'CAD'], ['UK', 'GBP'], ['DE', 'EUR'], ['FR', 'EUR'], ['AU', 'AUD'], ['NZ', 'NZD'],
  ['IT', 'EUR'], ['ES', 'EUR'], ['NL', 'EUR'], ['SE', 'EUR'], ['BR', 'USD'], ['MX', 'USD'], ['JP', 'USD'],
  ['Global', 'USD'], ['Tier 1', 'USD'], ['LATAM', 'USD'], ['Nordics', 'EUR'],
];

/** The first id of generated offers (the fixed catalogue ends at 60). */
export const FIRST_GENERATED_OFFER_ID = 101;
const BASE_TIME = 1_740_787_200; // 2025-03-01T00:00:00Z
const OFFER_PRNG_SEED = 17;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function visibilityOf(draw: number): { visibility: OfferVisibility; approved: number[] } {
  // Mostly public; some need approval (half of those already approved for the demo partner); a few private.
  if (draw < 0.82) return { visibility: 'public', approved: [] };
  if (draw < 0.88) return { visibility: 'require_approval', approved: [DEMO_PARTNER_ID, 3] };
  if (draw < 0.95) return { visibility: 'require_approval', approved: [4] };
  if (draw < 0.97) return { visibility: 'private', approved: [DEMO_PARTNER_ID] };
  return { visibility: 'private', approved: [5] };
}

function statusOf(draw: number): OfferRecord['offer_status'] {
  if (draw < 0.94) return 'active';
  if (draw < 0.98) return 'paused';
  return 'pending';
}

/**
 * `count` generated offers with ids from {@link FIRST_GENERATED_OFFER_ID} and payout/revenue ids from
 * `firstEntryId`. Each has 1-4 payout events (the first is the default), a vertical and an advertiser,
 * a status (about 95 % active) and a visibility (about 90 % open to the demo partner). Deterministic.
 */
export function buildGeneratedOffers(count: number, firstEntryId: number): OfferRecord[] {
  const random = createPrng(OFFER_PRNG_SEED);
  const used = new Set<string>();
  let nextEntryId = firstEntryId;
  const offers: OfferRecord[] = [];
  const categories = Object.keys(VERTICALS).map(Number);
  for (let index = 0; index < count; index += 1) {
    const id = FIRST_GENERATED_OFFER_ID + index;
    const categoryId = pick(random, categories);
    const vertical = VERTICALS[categoryId] as Vertical;
    const [geo, currency] = pick(random, GEOS);
    const base = `${pick(random, vertical.products)} - ${geo} - ${pick(random, vertical.models)}`;
    // Real catalogues repeat an offer per traffic type or landing page; number the repeats the same way.
    let name = base;
    for (let copy = 2; used.has(name); copy += 1) name = `${base} (LP${copy})`;
    used.add(name);
    const eventCount = 1 + Math.floor(random() * Math.min(4, vertical.events.length));
    const payouts: PayoutEntry[] = vertical.events
      .slice(0, eventCount)
      .map(([entryName, type, low, high], n) => {
        const value = round(low + random() * (high - low));
        const percent = type === 'cps';
        const entry: PayoutEntry = {
          network_offer_payout_revenue_id: nextEntryId,
          entry_name: entryName,
          is_default: n === 0,
          payout_type: type,
          payout_amount: percent ? 0 : value,
          payout_percentage: percent ? value : 0,
          revenue_type: percent ? 'rps' : 'rpa',
          revenue_amount: percent ? 0 : round(value * 1.3),
          revenue_percentage: percent ? Math.round(value * 1.3) : 0,
          is_private: false,
        };
        nextEntryId += 1;
        return entry;
      });
    const { visibility, approved } = visibilityOf(random());
    const time = BASE_TIME + index * 3_600 * 7;
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    offers.push({
      network_offer_id: id,
      name,
      network_advertiser_id: 100 + categoryId,
      advertiser_name: ADVERTISERS[100 + categoryId] ?? 'Advertiser',
      network_offer_group_id: 0,
      offer_status: statusOf(random()),
      visibility,
      currency_id: currency,
      network_category_id: categoryId,
      category_name: CATEGORIES[categoryId] ?? 'Other',
      network_tracking_domain_id: 1,
      preview_url: `https://offers.demo-network.example/preview/${slug}`,
      thumbnail_url: `https://cdn.demo-network.example/thumbs/${id}.png`,
      html_description: `<p>${name}. Pays on ${payouts[0]?.entry_name ?? 'conversion'}; see payouts for events.</p>`,
      time_created: time,
      time_saved: time + 86_400,
      approved_affiliate_ids: approved,
      payouts,
    });
  }
  return offers;
}
