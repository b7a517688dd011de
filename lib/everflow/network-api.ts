import { err, ok, type Result } from '../result';
import { type CreateOutcome, createWithRecovery } from './create-recovery';
import { type EverflowError, everflowError } from './errors';
import { manyPixels, onePixel, toPage } from './pixel-results';
import {
  type NetworkEventForm,
  type PixelChanges,
  rejectsEventSpelling,
  roundTrip,
  validateWrite,
} from './roundtrip';
import { type AccountInfo, networkAccountInfo, networkAccountSchema } from './schemas/accounts';
import { type DeliveryMethod, type PixelStatus, type PixelType, wirePixelType } from './schemas/enums';
import {
  type NetworkPixelBody,
  networkPixelDeleteSchema,
  networkPixelReadSchema,
  networkPixelSearchResultSchema,
  networkPixelWriteSchema,
} from './schemas/network-pixel';
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
import { type CallOptions, callFields, type Transport, withRateLimitRetry } from './transport';

/** A create body for the network API; `pixel_type` may use the internal `event`. */
export type NetworkPixelInput = Omit<NetworkPixelBody, 'pixel_type'> & {
  pixel_type: PixelType | 'post_conversion';
};

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

/** Everything the network API offers this extension. */
export interface NetworkApi {
  /** POST with create recovery; `event` falls back to `post_conversion` once on a 400. */
  createPixel(body: NetworkPixelInput, options?: CallOptions): Promise<Result<CreateOutcome, EverflowError>>;
  getPixel(id: number, options?: CallOptions): Promise<Result<Postback, EverflowError>>;
  /** Edit: GET → apply `changes` → PUT the whole object. */
  updatePixel(
    id: number,
    changes: PixelChanges,
    options?: CallOptions,
  ): Promise<Result<Postback, EverflowError>>;
  setPixelStatus(
    id: number,
    status: PixelStatus,
    options?: CallOptions,
  ): Promise<Result<Postback, EverflowError>>;
  /** PUT a complete body as given (after validation). */
  replacePixel(
    id: number,
    body: NetworkPixelInput,
    options?: CallOptions,
  ): Promise<Result<Postback, EverflowError>>;
  /** Permanent. Resolves `true` when Everflow answers `{ result: true }`. */
  deletePixel(id: number, options?: CallOptions): Promise<Result<true, EverflowError>>;
  searchPixels(
    search?: NetworkPixelSearch,
    options?: CallOptions,
  ): Promise<Result<Page<Postback>, EverflowError>>;
  /** One offer with its events (`?relationship=payout_revenue`). */
  offer(offerId: number, options?: CallOptions): Promise<Result<OfferWithEvents, EverflowError>>;
  affiliates(
    query?: PartnerQuery,
    options?: CallOptions,
  ): Promise<Result<Page<PartnerSummary>, EverflowError>>;
  /** The key's network ("Get Network Info"). */
  whoAmI(options?: CallOptions): Promise<Result<AccountInfo, EverflowError>>;
}

/** Extra knobs of the network API. */
export interface NetworkApiOptions {
  recoverySettleMs: number;
  /** Page size and page cap of the recovery lookup. */
  recoveryPageSize?: number;
  recoveryMaxPages?: number;
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

/** Builds the network API over a transport. */
export function createNetworkApi(t: Transport, extra: NetworkApiOptions): NetworkApi {
  // Learned once per client: if the server refuses `event`, later writes use `post_conversion`.
  let eventForm: NetworkEventForm = 'event';
  const onEventFormRejected = () => {
    eventForm = 'post_conversion';
  };

  const getPixel: NetworkApi['getPixel'] = async (id, options) =>
    onePixel(
      await t.send({
        method: 'GET',
        path: `/networks/pixels/${id}`,
        schema: networkPixelReadSchema,
        ...callFields(options),
      }),
      'network',
    );

  const put = async (id: number, body: Record<string, unknown>, options?: CallOptions) =>
    onePixel(
      await t.send({
        method: 'PUT',
        path: `/networks/pixels/${id}`,
        body,
        schema: networkPixelReadSchema,
        ...callFields(options),
      }),
      'network',
    );

  const searchPixels: NetworkApi['searchPixels'] = async (search = {}, options) => {
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
    const items = manyPixels(res.value.data.pixels, res.value.raw, 'network');
    return ok(toPage(items, res.value.data.paging, search));
  };

  /** Every page of a search, up to a cap (used by create recovery). */
  const searchAll = async (filters: NetworkPixelSearch['filters'], options?: CallOptions) => {
    const pageSize = extra.recoveryPageSize ?? 500;
    const found: Postback[] = [];
    for (let page = 1; page <= (extra.recoveryMaxPages ?? 10); page++) {
      const res = await searchPixels({ page, pageSize, ...(filters ? { filters } : {}) }, options);
      if (!res.ok) return res;
      found.push(...res.value.items);
      const total = res.value.totalCount;
      if (res.value.items.length < pageSize || (total !== undefined && found.length >= total)) break;
    }
    return ok(found);
  };

  const edit = (id: number, changes: PixelChanges, options?: CallOptions) =>
    roundTrip(
      {
        realm: 'network',
        get: () => getPixel(id, options),
        put: (body) => put(id, body, options),
        writeSchema: networkPixelWriteSchema,
        eventForm,
        onEventFormRejected,
      },
      changes,
    );

  const toWire = (body: NetworkPixelInput): Record<string, unknown> => ({
    ...body,
    pixel_type: wirePixelType(body.pixel_type, 'network', eventForm),
  });

  return {
    async createPixel(input, options) {
      const body = toWire(input);
      const invalid = validateWrite(networkPixelWriteSchema, body);
      if (invalid) return err(invalid);
      const postOnce = async (payload: Record<string, unknown>) =>
        onePixel(
          await t.once({
            method: 'POST',
            path: '/networks/pixels',
            body: payload,
            schema: networkPixelReadSchema,
            ...callFields(options),
          }),
          'network',
        );
      const post = async () => {
        const res = await postOnce(body);
        // A 400 saved nothing, so the other spelling may be tried at once.
        if (!res.ok && rejectsEventSpelling(res.error, body)) {
          onEventFormRejected();
          return postOnce({ ...body, pixel_type: 'post_conversion' });
        }
        return res;
      };
      const offerId = Number(body.network_offer_id ?? 0);
      return createWithRecovery({
        realm: 'network',
        body,
        post: () => withRateLimitRetry(t, post, options),
        listCandidates: () =>
          searchAll(
            offerId > 0
              ? { offerIds: [offerId] }
              : { affiliateIds: [Number(body.network_affiliate_id ?? 0)] },
            options,
          ),
        settleMs: extra.recoverySettleMs,
        sleep: t.retry.sleep,
        signal: options?.signal,
      });
    },
    getPixel,
    updatePixel: edit,
    setPixelStatus: (id, status, options) => edit(id, { pixel_status: status }, options),
    async replacePixel(id, input, options) {
      const body = toWire(input);
      const invalid = validateWrite(networkPixelWriteSchema, body);
      if (invalid) return err(invalid);
      const res = await put(id, body, options);
      if (!res.ok && rejectsEventSpelling(res.error, body)) {
        onEventFormRejected();
        return put(id, { ...body, pixel_type: 'post_conversion' }, options);
      }
      return res;
    },
    async deletePixel(id, options) {
      const res = await t.send({
        method: 'DELETE',
        path: `/networks/pixels/${id}`,
        schema: networkPixelDeleteSchema,
        ...callFields(options),
      });
      if (!res.ok) return res;
      return res.value.data.result
        ? ok(true)
        : err(everflowError('bad_response', { field: 'result', detail: 'result: Everflow answered false' }));
    },
    searchPixels,
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
    async whoAmI(options) {
      const res = await t.send({
        method: 'GET',
        path: '/networks',
        schema: networkAccountSchema,
        ...callFields(options),
      });
      return res.ok ? ok(networkAccountInfo(res.value.data)) : res;
    },
  };
}
