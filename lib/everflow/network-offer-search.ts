import { ok, type Result } from '../result';
import type { EverflowError } from './errors';
import { toPage } from './pixel-results';
import { networkOffersTableSchema, type Offer, type Page, toOffer } from './schemas/offers';
import { type CallOptions, callFields, type Transport } from './transport';

/** The statuses `offerstable` filters on (reference §4.2). */
export type NetworkOfferStatus = 'active' | 'paused' | 'pending' | 'deleted';

/** An offer search for pickers: paged, optionally by name (which also matches ids) and status. */
export interface NetworkOfferQuery {
  page?: number;
  pageSize?: number;
  /** Name or id to look for (`search_type: "name"`). */
  search?: string;
  status?: NetworkOfferStatus;
}

/** Searches the network's offers. */
export type NetworkOfferSearch = (
  query?: NetworkOfferQuery,
  options?: CallOptions,
) => Promise<Result<Page<Offer>, EverflowError>>;

function rawOffers(raw: unknown): Record<string, unknown>[] {
  const list = Array.isArray(raw) ? raw : (raw as { offers?: unknown } | null)?.offers;
  return Array.isArray(list) ? list.map((o) => (o && typeof o === 'object' ? o : {})) : [];
}

/**
 * `POST /networks/offerstable`: the network side has no "runnable offers" list, so pickers search. The body
 * takes `search_terms` and `filters` at the top level, as `affiliatestable` does; paging is in the query.
 */
export function createNetworkOfferSearch(t: Transport): NetworkOfferSearch {
  return async (query = {}, options) => {
    const text = query.search?.trim();
    const res = await t.send({
      method: 'POST',
      path: '/networks/offerstable',
      idempotent: true,
      query: { page: query.page, page_size: query.pageSize },
      body: {
        search_terms: text ? [{ search_type: 'name', value: text }] : [],
        filters: query.status ? { offer_status: query.status } : {},
      },
      schema: networkOffersTableSchema,
      ...callFields(options),
    });
    if (!res.ok) return res;
    const raws = rawOffers(res.value.raw);
    const items = res.value.data.offers.map((offer, i) => toOffer(offer, raws[i] ?? {}));
    return ok(toPage(items, res.value.data.paging, query));
  };
}
