import { type ApiResponse, errorResponse, json } from '../http-types';
import { affiliateSummary } from '../render';
import type { RequestContext, Route } from '../router';
import { findPartner } from '../world';

// "Who am I" endpoints, used by the extension to validate a key and detect its realm.

function ownPartner(ctx: RequestContext) {
  return findPartner(ctx.store.world, ctx.partnerId);
}

function affiliateAccount(ctx: RequestContext): ApiResponse {
  const partner = ownPartner(ctx);
  if (!partner) return errorResponse({ status: 404, message: 'Affiliate not found' });
  const { internal_notes: _hidden, ...account } = affiliateSummary(partner, ctx.store.world);
  return json(200, account);
}

/** The beta "Get Affiliate Info" shape. */
function affiliateInfo(ctx: RequestContext): ApiResponse {
  const partner = ownPartner(ctx);
  if (!partner) return errorResponse({ status: 404, message: 'Affiliate not found' });
  return json(200, {
    network_affiliate_id: partner.network_affiliate_id,
    name: partner.name,
    account_status: partner.account_status,
    email: partner.email,
    address: {
      address_1: '100 Market Street',
      address_2: '',
      city: 'Austin',
      region_code: 'TX',
      country_code: 'US',
      zip_postal_code: '78701',
    },
    meta: { website_url: 'https://demo-partner.example', time_created: partner.time_created },
  });
}

function networkInfo(ctx: RequestContext): ApiResponse {
  const network = ctx.store.world.network;
  return json(200, {
    network_id: network.network_id,
    customer_id: 1001,
    name: network.name,
    identifier: network.identifier,
    account_status: 'active',
    displayed_name: network.name,
    is_show_name: true,
    timezone_id: network.timezone_id,
    language_id: 1,
    currency_id: network.currency_id,
    logo_image_url: '',
    favicon_image_url: '',
    support_email: network.support_email,
    time_created: network.time_created,
    time_saved: network.time_saved,
  });
}

/** Account routes for both realms. */
export const accountRoutes: Route[] = [
  { method: 'GET', path: '/v1/affiliates', handler: affiliateInfo },
  { method: 'GET', path: '/v1/affiliates/affiliate', handler: affiliateAccount },
  { method: 'GET', path: '/v1/networks', handler: networkInfo },
];
