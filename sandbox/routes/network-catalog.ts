import { ok } from '../../lib/result';
import { type ApiResponse, type Checked, errorResponse, invalid, json } from '../http-types';
import type { OfferRecord, PartnerRecord } from '../model';
import { paginate, readPaging } from '../paging';
import { affiliateSummary } from '../render';
import { encodeId, renderNetworkOffer } from '../render-offers';
import type { RequestContext, Route } from '../router';
import { nameMatches, readIdList, readTableQuery } from '../table-query';
import { findOffer } from '../world';

// Network-side offers and partners: what the network UI needs for pickers.

function getOffer(ctx: RequestContext): ApiResponse {
  const offer = findOffer(ctx.store.world, ctx.params.id ?? 0);
  if (!offer) return errorResponse({ status: 404, message: `Offer ${ctx.params.id} not found` });
  return json(200, renderNetworkOffer(offer, ctx.store.world, true));
}

function offerTermMatches(offer: OfferRecord, type: string, value: string): boolean {
  if (type === 'encoded_value') return encodeId(offer.network_offer_id) === value.toUpperCase();
  if (type === 'advertiser_name') return offer.advertiser_name.toLowerCase().includes(value.toLowerCase());
  return nameMatches(offer.name, offer.network_offer_id, value);
}

function offersTable(ctx: RequestContext): ApiResponse {
  const paging = readPaging(ctx.url.searchParams);
  if (!paging.ok) return errorResponse(paging.error);
  const query = readTableQuery(ctx.body, ['name', 'encoded_value', 'advertiser_name']);
  if (!query.ok) return errorResponse(query.error);
  const { terms, filters } = query.value;
  const status = filters.offer_status;
  if (
    status !== undefined &&
    status !== '' &&
    !['active', 'paused', 'pending', 'deleted'].includes(String(status))
  ) {
    return errorResponse({
      status: 400,
      message: 'filters.offer_status must be one of: active, paused, pending, deleted',
    });
  }
  const advertisers = readIdList(filters, 'network_advertiser_ids');
  if (!advertisers.ok) return errorResponse(advertisers.error);
  const visibilities = Array.isArray(filters.visibilities) ? filters.visibilities : undefined;
  const offers = ctx.store.world.offers.filter(
    (offer) =>
      terms.every((term) => offerTermMatches(offer, term.type, term.value)) &&
      (status === undefined || status === '' || offer.offer_status === status) &&
      (!advertisers.value || advertisers.value.includes(offer.network_advertiser_id)) &&
      (!visibilities || visibilities.length === 0 || visibilities.includes(offer.visibility)),
  );
  const withPayouts = ctx.url.searchParams.getAll('relationship').includes('payout_revenue');
  const page = paginate(offers, paging.value);
  return json(200, {
    offers: page.items.map((offer) => renderNetworkOffer(offer, ctx.store.world, withPayouts)),
    paging: page.paging,
  });
}

const ACCOUNT_STATUSES = ['active', 'inactive', 'pending', 'suspended'];

function readAccountStatus(value: unknown, field: string): Checked<string | undefined> {
  if (value === undefined || value === null || value === '') return ok(undefined);
  if (typeof value !== 'string' || !ACCOUNT_STATUSES.includes(value)) {
    return invalid(`${field} must be one of: ${ACCOUNT_STATUSES.join(', ')}`);
  }
  return ok(value);
}

function pagedAffiliates(ctx: RequestContext, partners: PartnerRecord[]): ApiResponse {
  const paging = readPaging(ctx.url.searchParams);
  if (!paging.ok) return errorResponse(paging.error);
  const page = paginate(partners, paging.value);
  return json(200, {
    affiliates: page.items.map((partner) => affiliateSummary(partner, ctx.store.world)),
    paging: page.paging,
  });
}

function listAffiliates(ctx: RequestContext): ApiResponse {
  let status: string | undefined;
  for (const filter of ctx.url.searchParams.getAll('filter')) {
    const match = /^account_status=(.*)$/.exec(filter);
    if (!match)
      return errorResponse({ status: 400, message: `Unsupported filter: ${filter} (use account_status=…)` });
    const read = readAccountStatus(match[1], 'account_status');
    if (!read.ok) return errorResponse(read.error);
    status = read.value;
  }
  return pagedAffiliates(
    ctx,
    ctx.store.world.partners.filter((partner) => !status || partner.account_status === status),
  );
}

function affiliatesTable(ctx: RequestContext): ApiResponse {
  const query = readTableQuery(ctx.body, ['name']);
  if (!query.ok) return errorResponse(query.error);
  const status = readAccountStatus(query.value.filters.account_status, 'filters.account_status');
  if (!status.ok) return errorResponse(status.error);
  const partners = ctx.store.world.partners.filter(
    (partner) =>
      query.value.terms.every((term) =>
        nameMatches(partner.name, partner.network_affiliate_id, term.value),
      ) &&
      (!status.value || partner.account_status === status.value),
  );
  return pagedAffiliates(ctx, partners);
}

/** Network offer and partner routes. */
export const networkCatalogRoutes: Route[] = [
  { method: 'GET', path: '/v1/networks/offers/:id', handler: getOffer },
  { method: 'POST', path: '/v1/networks/offerstable', handler: offersTable },
  { method: 'GET', path: '/v1/networks/affiliates', handler: listAffiliates },
  { method: 'POST', path: '/v1/networks/affiliatestable', handler: affiliatesTable },
];
