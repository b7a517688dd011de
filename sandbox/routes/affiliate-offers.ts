import { type ApiResponse, errorResponse, json } from '../http-types';
import type { OfferRecord } from '../model';
import { paginate, readPaging } from '../paging';
import { renderAffiliateOffer, renderAffiliateOfferDetail } from '../render-offers';
import type { RequestContext, Route } from '../router';
import { findOffer, isRunnableBy, isVisibleTo } from '../world';

function pagedOffers(ctx: RequestContext, offers: OfferRecord[]): ApiResponse {
  const paging = readPaging(ctx.url.searchParams);
  if (!paging.ok) return errorResponse(paging.error);
  const page = paginate(offers, paging.value);
  return json(200, {
    offers: page.items.map((offer) => renderAffiliateOffer(offer, ctx.store.world, ctx.partnerId)),
    paging: page.paging,
  });
}

function runnable(ctx: RequestContext): ApiResponse {
  return pagedOffers(
    ctx,
    ctx.store.world.offers.filter((offer) => isRunnableBy(offer, ctx.partnerId)),
  );
}

function all(ctx: RequestContext): ApiResponse {
  return pagedOffers(
    ctx,
    ctx.store.world.offers.filter((offer) => isVisibleTo(offer, ctx.partnerId)),
  );
}

function getOne(ctx: RequestContext): ApiResponse {
  const offer = findOffer(ctx.store.world, ctx.params.id ?? 0);
  if (!offer || !isVisibleTo(offer, ctx.partnerId)) {
    return errorResponse({ status: 404, message: `Offer ${ctx.params.id} not found` });
  }
  return json(200, renderAffiliateOfferDetail(offer, ctx.store.world, ctx.partnerId));
}

/** Affiliate offer routes: runnable offers, every visible offer, and one offer with its payout events. */
export const affiliateOfferRoutes: Route[] = [
  { method: 'GET', path: '/v1/affiliates/offersrunnable', handler: runnable },
  { method: 'GET', path: '/v1/affiliates/alloffers', handler: all },
  { method: 'GET', path: '/v1/affiliates/offers/:id', handler: getOne },
];
