import { err, ok, type Result } from '../result';
import {
  type CreateOptions,
  type CreateOutcome,
  createWithRecovery,
  pickCreated,
  type RecoveryOptions,
  recoveryTiming,
} from './create-recovery';
import type { EverflowError } from './errors';
import { type PixelEditing, pixelEndpoints } from './pixel-endpoints';
import { onePixel, type PixelRows, readPixelRows, toPage } from './pixel-results';
import { type PixelChanges, roundTrip, validateWrite } from './roundtrip';
import { type AccountInfo, affiliateAccountInfo, affiliateAccountSchema } from './schemas/accounts';
import {
  type AffiliatePixelBody,
  affiliatePixelListSchema,
  affiliatePixelReadSchema,
  affiliatePixelWriteSchema,
} from './schemas/affiliate-pixel';
import { internalPixelType, type PixelStatus, type PixelType, wirePixelType } from './schemas/enums';
import {
  affiliateOfferReadSchema,
  type Offer,
  type OfferWithEvents,
  type Page,
  runnableOffersSchema,
  toEvents,
  toOffer,
} from './schemas/offers';
import { statusChangeSchema } from './schemas/pixel-shared';
import type { Postback } from './schemas/postback';
import { type CallOptions, callFields, type Transport, withRateLimitRetry } from './transport';

/** A create body for the affiliate API; `pixel_type` may use the internal `event`. */
export type AffiliatePixelInput = Omit<AffiliatePixelBody, 'pixel_type'> & {
  pixel_type: PixelType | 'post_conversion';
};

/** Client-side filters for the pixel list (the list endpoint's own filters are unconfirmed, §2.2). */
export interface AffiliatePixelFilter {
  offerId?: number;
  status?: PixelStatus;
  type?: PixelType;
}

/**
 * Everything the affiliate (partner) API offers this extension. There is no affiliate DELETE: "remove" is
 * `setPixelStatus(id, 'inactive')`.
 */
export interface AffiliateApi extends PixelEditing<AffiliatePixelInput> {
  /** Every readable postback (filtered), and the unreadable rows listed apart. */
  listPixels(filter?: AffiliatePixelFilter, options?: CallOptions): Promise<Result<PixelRows, EverflowError>>;
  /** POST with create recovery: never sends the same create twice (may answer `unknown_outcome`). */
  createPixel(
    body: AffiliatePixelInput,
    options?: CreateOptions,
  ): Promise<Result<CreateOutcome, EverflowError>>;
  /** "Check again" after `unknown_outcome`: the postback `body` created, if it is there now (not in `knownIds`). */
  findCreated(
    body: AffiliatePixelInput,
    options?: CreateOptions,
  ): Promise<Result<Postback | undefined, EverflowError>>;
  runnableOffers(
    paging?: { page?: number; pageSize?: number },
    options?: CallOptions,
  ): Promise<Result<Page<Offer>, EverflowError>>;
  /** One offer with its payout events (`relationship.payouts`, array or `{entries}`). */
  offer(offerId: number, options?: CallOptions): Promise<Result<OfferWithEvents, EverflowError>>;
  /** The key's own affiliate account. */
  whoAmI(options?: CallOptions): Promise<Result<AccountInfo, EverflowError>>;
}

/** Extra knobs of the affiliate API: the create recovery's timing. */
export type AffiliateApiOptions = RecoveryOptions;

/** Writes `pixel_type` in the affiliate spelling. */
function toWire(body: AffiliatePixelInput): Record<string, unknown> {
  return { ...body, pixel_type: wirePixelType(body.pixel_type, 'affiliate') };
}

/** Builds the affiliate API over a transport. */
export function createAffiliateApi(t: Transport, extra: AffiliateApiOptions): AffiliateApi {
  const { get: getPixel, put } = pixelEndpoints(t, 'affiliate');

  const listPixels: AffiliateApi['listPixels'] = async (filter = {}, options) => {
    const res = await t.send({
      method: 'GET',
      path: '/affiliates/pixels',
      schema: affiliatePixelListSchema,
      ...callFields(options),
    });
    if (!res.ok) return res;
    const { items, unreadable } = readPixelRows(res.value.data.pixels, 'affiliate');
    return ok({
      items: items.filter(
        (p) =>
          (filter.offerId === undefined || p.offerId === filter.offerId) &&
          (filter.status === undefined || p.status === filter.status) &&
          (filter.type === undefined || p.type === internalPixelType(filter.type)),
      ),
      unreadable: unreadable.filter(
        (u) => filter.offerId === undefined || u.offerId === undefined || u.offerId === filter.offerId,
      ),
    });
  };

  const edit = (id: number, changes: PixelChanges, options?: CallOptions) =>
    roundTrip(
      {
        realm: 'affiliate',
        get: () => getPixel(id, options),
        put: (body) => put(id, body, options),
        writeSchema: affiliatePixelWriteSchema,
        statusSchema: statusChangeSchema,
      },
      changes,
    );

  // The postbacks a create could have made: the offer's (a global one: every postback).
  const candidates = async (body: Record<string, unknown>, options?: CallOptions) => {
    const listed = await listPixels(
      body.pixel_level === 'specific' ? { offerId: Number(body.network_offer_id ?? 0) } : {},
      options,
    );
    return listed.ok ? ok(listed.value.items) : listed;
  };

  return {
    listPixels,
    getPixel,
    async findCreated(input, options) {
      const body = toWire(input);
      const listed = await candidates(body, options);
      if (!listed.ok) return listed;
      return ok(pickCreated(listed.value, body, 'affiliate', new Set(options?.knownIds ?? [])));
    },
    async createPixel(input, options) {
      const body = toWire(input);
      const invalid = validateWrite(affiliatePixelWriteSchema, body);
      if (invalid) return err(invalid);
      const postOnce = async () =>
        onePixel(
          await t.once({
            method: 'POST',
            path: '/affiliates/pixels',
            body,
            schema: affiliatePixelReadSchema,
            ...callFields(options),
          }),
          'affiliate',
        );
      return createWithRecovery({
        realm: 'affiliate',
        body,
        // A 429 means nothing was saved, so it alone may be retried with backoff.
        post: () => withRateLimitRetry(t, postOnce, options),
        listCandidates: () => candidates(body, options),
        settleMs: extra.recoverySettleMs,
        ...recoveryTiming(extra),
        knownIds: options?.knownIds ? new Set(options.knownIds) : undefined,
        sleep: t.retry.sleep,
        signal: options?.signal,
      });
    },
    updatePixel: edit,
    setPixelStatus: (id, status, options) => edit(id, { pixel_status: status }, options),
    async replacePixel(id, input, options) {
      const body = toWire(input);
      const invalid = validateWrite(affiliatePixelWriteSchema, body);
      return invalid ? err(invalid) : put(id, body, options);
    },
    async runnableOffers(paging = {}, options) {
      const res = await t.send({
        method: 'GET',
        path: '/affiliates/offersrunnable',
        query: { page: paging.page, page_size: paging.pageSize },
        schema: runnableOffersSchema,
        ...callFields(options),
      });
      if (!res.ok) return res;
      const rawOffers = (res.value.raw as { offers?: unknown[] }).offers ?? [];
      const offers = (res.value.data.offers ?? []).map((o, i) =>
        toOffer(o, rawOffers[i] as Record<string, unknown>),
      );
      return ok(toPage(offers, res.value.data.paging, paging));
    },
    async offer(offerId, options) {
      const res = await t.send({
        method: 'GET',
        path: `/affiliates/offers/${offerId}`,
        schema: affiliateOfferReadSchema,
        ...callFields(options),
      });
      if (!res.ok) return res;
      const offer = toOffer(res.value.data, res.value.raw as Record<string, unknown>);
      return ok({ ...offer, events: toEvents(res.value.data.relationship?.payouts ?? []) });
    },
    async whoAmI(options) {
      // The auth guide's endpoint first; a beta page documents `/affiliates` instead (§4.3).
      const request = (path: string) =>
        t.send({ method: 'GET', path, schema: affiliateAccountSchema, ...callFields(options) });
      let res = await request('/affiliates/affiliate');
      if (!res.ok && res.error.kind === 'not_found') res = await request('/affiliates');
      return res.ok ? ok(affiliateAccountInfo(res.value.data)) : res;
    },
  };
}
