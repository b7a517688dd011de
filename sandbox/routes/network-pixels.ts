import { type ApiResponse, errorResponse, json } from '../http-types';
import { paginate, readPaging } from '../paging';
import { applyFilters, readListFilters } from '../pixel-filters';
import { readPixelSearch } from '../pixel-search';
import { renderNetworkPixel } from '../render';
import type { RequestContext, Route } from '../router';
import { parsePixelBody } from '../validate/pixel';

function notFound(ctx: RequestContext): ApiResponse {
  return errorResponse({ status: 404, message: `Postback ${ctx.params.id} not found` });
}

function pagedPixels(ctx: RequestContext, predicates: Parameters<typeof applyFilters>[1]): ApiResponse {
  const paging = readPaging(ctx.url.searchParams);
  if (!paging.ok) return errorResponse(paging.error);
  const page = paginate(applyFilters(ctx.store.list(), predicates), paging.value);
  return json(200, {
    pixels: page.items.map((pixel) => renderNetworkPixel(pixel, ctx.store.world)),
    paging: page.paging,
  });
}

function list(ctx: RequestContext): ApiResponse {
  const filters = readListFilters(ctx.url.searchParams, [
    'network_offer_id',
    'network_affiliate_id',
    'pixel_status',
    'pixel_type',
    'delivery_method',
  ]);
  if (!filters.ok) return errorResponse(filters.error);
  return pagedPixels(ctx, filters.value);
}

function search(ctx: RequestContext): ApiResponse {
  const predicates = readPixelSearch(ctx.body);
  if (!predicates.ok) return errorResponse(predicates.error);
  return pagedPixels(ctx, predicates.value);
}

function getOne(ctx: RequestContext): ApiResponse {
  const pixel = ctx.store.get(ctx.params.id ?? 0);
  return pixel ? json(200, renderNetworkPixel(pixel, ctx.store.world)) : notFound(ctx);
}

function create(ctx: RequestContext): ApiResponse {
  const fields = parsePixelBody(ctx.body, ctx.store.world, { realm: 'network', partnerId: 0 });
  if (!fields.ok) return errorResponse(fields.error);
  return json(200, renderNetworkPixel(ctx.store.create(fields.value), ctx.store.world));
}

function replace(ctx: RequestContext): ApiResponse {
  const previous = ctx.store.get(ctx.params.id ?? 0);
  if (!previous) return notFound(ctx);
  const fields = parsePixelBody(ctx.body, ctx.store.world, { realm: 'network', partnerId: 0, previous });
  if (!fields.ok) return errorResponse(fields.error);
  const saved = ctx.store.replace(previous.network_pixel_id, fields.value);
  return saved ? json(200, renderNetworkPixel(saved, ctx.store.world)) : notFound(ctx);
}

function remove(ctx: RequestContext): ApiResponse {
  return ctx.store.delete(ctx.params.id ?? 0) ? json(200, { result: true }) : notFound(ctx);
}

/** `/v1/networks/pixels*` routes. */
export const networkPixelRoutes: Route[] = [
  { method: 'GET', path: '/v1/networks/pixels', handler: list },
  { method: 'POST', path: '/v1/networks/pixels', handler: create },
  { method: 'GET', path: '/v1/networks/pixels/:id', handler: getOne },
  { method: 'PUT', path: '/v1/networks/pixels/:id', handler: replace },
  { method: 'DELETE', path: '/v1/networks/pixels/:id', handler: remove },
  { method: 'POST', path: '/v1/networks/pixelstable', handler: search },
];
