import { DEMO_KEYS, DEMO_NETWORK_ID, DEMO_PARTNER_ID } from '../demo-keys';
import type { PartnerRecord, World } from '../model';
import { buildGeneratedOffers } from './generated-offers';
import { buildOffers } from './offers';

type PartnerRow = [id: number, name: string, status: PartnerRecord['account_status'], currency: string];

// biome-ignore format: one partner per line reads as a table
const PARTNERS: PartnerRow[] = [
  [3, 'Northwind Media', 'active', 'USD'],
  [4, 'BluePeak Traffic', 'active', 'USD'],
  [5, 'Atlas Performance Group', 'active', 'EUR'],
  [6, 'Crimson Leads', 'inactive', 'USD'],
  [DEMO_PARTNER_ID, 'Demo Partner', 'active', 'USD'],
  [8, 'Orbit App Marketing', 'active', 'USD'],
  [9, 'Lighthouse Deals', 'active', 'GBP'],
  [10, 'Maple Affiliates', 'pending', 'CAD'],
  [12, 'Zenith Push Network', 'active', 'USD'],
  [14, 'Harbor Social Ads', 'active', 'USD'],
  [15, 'Quasar Native', 'suspended', 'USD'],
  [18, 'Everest Email Co.', 'active', 'USD'],
];

const BASE_TIME = 1_704_067_200; // 2024-01-01T00:00:00Z

function emailFor(name: string): string {
  return `partners+${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}@example.com`;
}

/** How many offers the fixed catalogue has; `--offers N` adds generated ones up to N. */
export const FIXED_OFFER_COUNT = buildOffers().length;

function catalogue(offerCount: number) {
  const fixed = buildOffers();
  if (offerCount <= fixed.length) return fixed;
  const lastEntry = Math.max(
    ...fixed.flatMap((offer) => offer.payouts.map((p) => p.network_offer_payout_revenue_id)),
  );
  return [...fixed, ...buildGeneratedOffers(offerCount - fixed.length, lastEntry + 1)];
}

/**
 * The fixed world every seed shares: one network ("Demo Network", id 1), twelve partners (the demo
 * affiliate key belongs to partner 7, "Demo Partner"), the offer catalogue and the two demo keys.
 * `offerCount` above the fixed catalogue's size adds generated offers (ids from 101) up to that count.
 * Another `networkId` names the network "Demo Network N" and keeps everything else, so two sandboxes are two
 * networks with the same partners and same-named offers.
 */
export function buildWorld(offerCount = 0, networkId = DEMO_NETWORK_ID): World {
  const suffix = networkId === DEMO_NETWORK_ID ? '' : ` ${networkId}`;
  return {
    network: {
      network_id: networkId,
      name: `Demo Network${suffix}`,
      identifier: `demonetwork${suffix.trim()}`,
      timezone_id: 80,
      currency_id: 'USD',
      support_email: 'support@demo-network.example',
      time_created: BASE_TIME,
      time_saved: BASE_TIME + 86_400,
    },
    partners: PARTNERS.map(([id, name, status, currency], index) => ({
      network_affiliate_id: id,
      name,
      account_status: status,
      email: emailFor(name),
      network_employee_id: 2,
      account_executive_id: index % 2 === 0 ? 2 : 3,
      network_traffic_source_id: 0,
      default_currency_id: currency,
      time_created: BASE_TIME + index * 5 * 86_400,
      time_saved: BASE_TIME + index * 5 * 86_400 + 3600,
    })),
    offers: catalogue(offerCount),
    keys: [
      { key: DEMO_KEYS.affiliate, realm: 'affiliate', network_affiliate_id: DEMO_PARTNER_ID },
      { key: DEMO_KEYS.network, realm: 'network', network_affiliate_id: 0 },
    ],
  };
}
