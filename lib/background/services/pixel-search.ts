import type { NetworkPixelSearch } from '../../everflow/network-api';
import type { UnreadablePixel } from '../../everflow/pixel-results';
import type { Postback } from '../../everflow/schemas/postback';
import type { AppError, PixelFilters } from '../../messaging/protocol';
import type { Paged, PixelView, UnreadableRow } from '../../messaging/views';
import { err, ok, type Result } from '../../result';
import { appError } from '../client-for';
import { toPixelView } from '../pixel-mapping';
import { applyFilters, listPixels, type NetworkClient, type PixelDeps } from './pixels';

// The partner-postback console's search: `pixelstable` with filters, free text and paging.

/**
 * Free text over id, description and payload (URL or HTML). `pixelstable` ANDs its search terms, so each kind
 * is searched on its own (with the same filters), the answers merged without duplicates in id order, and the
 * page cut from the merged list: exact totals and paging, at the cost of reading every match (capped by the
 * client at 10 pages of 500 per kind). Text searches are narrow, so that stays a few requests.
 */
async function searchNetworkText(
  client: NetworkClient,
  text: string,
  filters: NetworkPixelSearch['filters'],
  page: number,
  pageSize: number,
): Promise<Result<Paged<PixelView>, AppError>> {
  const kinds = /^\d+$/.test(text)
    ? (['pixel_id', 'description', 'payload'] as const)
    : (['description', 'payload'] as const);
  const answers = await Promise.all(
    kinds.map((searchType) =>
      client.network.searchAllPixels({ filters, searchTerms: [{ searchType, value: text }] }),
    ),
  );
  const byId = new Map<number, Postback>();
  const unreadable = new Map<string, UnreadableRow>();
  for (const answer of answers) {
    if (!answer.ok) return err(appError(answer.error));
    for (const pixel of answer.value.items) byId.set(pixel.id, pixel);
    for (const u of answer.value.unreadable) unreadable.set(`${u.id}:${u.field}`, unreadableRow(u));
  }
  const rows = [...byId.values()].sort((a, b) => a.id - b.id);
  return ok({
    items: rows.slice((page - 1) * pageSize, page * pageSize).map(toPixelView),
    page,
    pageSize,
    total: rows.length,
    ...(unreadable.size ? { unreadable: [...unreadable.values()] } : {}),
  });
}

/** The page-facing form of an unreadable row (its offer id stays in the background). */
function unreadableRow(u: UnreadablePixel): UnreadableRow {
  return { ...(u.id === undefined ? {} : { id: u.id }), field: u.field };
}

/** Network search (pixelstable) with filters and paging, for the partner-postback console. */
export async function searchPixels(
  input: { profileId: string; filters?: PixelFilters; page?: number; pageSize?: number },
  deps: PixelDeps,
): Promise<Result<Paged<PixelView>, AppError>> {
  const c = await deps.clientFor(input.profileId);
  if (!c.ok) return c;
  const f = input.filters ?? {};
  if (c.value.side === 'affiliate') {
    const all = await listPixels({ profileId: input.profileId, refresh: true }, deps);
    if (!all.ok) return all;
    const rows = applyFilters(all.value.value, f);
    const page = input.page ?? 1;
    const size = input.pageSize ?? 50;
    return ok({
      items: rows.slice((page - 1) * size, page * size),
      page,
      pageSize: size,
      total: rows.length,
      ...(all.value.unreadable ? { unreadable: all.value.unreadable } : {}),
    });
  }
  const filters: NetworkPixelSearch['filters'] = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.offerId === undefined ? {} : { offerIds: [f.offerId] }),
    ...(f.affiliateId === undefined ? {} : { affiliateIds: [f.affiliateId] }),
    ...(f.deliveryMethod ? { deliveryMethods: [f.deliveryMethod] } : {}),
  };
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const text = f.text?.trim();
  if (text) return searchNetworkText(c.value.client, text, filters, page, pageSize);
  const r = await c.value.client.network.searchPixels({ page, pageSize, filters });
  if (!r.ok) return err(appError(r.error));
  return ok({
    items: r.value.items.map(toPixelView),
    page: r.value.page,
    pageSize: r.value.pageSize,
    total: r.value.totalCount ?? r.value.items.length,
    ...(r.value.unreadable.length ? { unreadable: r.value.unreadable.map(unreadableRow) } : {}),
  });
}
