import type { AffiliatePixelInput } from '../../everflow/affiliate-api';
import { isAmbiguous } from '../../everflow/create-recovery';
import type { EverflowError } from '../../everflow/errors';
import type { NetworkPixelInput } from '../../everflow/network-api';
import type { PixelRows, UnreadablePixel } from '../../everflow/pixel-results';
import type { AppError } from '../../model/errors';
import type { Cached, ListGaps } from '../../model/lists';
import type { CreatedPixel, PixelDraft, PixelFilters, PixelView } from '../../model/pixel';
import { err, ok, type Result } from '../../result';
import { cacheKeys } from '../cache';
import { appError, type ClientFor, type ProfileClient, profileSide } from '../client-for';
import { noteIntendedStatus, noteOwnWrite } from '../health/own-writes';
import { recordWrite, type WriteOrigin, type WriteRecord } from '../history';
import { patchPixelLists, readPixelList, storeFetchedPixels } from '../pixel-cache';
import {
  draftToBody,
  draftToChanges,
  firesForOffer,
  integrationOf,
  isSamePostback,
  networkCreateBody,
  toPixelView,
} from '../pixel-mapping';
import { restoreMaskedSecrets } from '../pixel-secrets';

export { firesForOffer };

export interface PixelDeps {
  clientFor: ClientFor;
  now: () => number;
  /** Which side a stored profile is on, without reading its key (default: the stored profiles). */
  sideOf?: (profileId: string) => Promise<'affiliate' | 'network' | undefined>;
  /** Ids of history entries (default: random UUIDs). */
  newId?: () => string;
}

/** Record a successful write in the history (issue 17.4). One call per write function. */
function remember(deps: PixelDeps, w: WriteRecord): Promise<unknown> {
  return recordWrite(w, { now: deps.now, newId: deps.newId ?? (() => crypto.randomUUID()) });
}

/**
 * What every successful write does next, in one place: patch the cached lists (pages see the row at once),
 * record it in the history (undo), and tell the health watch it was the extension's own write.
 */
async function afterWrite(
  deps: PixelDeps,
  profileId: string,
  written: PixelView | number,
  record: WriteRecord,
): Promise<void> {
  await patchPixelLists(profileId, written, deps.now());
  await remember(deps, record);
  await noteOwnWrite(profileId, written, deps.now());
}

/** The other status: what a status write replaced (the round trip changes nothing else). */
function otherStatus(status: 'active' | 'inactive'): 'active' | 'inactive' {
  return status === 'active' ? 'inactive' : 'active';
}

/** Apply page filters to a list (the affiliate list endpoint's own filters are unconfirmed, so filter here). */
export function applyFilters(list: PixelView[], f: PixelFilters = {}): PixelView[] {
  const text = f.text?.trim().toLowerCase();
  return list.filter(
    (p) =>
      (f.offerId === undefined || firesForOffer(p, f.offerId)) &&
      (f.status === undefined || p.status === f.status) &&
      (f.type === undefined || p.type === f.type) &&
      (f.deliveryMethod === undefined || p.deliveryMethod === f.deliveryMethod) &&
      (f.affiliateId === undefined || p.affiliateId === f.affiliateId || p.level === 'global_offer') &&
      (!text ||
        String(p.id) === text ||
        p.postbackUrl.toLowerCase().includes(text) ||
        p.htmlCode.toLowerCase().includes(text) ||
        (p.description ?? '').toLowerCase().includes(text) ||
        (p.offerName ?? '').toLowerCase().includes(text)),
  );
}

/** Fresh rows with what the list could not show. */
interface FreshRows {
  rows: PixelView[];
  gaps: ListGaps;
}

/** The page-facing gaps of a list answer: only what is there (an empty list of unreadable rows is left out). */
function gapsOf(
  unreadable: readonly UnreadablePixel[],
  more?: { truncated: boolean; total?: number | undefined },
): ListGaps {
  return {
    ...(unreadable.length
      ? {
          unreadable: unreadable.map((u) => ({
            ...(u.id === undefined ? {} : { id: u.id }),
            field: u.field,
          })),
        }
      : {}),
    ...(more?.truncated ? { truncated: true } : {}),
    ...(more?.truncated && more.total !== undefined ? { total: more.total } : {}),
  };
}

function viewsOf(r: Result<PixelRows, EverflowError>, offerId?: number): Result<FreshRows, AppError> {
  if (!r.ok) return err(appError(r.error));
  // The affiliate list is every postback; an unreadable row of another offer is not this list's.
  const unreadable = r.value.unreadable.filter(
    (u) => offerId === undefined || u.offerId === undefined || u.offerId === 0 || u.offerId === offerId,
  );
  return ok({ rows: r.value.items.map(toPixelView), gaps: gapsOf(unreadable) });
}

/** Where a profile's list lives in the cache: affiliates cache everything, networks one entry per offer. */
function listCacheKey(profileId: string, side: 'affiliate' | 'network', f: PixelFilters): string {
  return side === 'affiliate'
    ? cacheKeys.pixels(profileId)
    : cacheKeys.networkPixels(profileId, f.offerId === undefined ? 'all' : `offer:${f.offerId}`);
}

/**
 * Stale-while-revalidate list: without `refresh`, the cached rows come back at once (`fromCache`), read before
 * any client is built (no key read, no permission check); with it, the rows are fetched, cached for every page
 * to see, and returned.
 */
export async function listPixels(
  input: { profileId: string; filters?: PixelFilters; refresh?: boolean },
  deps: PixelDeps,
): Promise<Result<Cached<PixelView[]> & ListGaps, AppError>> {
  const filters = input.filters ?? {};
  if (!input.refresh) {
    const side = await (deps.sideOf ?? profileSide)(input.profileId);
    const cached = side ? await readPixelList(listCacheKey(input.profileId, side, filters)) : undefined;
    if (cached) {
      return ok({ value: applyFilters(cached.rows, filters), fetchedAt: cached.fetchedAt, fromCache: true });
    }
  }
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const key = listCacheKey(input.profileId, c.value.side, filters);
  // A write that lands while this fetch runs must win over what the fetch read (see pixel-cache.ts).
  const startedAt = deps.now();
  const fresh = await fetchRows(c.value, filters);
  if (!fresh.ok) return fresh;
  const now = deps.now();
  const stored = await storeFetchedPixels(input.profileId, key, fresh.value.rows, startedAt, now);
  // Rows that could not be read and rows beyond the page cap are said, not dropped silently.
  return ok({ value: applyFilters(stored, filters), fetchedAt: now, fromCache: false, ...fresh.value.gaps });
}

/** A profile's list straight from Everflow (affiliates: every postback; networks: the offer's, or all). */
async function fetchRows(c: ProfileClient, filters: PixelFilters): Promise<Result<FreshRows, AppError>> {
  return c.side === 'affiliate'
    ? viewsOf(await c.client.affiliate.listPixels(), filters.offerId)
    : await searchAllNetwork(c.client, filters);
}

/** The client of a network profile. */
export type NetworkClient = Extract<Awaited<ReturnType<ClientFor>>, { ok: true }>['value']['client'];

/** Every postback of a network (or of one offer, globals included), all pages up to the client's cap. */
async function searchAllNetwork(
  client: NetworkClient,
  f: PixelFilters,
): Promise<Result<FreshRows, AppError>> {
  const r = await client.network.searchAllPixels({
    ...(f.offerId === undefined ? {} : { filters: { offerIds: [f.offerId] } }),
  });
  if (!r.ok) return err(appError(r.error));
  return ok({ rows: r.value.items.map(toPixelView), gaps: gapsOf(r.value.unreadable, r.value) });
}

/** One postback, fresh from the server. */
export async function getPixel(
  input: { profileId: string; pixelId: number },
  deps: PixelDeps,
): Promise<Result<PixelView, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const r = await c.value.client[c.value.side].getPixel(input.pixelId);
  return r.ok ? ok(toPixelView(r.value)) : err(appError(r.error));
}

/** The API body of a create for a profile's side. */
function createBody(draft: PixelDraft, side: 'affiliate' | 'network'): Record<string, unknown> {
  // A network create sends exactly the seed's fields (defaults left out); affiliate creates keep their body.
  return side === 'network' ? networkCreateBody(draft) : draftToBody(draft, side);
}

/**
 * Create a postback. Refuses (kind `duplicate`) when an identical one exists, unless the user confirmed; the
 * client never sends the same create twice, even after a timeout. The ids listed before the POST go with it, so
 * its recovery never takes an older identical postback for the new one; when Everflow never confirms the create
 * (kind `unknown_outcome`) they come back in the error for "Check again" (`findCreatedPixel`).
 */
export async function createPixel(
  input: {
    profileId: string;
    draft: PixelDraft;
    allowDuplicate?: boolean;
    origin?: WriteOrigin;
    /**
     * The postbacks the caller already read (a bulk job reads a profile's list once per run and does its own
     * duplicate check): their ids go with the create, and no list request is made for it.
     */
    knownIds?: number[];
  },
  deps: PixelDeps,
): Promise<Result<CreatedPixel, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const { side, client } = c.value;
  // Fresh for the duplicate check and for the ids the create's recovery must never claim; read, not stored:
  // the offer's rows are all the check needs, and rewriting a 10 000-row cached list for it would cost more
  // than the create.
  const existing = input.knownIds
    ? undefined
    : await fetchRows(c.value, { offerId: input.draft.offerId ?? 0 });
  // Everflow could not be reached a moment ago: say so now, before sending anything. A POST into a dead
  // connection would leave the outcome unknown (a browser does not say whether it was sent) for the whole
  // recovery window, while the honest answer is "offline, your draft is kept".
  if (existing && !existing.ok && existing.error.kind === 'offline') return existing;
  const offerRows = existing?.ok
    ? applyFilters(existing.value.rows, { offerId: input.draft.offerId ?? 0 })
    : [];
  const knownIds = input.knownIds ?? (existing?.ok ? offerRows.map((p) => p.id) : undefined);
  if (!input.allowDuplicate && existing?.ok) {
    const same = offerRows.find((p) => isSamePostback(p, input.draft));
    if (same) {
      return err({
        kind: 'duplicate',
        message: `Postback ${same.id} already does exactly this (${same.status}). Create another one anyway?`,
      });
    }
  }
  const body = createBody(input.draft, side);
  const options = knownIds ? { knownIds } : {};
  const r =
    side === 'affiliate'
      ? await client.affiliate.createPixel(body as AffiliatePixelInput, options)
      : await client.network.createPixel(body as NetworkPixelInput, options);
  if (!r.ok) {
    const error = appError(r.error);
    return err(r.error.kind === 'unknown_outcome' ? { ...error, knownIds: knownIds ?? [] } : error);
  }
  const pixel = toPixelView(r.value.pixel);
  await afterWrite(deps, input.profileId, pixel, {
    profile: c.value.profile,
    pixelId: pixel.id,
    offerId: pixel.offerId,
    action: 'create',
    before: null,
    after: r.value.pixel.raw,
    origin: input.origin,
  });
  return ok({ pixel, recovered: r.value.recovered });
}

/**
 * "Check again" after `unknown_outcome`: looks for the postback the draft's create made (never one of
 * `knownIds`). Found → it, as recovered; still missing → `unknown_outcome` again. Never sends the create.
 */
export async function findCreatedPixel(
  input: { profileId: string; draft: PixelDraft; knownIds: number[] },
  deps: PixelDeps,
): Promise<Result<CreatedPixel, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const { side, client } = c.value;
  const body = createBody(input.draft, side);
  const options = { knownIds: input.knownIds };
  const r =
    side === 'affiliate'
      ? await client.affiliate.findCreated(body as AffiliatePixelInput, options)
      : await client.network.findCreated(body as NetworkPixelInput, options);
  if (!r.ok) return err(appError(r.error));
  if (!r.value) {
    return err({
      kind: 'unknown_outcome',
      message:
        'The postback is still not on Everflow. Check again in a minute; if it never shows up, it was not created and you can create it again.',
      knownIds: input.knownIds,
    });
  }
  const pixel = toPixelView(r.value);
  // The create did land after all: it is a write like any other (undo can take it back).
  await afterWrite(deps, input.profileId, pixel, {
    profile: c.value.profile,
    pixelId: pixel.id,
    offerId: pixel.offerId,
    action: 'create',
    before: null,
    after: r.value.raw,
  });
  return ok({ pixel, recovered: true });
}

/**
 * Edit a postback: the client GETs it, applies the draft, and PUTs the whole object back. The status stays as
 * the server has it (the draft's may be stale: Everflow or another page may have switched it off since the
 * form opened); it changes only through `setPixelStatus`.
 */
export async function updatePixel(
  input: { profileId: string; pixelId: number; draft: PixelDraft; origin?: WriteOrigin },
  deps: PixelDeps,
): Promise<Result<PixelView, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const { side, client } = c.value;
  const current = await client[side].getPixel(input.pixelId);
  if (!current.ok) return err(appError(current.error));
  const serverView = toPixelView(current.value);
  // The page saw tokens masked; a token it left as it was keeps the server's value.
  const draft = input.draft.integration
    ? {
        ...input.draft,
        integration: restoreMaskedSecrets(input.draft.integration, integrationOf(current.value)),
      }
    : input.draft;
  const { pixel_status: _keepServerStatus, ...changes } = draftToChanges(draft, side, serverView);
  const r = await client[side].updatePixel(input.pixelId, changes);
  if (!r.ok) return err(appError(r.error));
  const pixel = toPixelView(r.value);
  await afterWrite(deps, input.profileId, pixel, {
    profile: c.value.profile,
    pixelId: pixel.id,
    offerId: pixel.offerId,
    action: 'update',
    before: current.value.raw,
    after: r.value.raw,
    origin: input.origin,
  });
  return ok(pixel);
}

/** Switch a postback on or off; nothing else about it changes. */
export async function setPixelStatus(
  input: { profileId: string; pixelId: number; status: 'active' | 'inactive'; origin?: WriteOrigin },
  deps: PixelDeps,
): Promise<Result<PixelView, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const r = await c.value.client[c.value.side].setPixelStatus(input.pixelId, input.status);
  if (!r.ok) {
    // The PUT may have landed without an answer: the health watch must not call it a switch made elsewhere.
    if (isAmbiguous(r.error))
      await noteIntendedStatus(input.profileId, input.pixelId, input.status, deps.now());
    return err(appError(r.error));
  }
  const pixel = toPixelView(r.value);
  // The round trip put back the server's object with only the status changed, so "before" is "after" with the
  // other status (no extra GET on every toggle).
  await afterWrite(deps, input.profileId, pixel, {
    profile: c.value.profile,
    pixelId: pixel.id,
    offerId: pixel.offerId,
    action: 'status',
    before: { ...r.value.raw, pixel_status: otherStatus(input.status) },
    after: r.value.raw,
    origin: input.origin,
  });
  return ok(pixel);
}

/** Delete a partner postback (network profiles only; the affiliate API has no delete). */
export async function deletePixel(
  input: { profileId: string; pixelId: number; origin?: WriteOrigin },
  deps: PixelDeps,
): Promise<Result<true, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  if (c.value.side !== 'network') {
    return err({
      kind: 'bad_request',
      message: 'Affiliates cannot delete postbacks; switch it off instead.',
    });
  }
  // The object as it was, so the history can re-create it (undo of a delete).
  const before = await c.value.client.network.getPixel(input.pixelId);
  const r = await c.value.client.network.deletePixel(input.pixelId);
  if (!r.ok) return err(appError(r.error));
  await afterWrite(deps, input.profileId, input.pixelId, {
    profile: c.value.profile,
    pixelId: input.pixelId,
    offerId: before.ok ? before.value.offerId : 0,
    action: 'delete',
    before: before.ok ? before.value.raw : null,
    after: null,
    origin: input.origin,
  });
  return ok(true);
}
