// zod/mini: pages read offers from the cache in storage and must check them.
import * as z from 'zod/mini';

/** A payout (affiliate) or payout/revenue (network) event of an offer. */
export const EventView = z.object({ id: z.number(), name: z.string(), isDefault: z.boolean() });
export type EventView = z.infer<typeof EventView>;

/** An offer as pages see it. */
export const OfferView = z.object({
  id: z.number(),
  name: z.string(),
  status: z.optional(z.string()),
  /** Payout (affiliate) or payout/revenue (network) events; empty when not loaded. */
  events: z.array(EventView),
});
export type OfferView = z.infer<typeof OfferView>;

/** A partner (network side) as pages see it. */
export const PartnerView = z.object({ id: z.number(), name: z.string(), status: z.optional(z.string()) });
export type PartnerView = z.infer<typeof PartnerView>;
