import { type ApiResponse, errorResponse, json } from '../http-types';
import type { PixelRecord } from '../model';
import { paginate, readPaging } from '../paging';
import { applyFilters, readListFilters } from '../pixel-filters';
import { readPixelSearch } from '../pixel-search';
import { renderAffiliatePixel, renderAffiliatePutResponse } from '../render';
import type { RequestContext, Route } from '../router';
import { parsePixelBody } from '../validate/pixel';

/** The message an affiliate gets when the network has switched off partner postback editing. */
export const PARTNER_EDITING_DISABLED =
  'Your network does not allow partners to create or edit postbacks. Ask your network manager to make this change.';

/** The affiliate realm sees its own partner's postbacks, except network-wide `global_offer` ones. */
function ownPixels(ctx: RequestContext): Readonly<PixelRecord>[] {
  return ctx.store
    .list()
    .filter((pixel) => pixel.network_affiliate_id === ctx.partnerId && pixel.pixel_level !== 'global_offer');
}

function findOwn(ctx: RequestContext): PixelRecord | undefined {
  const pixel = ctx.store.get(ctx.params.id ?? 0);
  if (!pixel || pixel.network_affiliate_id !== ctx.partnerId || pixel.pixel_level === 'global_offer')
    return undefined;
  return pixel;
}

function notFound(ctx: RequestContext): ApiResponse {
  return errorResponse({ status: 404, message: `Postback ${ctx.params.id} not found` });
}

function list(ctx: RequestContext): ApiResponse {
  const filters = readListFilters(ctx.url.searchParams, [
    'network_offer_id',
    'pixel_status',
    'pixel_type',
    'delivery_method',
  ]);
  if (!filters.ok) return errorResponse(filters.error);
  const pixels = applyFilters(ownPixels(ctx), filters.value);
  return json(200, { pixels: pixels.map((pixel) => renderAffiliatePixel(pixel, ctx.store.world)) });
}

function getOne(ctx: RequestContext): ApiResponse {
  const pixel = findOwn(ctx);
  return pixel ? json(200, renderAffiliatePixel(pixel, ctx.store.world)) : notFound(ctx);
}

function create(ctx: RequestContext): ApiResponse {
  if (ctx.store.partnerPostbacksDisabled)
    return errorResponse({ status: 403, message: PARTNER_EDITING_DISABLED });
  const fields = parsePixelBody(ctx.body, ctx.store.world, { realm: 'affiliate', partnerId: ctx.partnerId });
  if (!fields.ok) return errorResponse(fields.error);
  return json(200, renderAffiliatePixel(ctx.store.create(fields.value), ctx.store.world));
}

function replace(ctx: RequestContext): ApiResponse {
  if (ctx.store.partnerPostbacksDisabled)
    return errorResponse({ status: 403, message: PARTNER_EDITING_DISABLED });
  const previous = findOwn(ctx);
  if (!previous) return notFound(ctx);
  const fields = parsePixelBody(ctx.body, ctx.store.world, {
    realm: 'affiliate',
    partnerId: ctx.partnerId,
    previous,
  });
  if (!fields.ok) return errorResponse(fields.error);
  const saved = ctx.store.replace(previous.network_pixel_id, fields.value);
  return saved ? json(200, renderAffiliatePutResponse(saved)) : notFound(ctx);
}

function search(ctx: RequestContext): ApiResponse {
  const paging = readPaging(ctx.url.searchParams);
  if (!paging.ok) return errorResponse(paging.error);
  const predicates = readPixelSearch(ctx.body);
  if (!predicates.ok) return errorResponse(predicates.error);
  const page = paginate(applyFilters(ownPixels(ctx), predicates.value), paging.value);
  return json(200, {
    pixels: page.items.map((pixel) => renderAffiliatePixel(pixel, ctx.store.world)),
    paging: page.paging,
  });
}

/** `/v1/affiliates/pixels*` routes. There is no affiliate DELETE, as in Everflow's docs. */
export const affiliatePixelRoutes: Route[] = [
  { method: 'GET', path: '/v1/affiliates/pixels', handler: list },
  { method: 'POST', path: '/v1/affiliates/pixels', handler: create },
  { method: 'GET', path: '/v1/affiliates/pixels/:id', handler: getOne },
  { method: 'PUT', path: '/v1/affiliates/pixels/:id', handler: replace },
  { method: 'POST', path: '/v1/affiliates/pixelstable', handler: search },
];
