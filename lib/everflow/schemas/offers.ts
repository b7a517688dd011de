import { z } from 'zod';
import { pagingSchema, readInt } from './pixel-shared';

/**
 * Offers and partners, read leniently (API reference §4). An event (payout/revenue entry) is what an
 * event postback targets through `network_offer_payout_revenue_id`.
 */

/** One payout/revenue entry (affiliate `payouts`, network `payout_revenue`). */
export const offerEventReadSchema = z.looseObject({
  network_offer_payout_revenue_id: readInt,
  entry_name: z.string().nullish(),
  is_default: z.boolean().nullish(),
  payout_type: z.string().nullish(),
  payout_amount: z.number().nullish(),
  payout_percentage: z.number().nullish(),
  revenue_type: z.string().nullish(),
  revenue_amount: z.number().nullish(),
  revenue_percentage: z.number().nullish(),
});

/** Both documented forms of an event list: a bare array (slim beta) or `{ entries }`. */
const eventListSchema = z
  .union([z.array(offerEventReadSchema), z.looseObject({ entries: z.array(offerEventReadSchema).nullish() })])
  .transform((value) => (Array.isArray(value) ? value : (value.entries ?? [])));

const offerFields = {
  network_offer_id: readInt,
  name: z.string(),
  offer_status: z.string().nullish(),
  currency_id: z.string().nullish(),
  preview_url: z.string().nullish(),
  tracking_url: z.string().nullish(),
  thumbnail_url: z.string().nullish(),
};

/** An affiliate offer; one offer (`/affiliates/offers/{id}`) carries `relationship.payouts`. */
export const affiliateOfferReadSchema = z.looseObject({
  ...offerFields,
  relationship: z
    .looseObject({ offer_affiliate_status: z.string().nullish(), payouts: eventListSchema.nullish() })
    .nullish(),
});

/** `GET /affiliates/offersrunnable`: `{ offers, paging }`. */
export const runnableOffersSchema = z.looseObject({
  offers: z.array(affiliateOfferReadSchema).nullable(),
  paging: pagingSchema.optional(),
});

/** A network offer; events sit in `relationship.payout_revenue` (`{ entries }` or an array). */
export const networkOfferReadSchema = z.looseObject({
  ...offerFields,
  relationship: z.looseObject({ payout_revenue: eventListSchema.nullish() }).nullish(),
});

/**
 * `POST /networks/offerstable` (offer search, reference §4.2): `{ offers, paging }`; a bare array is accepted
 * too, as for the other network lists whose wrapper the docs disagree on.
 */
export const networkOffersTableSchema = z
  .union([
    z.looseObject({ offers: z.array(networkOfferReadSchema).nullable(), paging: pagingSchema.optional() }),
    z.array(networkOfferReadSchema),
  ])
  .transform((value) =>
    Array.isArray(value) ? { offers: value, paging: undefined } : { ...value, offers: value.offers ?? [] },
  );

/** One partner in the network's affiliate list. */
export const networkAffiliateReadSchema = z.looseObject({
  network_affiliate_id: readInt,
  name: z.string(),
  account_status: z.string().nullish(),
});

/** `GET /networks/affiliates` (and the table search): `{ affiliates, paging }` or, in the beta docs, an array. */
export const networkAffiliatesSchema = z
  .union([
    z.looseObject({
      affiliates: z.array(networkAffiliateReadSchema).nullable(),
      paging: pagingSchema.optional(),
    }),
    z.array(networkAffiliateReadSchema),
  ])
  .transform((value) =>
    Array.isArray(value)
      ? { affiliates: value, paging: undefined }
      : { ...value, affiliates: value.affiliates ?? [] },
  );

/** An offer in the internal model. */
export interface Offer {
  id: number;
  name: string;
  status: string;
  currencyId?: string;
  raw: Readonly<Record<string, unknown>>;
}

/** An event of an offer: what an event postback can target. */
export interface OfferEvent {
  /** `network_offer_payout_revenue_id`. */
  id: number;
  name: string;
  /** True for the base conversion (goes with a `conversion` postback, not an event one). */
  isDefault: boolean;
  payoutType?: string;
  payoutAmount?: number;
  revenueType?: string;
  revenueAmount?: number;
}

/** An offer with its events. */
export interface OfferWithEvents extends Offer {
  events: OfferEvent[];
}

/** One page of a paged list. `totalCount` is missing when the server did not say. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  totalCount?: number;
}

/** A partner (affiliate) as a network sees it. */
export interface PartnerSummary {
  id: number;
  name: string;
  status: string;
}

/** Builds an offer view from a validated offer and its raw object. */
export function toOffer(
  offer: z.infer<typeof affiliateOfferReadSchema>,
  raw: Record<string, unknown>,
): Offer {
  const view: Offer = { id: offer.network_offer_id, name: offer.name, status: offer.offer_status ?? '', raw };
  if (offer.currency_id) view.currencyId = offer.currency_id;
  return view;
}

/** Builds the event list from validated entries. */
export function toEvents(entries: readonly z.infer<typeof offerEventReadSchema>[]): OfferEvent[] {
  return entries.map((entry) => {
    const event: OfferEvent = {
      id: entry.network_offer_payout_revenue_id,
      name: entry.entry_name ?? '',
      isDefault: entry.is_default ?? false,
    };
    if (entry.payout_type != null) event.payoutType = entry.payout_type;
    if (entry.payout_amount != null) event.payoutAmount = entry.payout_amount;
    if (entry.revenue_type != null) event.revenueType = entry.revenue_type;
    if (entry.revenue_amount != null) event.revenueAmount = entry.revenue_amount;
    return event;
  });
}
