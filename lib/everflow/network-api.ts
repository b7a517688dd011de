import type { PixelType } from '../model/vocabulary';
import { err, ok, type Result } from '../result';
import {
  type CreateOptions,
  type CreateOutcome,
  createWithRecovery,
  pickCreated,
  type RecoveryOptions,
  recoveryTiming,
} from './create-recovery';
import { type EverflowError, everflowError } from './errors';
import {
  createNetworkLists,
  type NetworkPixelSearch,
  type PartnerQuery,
  type PixelPage,
  type PixelSearchAll,
} from './network-lists';
import { createNetworkOfferSearch, type NetworkOfferQuery } from './network-offer-search';
import { type PixelEditing, pixelEndpoints } from './pixel-endpoints';
import { onePixel } from './pixel-results';
import {
  type NetworkEventForm,
  type PixelChanges,
  rejectsEventSpelling,
  roundTrip,
  validateWrite,
} from './roundtrip';
import { type AccountInfo, networkAccountInfo, networkAccountSchema } from './schemas/accounts';
import { wirePixelType } from './schemas/enums';
import {
  type NetworkPixelBody,
  networkPixelCreateSchema,
  networkPixelDeleteSchema,
  networkPixelReadSchema,
  networkPixelWriteSchema,
} from './schemas/network-pixel';
import type { Offer, OfferWithEvents, Page, PartnerSummary } from './schemas/offers';
import { statusChangeSchema } from './schemas/pixel-shared';
import type { Postback } from './schemas/postback';
import { type CallOptions, callFields, type Transport, withRateLimitRetry } from './transport';

export type { NetworkPixelSearch, PartnerQuery, PixelPage, PixelSearchAll } from './network-lists';
export type { NetworkOfferQuery, NetworkOfferStatus } from './network-offer-search';

/** A create body for the network API; `pixel_type` may use the internal `event`. */
export type NetworkPixelInput = Omit<NetworkPixelBody, 'pixel_type'> & {
  pixel_type: PixelType | 'post_conversion';
};

/** Everything the network API offers this extension. */
export interface NetworkApi extends PixelEditing<NetworkPixelInput> {
  /** POST with create recovery; `event` falls back to `post_conversion` once on a 400. */
  createPixel(
    body: NetworkPixelInput,
    options?: CreateOptions,
  ): Promise<Result<CreateOutcome, EverflowError>>;
  /** "Check again" after `unknown_outcome`: the postback `body` created, if it is there now (not in `knownIds`). */
  findCreated(
    body: NetworkPixelInput,
    options?: CreateOptions,
  ): Promise<Result<Postback | undefined, EverflowError>>;
  /** Permanent. Resolves `true` when Everflow answers `{ result: true }`. */
  deletePixel(id: number, options?: CallOptions): Promise<Result<true, EverflowError>>;
  /** One page; unreadable rows are listed apart on the page. */
  searchPixels(search?: NetworkPixelSearch, options?: CallOptions): Promise<Result<PixelPage, EverflowError>>;
  /**
   * Every page of a search (up to 10 pages of 500, or `maxPages`), e.g. to merge searches whose terms are
   * alternatives; says when the server holds more than were read (`truncated`, `total`).
   */
  searchAllPixels(
    search: Pick<NetworkPixelSearch, 'filters' | 'searchTerms'> & { maxPages?: number },
    options?: CallOptions,
  ): Promise<Result<PixelSearchAll, EverflowError>>;
  /** Offer search for pickers (`offerstable`): by name or id, paged. */
  searchOffers(query?: NetworkOfferQuery, options?: CallOptions): Promise<Result<Page<Offer>, EverflowError>>;
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
export interface NetworkApiOptions extends RecoveryOptions {
  /** Where the learned event spelling is remembered (shared by every client of a key); default: this client. */
  eventForm?: { get: () => NetworkEventForm; set: (form: NetworkEventForm) => void };
  /** Page size and page cap of the recovery lookup. */
  recoveryPageSize?: number;
  recoveryMaxPages?: number;
}

/** Builds the network API over a transport. */
export function createNetworkApi(t: Transport, extra: NetworkApiOptions): NetworkApi {
  // Learned once: if the server refuses `event`, later writes use `post_conversion`.
  let own: NetworkEventForm = 'event';
  const memory = extra.eventForm ?? {
    get: () => own,
    set: (form: NetworkEventForm) => {
      own = form;
    },
  };
  const onEventFormRejected = () => memory.set('post_conversion');

  const { get: getPixel, put } = pixelEndpoints(t, 'network');

  const lists = createNetworkLists(t, extra);

  const edit = (id: number, changes: PixelChanges, options?: CallOptions) =>
    roundTrip(
      {
        realm: 'network',
        get: () => getPixel(id, options),
        put: (body) => put(id, body, options),
        writeSchema: networkPixelWriteSchema,
        statusSchema: statusChangeSchema,
        eventForm: memory.get(),
        onEventFormRejected,
      },
      changes,
    );

  const toWire = (body: NetworkPixelInput): Record<string, unknown> => ({
    ...body,
    pixel_type: wirePixelType(body.pixel_type, 'network', memory.get()),
  });

  // The postbacks a create could have made: the offer's (globals included), or the partner's for a global one.
  const candidates = async (body: Record<string, unknown>, options?: CallOptions) => {
    const offerId = Number(body.network_offer_id ?? 0);
    const listed = await lists.searchAll(
      offerId > 0 ? { offerIds: [offerId] } : { affiliateIds: [Number(body.network_affiliate_id ?? 0)] },
      options,
    );
    return listed.ok ? ok(listed.value.items) : listed;
  };

  return {
    async findCreated(input, options) {
      const body = toWire(input);
      const listed = await candidates(body, options);
      if (!listed.ok) return listed;
      return ok(pickCreated(listed.value, body, 'network', new Set(options?.knownIds ?? [])));
    },
    async createPixel(input, options) {
      const body = toWire(input);
      const invalid = validateWrite(networkPixelCreateSchema, body);
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
      return createWithRecovery({
        realm: 'network',
        body,
        post: () => withRateLimitRetry(t, post, options),
        listCandidates: () => candidates(body, options),
        settleMs: extra.recoverySettleMs,
        ...recoveryTiming(extra),
        knownIds: options?.knownIds ? new Set(options.knownIds) : undefined,
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
    searchPixels: lists.searchPixels,
    searchAllPixels: (search, options) =>
      lists.searchAll(search.filters, options, search.searchTerms, search.maxPages),
    searchOffers: createNetworkOfferSearch(t),
    offer: lists.offer,
    affiliates: lists.affiliates,
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
