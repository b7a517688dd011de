import * as z from 'zod/mini';
import { collectPages } from '../../everflow/paging';
import type { AppError } from '../../model/errors';
import type { Paged } from '../../model/lists';
import { OfferView, type PartnerView } from '../../model/offer';
import { err, ok, type Result } from '../../result';
import { cacheKeys, readCache, writeCache } from '../cache';
import { appError, type ClientFor } from '../client-for';
import { toOfferView } from '../pixel-mapping';

export interface OfferDeps {
  clientFor: ClientFor;
  now: () => number;
}

const OfferList = z.array(OfferView);
/** Runnable offers change rarely; the list is refetched after this long. */
const OFFERS_TTL_MS = 10 * 60 * 1000;
const FETCH_PAGE_SIZE = 500;
const MAX_PAGES = 20;

/** Matches by id (exact) or by every word of the query in the name. */
export function offerMatches(o: OfferView, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (/^\d+$/.test(q) && String(o.id) === q) return true;
  const name = o.name.toLowerCase();
  return q.split(/\s+/).every((w) => name.includes(w) || String(o.id).startsWith(w));
}

/** Every runnable offer of an affiliate profile, from a 10-minute cache or fetched page by page. */
async function allRunnable(profileId: string, deps: OfferDeps): Promise<Result<OfferView[], AppError>> {
  const key = cacheKeys.offers(profileId);
  const cached = await readCache(key);
  const parsed = cached && OfferList.safeParse(cached.value);
  if (cached && parsed?.success && deps.now() - cached.fetchedAt < OFFERS_TTL_MS) return ok(parsed.data);
  const c = await deps.clientFor(profileId);
  if (!c.ok) return c;
  const offers = await collectPages(
    (page) => c.value.client.affiliate.runnableOffers({ page, pageSize: FETCH_PAGE_SIZE }),
    MAX_PAGES,
  );
  if (!offers.ok) return err(appError(offers.error));
  const all = offers.value.map((o) => toOfferView(o));
  await writeCache(key, all, deps.now());
  return ok(all);
}

/** Offers for pickers, searchable by name or id, one page at a time: runnable ones (affiliate) or all (network). */
export async function listOffers(
  input: { profileId: string; search?: string; page?: number; pageSize?: number },
  deps: OfferDeps,
): Promise<Result<Paged<OfferView>, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  if (c.value.side === 'network') {
    // A network has no "runnable" list to cache: its offer search runs on the server (offerstable).
    const r = await c.value.client.network.searchOffers({
      page: input.page ?? 1,
      pageSize: input.pageSize ?? 50,
      ...(input.search?.trim() ? { search: input.search.trim() } : {}),
    });
    if (!r.ok) return err(appError(r.error));
    return ok({
      items: r.value.items.map((o) => toOfferView(o)),
      page: r.value.page,
      pageSize: r.value.pageSize,
      total: r.value.totalCount ?? r.value.items.length,
    });
  }
  const all = await allRunnable(input.profileId, deps);
  if (!all.ok) return all;
  const rows = all.value.filter((o) => offerMatches(o, input.search ?? ''));
  const page = input.page ?? 1;
  const size = input.pageSize ?? 50;
  return ok({ items: rows.slice((page - 1) * size, page * size), page, pageSize: size, total: rows.length });
}

/** One offer with its payout (affiliate) or payout/revenue (network) events. Cached for the popup's first paint. */
export async function getOffer(
  input: { profileId: string; offerId: number },
  deps: OfferDeps,
): Promise<Result<OfferView, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const r = await c.value.client[c.value.side].offer(input.offerId);
  if (!r.ok) return err(appError(r.error));
  const view = toOfferView(r.value);
  await writeCache(cacheKeys.offer(input.profileId, input.offerId), view, deps.now());
  return ok(view);
}

/** Partners of a network, searchable by name. */
export async function listPartners(
  input: { profileId: string; search?: string; page?: number; pageSize?: number },
  deps: OfferDeps,
): Promise<Result<Paged<PartnerView>, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  if (c.value.side !== 'network')
    return err({ kind: 'bad_request', message: 'Only network profiles have partners.' });
  const r = await c.value.client.network.affiliates({
    page: input.page ?? 1,
    pageSize: input.pageSize ?? 50,
    ...(input.search?.trim() ? { search: input.search.trim() } : {}),
  });
  if (!r.ok) return err(appError(r.error));
  return ok({
    items: r.value.items.map((p) => ({ id: p.id, name: p.name, status: p.status })),
    page: r.value.page,
    pageSize: r.value.pageSize,
    total: r.value.totalCount ?? r.value.items.length,
  });
}
