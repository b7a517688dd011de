import type { EverflowError } from '../../everflow/errors';
import type { Postback } from '../../everflow/schemas/postback';
import type { AppError, CreatedPixel, PixelDraft, PixelFilters } from '../../messaging/protocol';
import type { Cached, PixelView } from '../../messaging/views';
import { err, ok, type Result } from '../../result';
import { cacheKeys, readCache } from '../cache';
import { appError, type ClientFor } from '../client-for';
import { recordWrite, type WriteOrigin, type WriteRecord } from '../history';
import { cachedPixels, patchPixelLists, storeFetchedPixels } from '../pixel-cache';
import {
  draftToBody,
  draftToChanges,
  firesForOffer,
  isSamePostback,
  networkCreateBody,
  toPixelView,
} from '../pixel-mapping';

export { firesForOffer };

export interface PixelDeps {
  clientFor: ClientFor;
  now: () => number;
  /** Ids of history entries (default: random UUIDs). */
  newId?: () => string;
}

/** Record a successful write in the history (issue 17.4). One call per write function. */
function remember(deps: PixelDeps, w: WriteRecord): Promise<unknown> {
  return recordWrite(w, { now: deps.now, newId: deps.newId ?? (() => crypto.randomUUID()) });
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

function viewsOf(r: Result<readonly Postback[], EverflowError>): Result<PixelView[], AppError> {
  return r.ok ? ok(r.value.map(toPixelView)) : err(appError(r.error));
}

/** Where a profile's list lives in the cache: affiliates cache everything, networks one entry per offer. */
function listCacheKey(profileId: string, side: 'affiliate' | 'network', f: PixelFilters): string {
  return side === 'affiliate'
    ? cacheKeys.pixels(profileId)
    : cacheKeys.networkPixels(profileId, f.offerId === undefined ? 'all' : `offer:${f.offerId}`);
}

/**
 * Stale-while-revalidate list: without `refresh`, the cached rows come back at once (`fromCache`); with it, the
 * rows are fetched, cached for every page to see, and returned.
 */
export async function listPixels(
  input: { profileId: string; filters?: PixelFilters; refresh?: boolean },
  deps: PixelDeps,
): Promise<Result<Cached<PixelView[]>, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const filters = input.filters ?? {};
  const key = listCacheKey(input.profileId, c.value.side, filters);
  if (!input.refresh) {
    const cached = await readCache(key);
    const rows = cachedPixels(cached);
    if (cached && rows) {
      return ok({ value: applyFilters(rows, filters), fetchedAt: cached.fetchedAt, fromCache: true });
    }
  }
  // A write that lands while this fetch runs must win over what the fetch read (see pixel-cache.ts).
  const startedAt = deps.now();
  const fresh =
    c.value.side === 'affiliate'
      ? viewsOf(await c.value.client.affiliate.listPixels())
      : await searchAllNetwork(c.value.client, filters);
  if (!fresh.ok) return fresh;
  const now = deps.now();
  const stored = await storeFetchedPixels(input.profileId, key, fresh.value, startedAt, now);
  return ok({ value: applyFilters(stored, filters), fetchedAt: now, fromCache: false });
}

/** The client of a network profile. */
export type NetworkClient = Extract<Awaited<ReturnType<ClientFor>>, { ok: true }>['value']['client'];

/** Every postback of a network (or of one offer, globals included), all pages. */
async function searchAllNetwork(
  client: NetworkClient,
  f: PixelFilters,
): Promise<Result<PixelView[], AppError>> {
  const r = await client.network.searchAllPixels({
    ...(f.offerId === undefined ? {} : { filters: { offerIds: [f.offerId] } }),
  });
  return r.ok ? ok(r.value.map(toPixelView)) : err(appError(r.error));
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

/**
 * Create a postback. Refuses (kind `duplicate`) when an identical one exists, unless the user confirmed; the
 * client never sends the same create twice, even after a timeout.
 */
export async function createPixel(
  input: { profileId: string; draft: PixelDraft; allowDuplicate?: boolean; origin?: WriteOrigin },
  deps: PixelDeps,
): Promise<Result<CreatedPixel, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const { side, client } = c.value;
  if (!input.allowDuplicate) {
    const existing = await listPixels(
      { profileId: input.profileId, refresh: true, filters: { offerId: input.draft.offerId ?? 0 } },
      deps,
    );
    if (existing.ok) {
      const same = existing.value.value.find((p) => isSamePostback(p, input.draft));
      if (same) {
        return err({
          kind: 'duplicate',
          message: `Postback ${same.id} already does exactly this (${same.status}). Create another one anyway?`,
        });
      }
    }
  }
  // A network create sends exactly the seed's fields (defaults left out); affiliate creates keep their body.
  const body = side === 'network' ? networkCreateBody(input.draft) : draftToBody(input.draft, side);
  const r =
    side === 'affiliate'
      ? await client.affiliate.createPixel(body as Parameters<typeof client.affiliate.createPixel>[0])
      : await client.network.createPixel(body as Parameters<typeof client.network.createPixel>[0]);
  if (!r.ok) return err(appError(r.error));
  const pixel = toPixelView(r.value.pixel);
  await patchPixelLists(input.profileId, pixel, deps.now());
  await remember(deps, {
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
  const { pixel_status: _keepServerStatus, ...changes } = draftToChanges(
    input.draft,
    side,
    toPixelView(current.value),
  );
  const r = await client[side].updatePixel(input.pixelId, changes);
  if (!r.ok) return err(appError(r.error));
  const pixel = toPixelView(r.value);
  await patchPixelLists(input.profileId, pixel, deps.now());
  await remember(deps, {
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
  if (!r.ok) return err(appError(r.error));
  const pixel = toPixelView(r.value);
  await patchPixelLists(input.profileId, pixel, deps.now());
  // The round trip put back the server's object with only the status changed, so "before" is "after" with the
  // other status (no extra GET on every toggle).
  await remember(deps, {
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
  await patchPixelLists(input.profileId, input.pixelId, deps.now());
  await remember(deps, {
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
