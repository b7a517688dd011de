import type { SandboxCore } from './core';
import { DEMO_PARTNER_ID } from './demo-keys';
import { type ApiResponse, errorResponse, json } from './http-types';
import { isObject, readEnum } from './validate/fields';
import { parsePixelBody } from './validate/pixel';
import { findPartner } from './world';

// Control routes that change postbacks "elsewhere": as Everflow does on its own (switching a postback off
// after failed deliveries) or as someone does in the portal. They are journaled with source `control`,
// never appear in the API request log, and ignore the partner-editing switch and the rate limit.

const PIXEL_PATH = /^\/__sandbox\/pixels\/(\d{1,15})$/;

/** The control routes this file answers, for the route list. */
export const CONTROL_PIXEL_ROUTES = [
  'POST /__sandbox/pixels',
  'GET /__sandbox/pixels/:id',
  'PATCH /__sandbox/pixels/:id',
  'DELETE /__sandbox/pixels/:id',
];

function notFound(id: number): ApiResponse {
  return errorResponse({ status: 404, message: `Postback ${id} not found` });
}

/**
 * A create "elsewhere": the body is a create body of the network realm (default) or, with
 * `"realm": "affiliate"`, of the affiliate realm for `network_affiliate_id` (default the demo partner),
 * validated by the same rules as the API.
 */
function create(core: SandboxCore, body: unknown): ApiResponse {
  if (!isObject(body)) return errorResponse({ status: 400, message: 'Request body must be a JSON object' });
  const realm = body.realm ?? 'network';
  if (realm !== 'network' && realm !== 'affiliate') {
    return errorResponse({ status: 400, message: 'realm must be network or affiliate' });
  }
  const partnerId =
    realm === 'affiliate' && typeof body.network_affiliate_id === 'number'
      ? body.network_affiliate_id
      : DEMO_PARTNER_ID;
  // The affiliate realm trusts the caller's own partner id; here it comes from the body, so check it.
  if (!findPartner(core.store.world, partnerId)) {
    return errorResponse({ status: 400, message: `network_affiliate_id ${partnerId} does not exist` });
  }
  const fields = parsePixelBody(body, core.store.world, { realm, partnerId });
  if (!fields.ok) return errorResponse(fields.error);
  return json(200, { pixel: core.store.create(fields.value, 'control') });
}

/** Answer `/__sandbox/pixels*`, or undefined when the path is not one of these routes. */
export function handleControlPixels(
  core: SandboxCore,
  method: string,
  path: string,
  body: unknown,
): ApiResponse | undefined {
  if (path === '/__sandbox/pixels') {
    return method === 'POST' ? create(core, body) : undefined;
  }
  const match = PIXEL_PATH.exec(path);
  if (!match) return undefined;
  const id = Number(match[1]);
  switch (method) {
    case 'GET': {
      const pixel = core.store.get(id);
      return pixel ? json(200, { pixel }) : notFound(id);
    }
    case 'PATCH': {
      const status = readEnum(isObject(body) ? body : {}, 'status', ['active', 'inactive'] as const);
      if (!status.ok) return errorResponse(status.error);
      const pixel = core.store.setStatus(id, status.value, 'control');
      return pixel ? json(200, { pixel }) : notFound(id);
    }
    case 'DELETE':
      return core.store.delete(id, 'control') ? json(200, { result: true }) : notFound(id);
    default:
      return undefined;
  }
}
