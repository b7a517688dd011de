import type { DeliveryMethod, PixelStatus, PixelType } from '../model/vocabulary';
import { ok, type Result } from '../result';
import type { EverflowError } from './errors';
import { collectPages } from './paging';
import { type PixelRows, readPixelRows, toPage, type UnreadablePixel } from './pixel-results';
import { wirePixelType } from './schemas/enums';
import { networkPixelSearchResultSchema } from './schemas/network-pixel';
import {
  networkAffiliatesSchema,
  networkOfferReadSchema,
  type OfferWithEvents,
  type Page,
  type PartnerSummary,
  toEvents,
  toOffer,
} from './schemas/offers';
import type { Postback } from './schemas/postback';
import { type CallOptions, callFields, type Transport } from './transport';

/** The network API's read-only lists: pixel search (`pixelstable`), one offer with events, partners. */

/** A `pixelstable` search (reference §3.6). Paging goes in the query string. */
export interface NetworkPixelSearch {
  page?: number;
  pageSize?: number;
  searchTerms?: { searchType: 'pixel_id' | 'description' | 'payload'; value: string }[];
  filters?: {
    status?: PixelStatus;
    type?: PixelType;
    /** Also returns `global` postbacks (they cover every offer). */
    offerIds?: number[];
    /** Also returns `global_offer` postbacks (they cover every partner). */
    affiliateIds?: number[];
    deliveryMethods?: DeliveryMethod[];
  };
}

/** A partner list request: paged, optionally searched by name. */
export interface PartnerQuery {
  page?: number;
  pageSize?: number;
  /** Name (or id) to search for; uses `affiliatestable`. */
  search?: string;
  status?: 'active' | 'inactive' | 'pending' | 'suspended';
}

type SearchFilters = Record<string, unknown>;

function searchBody(search: NetworkPixelSearch, statusKey: 'status' | 'offer_status') {
  const f = search.filters ?? {};
  const filters: SearchFilters = {};
  if (f.status) filters[statusKey] = f.status;
  // The search filter spells the event type `post_conversion` (reference §3.6).
  if (f.type) filters.pixel_type = wirePixelType(f.type, 'affiliate');
  if (f.offerIds) filters.network_offer_ids = f.offerIds;
  if (f.affiliateIds) filters.network_affiliate_ids = f.affiliateIds;
  if (f.deliveryMethods) filters.delivery_methods = f.deliveryMethods;
  const terms = (search.searchTerms ?? []).map((term) => ({
    search_type: term.searchType,
    value: term.value,
  }));
  return { query: { search_terms: terms, filters } };
}

/** One page of a pixel search: the readable rows, and the unreadable ones of that page listed apart. */
export type PixelPage = Page<Postback> & { unreadable: UnreadablePixel[] };

/** Every page of a search, up to the cap. */
export interface PixelSearchAll extends PixelRows {
  /**
   * Set when the server holds more matches than were read (the page cap): its total. `items.length` of
   * `total` are shown. Without a server total and with the last page full, `total` is absent but `truncated`.
   */
  total?: number;
  truncated: boolean;
}

/** Knobs of the paged lookup used by create recovery. */
export interface NetworkListOptions {
  recoveryPageSize?: number;
  recoveryMaxPages?: number;
}

/** The list methods of the network API, plus `searchAll` for create recovery. */
export interface NetworkLists {
  searchPixels(search?: NetworkPixelSearch, options?: CallOptions): Promise<Result<PixelPage, EverflowError>>;
  /** Every page of a search (filters and optional search terms), up to a cap (`maxPages`, default 10). */
  searchAll(
    filters: NetworkPixelSearch['filters'],
    options?: CallOptions,
    searchTerms?: NetworkPixelSearch['searchTerms'],
    maxPages?: number,
  ): Promise<Result<PixelSearchAll, EverflowError>>;
  offer(offerId: number, options?: CallOptions): Promise<Result<OfferWithEvents, EverflowError>>;
  affiliates(
    query?: PartnerQuery,
    options?: CallOptions,
  ): Promise<Result<Page<PartnerSummary>, EverflowError>>;
}

/** Builds the list methods over a transport. */
export function createNetworkLists(t: Transport, extra: NetworkListOptions = {}): NetworkLists {
  const searchPixels: NetworkLists['searchPixels'] = async (search = {}, options) => {
    const run = (statusKey: 'status' | 'offer_status') =>
      t.send({
        method: 'POST',
        path: '/networks/pixelstable',
        idempotent: true,
        query: { page: search.page, page_size: search.pageSize },
        body: searchBody(search, statusKey),
        schema: networkPixelSearchResultSchema,
        ...callFields(options),
      });
    let res = await run('status');
    // The field list calls the status filter `offer_status`, the example `status` (§3.6).
    if (!res.ok && res.error.kind === 'validation' && search.filters?.status) res = await run('offer_status');
    if (!res.ok) return res;
    const { items, unreadable } = readPixelRows(res.value.data.pixels, 'network');
    return ok({ ...toPage(items, res.value.data.paging, search), unreadable });
  };

  const searchAll: NetworkLists['searchAll'] = async (filters, options, searchTerms, pagesAtMost) => {
    const pageSize = extra.recoveryPageSize ?? 500;
    const maxPages = pagesAtMost ?? extra.recoveryMaxPages ?? 10;
    const unreadable: UnreadablePixel[] = [];
    let last: PixelPage | undefined;
    let pages = 0;
    const all = await collectPages<PixelPage, EverflowError>(
      (page) =>
        searchPixels(
          { page, pageSize, ...(filters ? { filters } : {}), ...(searchTerms ? { searchTerms } : {}) },
          options,
        ),
      maxPages,
      (page) => {
        pages++;
        last = page;
        unreadable.push(...page.unreadable);
        return page.unreadable.length;
      },
    );
    if (!all.ok) return all;
    // Rows read (good or not) against the server's total: fewer means the page cap stopped the reading.
    const read = all.value.length + unreadable.length;
    const serverTotal = last?.totalCount;
    const truncated =
      serverTotal !== undefined
        ? read < serverTotal
        : pages === maxPages &&
          (last?.items.length ?? 0) + (last?.unreadable.length ?? 0) >= (last?.pageSize ?? 1);
    return ok({
      items: all.value,
      unreadable,
      truncated,
      ...(truncated && serverTotal !== undefined ? { total: serverTotal } : {}),
    });
  };

  return {
    searchPixels,
    searchAll,
    async offer(offerId, options) {
      const res = await t.send({
        method: 'GET',
        path: `/networks/offers/${offerId}`,
        query: { relationship: 'payout_revenue' },
        schema: networkOfferReadSchema,
        ...callFields(options),
      });
      if (!res.ok) return res;
      const offer = toOffer(res.value.data, res.value.raw as Record<string, unknown>);
      return ok({ ...offer, events: toEvents(res.value.data.relationship?.payout_revenue ?? []) });
    },
    async affiliates(query = {}, options) {
      const paging = { page: query.page, page_size: query.pageSize };
      const res = query.search
        ? await t.send({
            method: 'POST',
            path: '/networks/affiliatestable',
            idempotent: true,
            query: paging,
            body: {
              search_terms: [{ search_type: 'name', value: query.search }],
              filters: query.status ? { account_status: query.status } : {},
            },
            schema: networkAffiliatesSchema,
            ...callFields(options),
          })
        : await t.send({
            method: 'GET',
            path: '/networks/affiliates',
            query: { ...paging, filter: query.status ? `account_status=${query.status}` : undefined },
            schema: networkAffiliatesSchema,
            ...callFields(options),
          });
      if (!res.ok) return res;
      const items = res.value.data.affiliates.map((a) => ({
        id: a.network_affiliate_id,
        name: a.name,
        status: a.account_status ?? '',
      }));
      return ok(toPage(items, res.value.data.paging, query));
    },
  };
}
