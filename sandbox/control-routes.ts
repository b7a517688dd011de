import { CONTROL_PIXEL_ROUTES, handleControlPixels } from './control-pixels';
import type { SandboxCore } from './core';
import { parseFaultSpec } from './fault-spec';
import { type ApiResponse, errorResponse, json } from './http-types';
import { isObject, readBoolean, readInt } from './validate/fields';

/** The control API's routes, listed by `GET /__sandbox`. */
export const CONTROL_ROUTES = [
  'GET /__sandbox/faults',
  'POST /__sandbox/faults',
  'DELETE /__sandbox/faults',
  'POST /__sandbox/faults/seed',
  'POST /__sandbox/reset',
  'GET /__sandbox/requests',
  'DELETE /__sandbox/requests',
  'GET /__sandbox/partner-postbacks',
  'PUT /__sandbox/partner-postbacks',
  'GET /__sandbox/state',
  ...CONTROL_PIXEL_ROUTES,
  'GET /__sandbox/changes',
  'DELETE /__sandbox/changes',
  'GET /__sandbox/tracker/requests',
  'DELETE /__sandbox/tracker/requests',
  'GET /__sandbox/rate-limit',
];

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/**
 * Answer a `/__sandbox/*` request. The control API has no auth and no rate limit and is not logged;
 * it is for tests, the e2e harness and benchmarks.
 */
export function handleControl(
  core: SandboxCore,
  method: string,
  pathname: string,
  rawBody: string,
): ApiResponse {
  const path = pathname.replace(/\/+$/, '');
  const parsed = parseJson(rawBody);
  if (!parsed.ok) return errorResponse({ status: 400, message: 'Invalid JSON body' });
  const body = parsed.value;
  const pixels = handleControlPixels(core, method, path, body);
  if (pixels) return pixels;
  switch (`${method} ${path}`) {
    case 'GET /__sandbox':
      return json(200, { routes: CONTROL_ROUTES });
    case 'GET /__sandbox/faults':
      return json(200, { faults: core.faults.list() });
    case 'POST /__sandbox/faults': {
      const spec = parseFaultSpec(body);
      return spec.ok ? json(200, { fault: core.faults.add(spec.value) }) : errorResponse(spec.error);
    }
    case 'DELETE /__sandbox/faults':
      core.faults.clear();
      return json(200, { result: true });
    case 'POST /__sandbox/faults/seed': {
      const seed = readInt(isObject(body) ? body : {}, 'seed', -1, 0, 0xffffffff);
      if (!seed.ok || seed.value < 0)
        return errorResponse({ status: 400, message: 'seed must be an integer ≥ 0' });
      core.faults.reseed(seed.value);
      return json(200, { seed: seed.value });
    }
    case 'POST /__sandbox/reset':
      core.reset();
      return json(200, { result: true });
    case 'GET /__sandbox/requests':
      return json(200, { requests: core.log.list() });
    case 'DELETE /__sandbox/requests':
      core.log.clear();
      return json(200, { result: true });
    case 'GET /__sandbox/partner-postbacks':
      return json(200, { disabled: core.store.partnerPostbacksDisabled });
    case 'PUT /__sandbox/partner-postbacks':
    case 'POST /__sandbox/partner-postbacks': {
      const disabled = readBoolean(isObject(body) ? body : {}, 'disabled', false);
      if (!disabled.ok || !isObject(body) || body.disabled === undefined) {
        return errorResponse({ status: 400, message: 'disabled must be true or false' });
      }
      core.store.setPartnerPostbacksDisabled(disabled.value);
      return json(200, { disabled: disabled.value });
    }
    case 'GET /__sandbox/state':
      return json(200, {
        seed: core.seedName,
        partnerPostbacksDisabled: core.store.partnerPostbacksDisabled,
        pixels: core.store.all(),
      });
    case 'GET /__sandbox/changes':
      return json(200, { changes: core.changes.list() });
    case 'DELETE /__sandbox/changes':
      core.changes.clear();
      return json(200, { result: true });
    case 'GET /__sandbox/tracker/requests':
      return json(200, { requests: core.trackerLog.list() });
    case 'DELETE /__sandbox/tracker/requests':
      core.trackerLog.clear();
      return json(200, { result: true });
    case 'GET /__sandbox/rate-limit':
      return json(200, rateLimitReport(core));
    default:
      return errorResponse({ status: 404, message: `Unknown control route: ${method} ${path}` });
  }
}

/** The rate limiter's state per key, named by realm and partner (never by the key's value). */
function rateLimitReport(core: SandboxCore) {
  const keys = core.store.world.keys.flatMap((record) => {
    const usage = core.limiter.usage(record.key, record.realm);
    return usage ? [{ realm: record.realm, partnerId: record.network_affiliate_id, ...usage }] : [];
  });
  return { config: core.limiter.config, keys };
}
