import { ok } from '../../lib/result';
import { type Checked, invalid } from '../http-types';
import type { DataRow, RumblePixel, SnapchatPixel, StoredFacebookPixel, TiktokPixel } from '../model';
import { type Body, isObject, readInt, readRequiredString, readString } from './fields';

// Integration objects are validated field by field with the object name in every message
// ("facebook_pixel.pixel_id is required"), so a caller can tell which nested field was wrong.

function prefixed<T>(name: string, result: Checked<T>): Checked<T> {
  if (result.ok) return result;
  return invalid(`${name}.${result.error.message}`);
}

function requireIntegrationObject(value: unknown, name: string, method: string): Checked<Body> {
  if (value === undefined || value === null)
    return invalid(`${name} is required when delivery_method is ${method}`);
  return isObject(value) ? ok(value) : invalid(`${name} must be an object`);
}

function readRows(body: Body, field: string): Checked<DataRow[]> {
  const value = body[field];
  if (value === undefined || value === null) return ok([]);
  if (!Array.isArray(value)) return invalid(`${field} must be an array of {field, value}`);
  const rows: DataRow[] = [];
  for (const [index, row] of value.entries()) {
    if (!isObject(row) || typeof row.field !== 'string' || typeof row.value !== 'string') {
      return invalid(`${field}[${index}] must be {field: string, value: string}`);
    }
    rows.push({ field: row.field, value: row.value });
  }
  return ok(rows);
}

/**
 * The partner integration id (`network_affiliate_integration_*_id`). Required on create, the page the seed
 * documents; a PUT may carry 0, e.g. for a Meta pixel the partner set up itself with an access token.
 */
function readIntegrationId(body: Body, field: string, required: boolean): Checked<number> {
  const value = body[field];
  if (required && (value === undefined || value === null || value === 0)) {
    return invalid(`${field} is required when creating a partner postback`);
  }
  return readInt(body, field, 0);
}

/** Validate and collect several fields, stopping at the first error. */
function collect<T>(name: string, steps: { [K in keyof T]: () => Checked<T[K]> }): Checked<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(steps) as (keyof T)[]) {
    const result = prefixed(name, steps[key]());
    if (!result.ok) return result;
    out[key] = result.value;
  }
  return ok(out as T);
}

/** The conversions-API fields Meta and Snapchat both document (network realm). */
function conversionsApiSteps(body: Body) {
  return {
    event_name: () => readRequiredString(body, 'event_name'),
    event_id: () => readString(body, 'event_id'),
    action_source: () => readString(body, 'action_source'),
    event_source_url: () => readString(body, 'event_source_url'),
    user_data: () => readRows(body, 'user_data'),
    custom_data: () => readRows(body, 'custom_data'),
  };
}

/** The affiliate realm's `facebook_pixel`: `{pixel_id, event_name, access_token}`. */
export function parseAffiliateFacebook(value: unknown): Checked<StoredFacebookPixel> {
  const object = requireIntegrationObject(value, 'facebook_pixel', 'facebook');
  if (!object.ok) return object;
  const body = object.value;
  const fields = collect<{ pixel_id: string; event_name: string; access_token: string }>('facebook_pixel', {
    pixel_id: () => readRequiredString(body, 'pixel_id'),
    event_name: () => readRequiredString(body, 'event_name'),
    access_token: () => readString(body, 'access_token'),
  });
  if (!fields.ok) return fields;
  return ok({
    network_affiliate_integration_facebook_business_id: 0,
    event_id: '',
    action_source: '',
    event_source_url: '',
    user_data: [],
    custom_data: [],
    ...fields.value,
  });
}

/**
 * The network realm's `facebook_pixel`; the affiliate-only access token is kept as given by `previous`.
 * `create` makes the integration id required.
 */
export function parseNetworkFacebook(
  value: unknown,
  previousToken = '',
  create = false,
): Checked<StoredFacebookPixel> {
  const object = requireIntegrationObject(value, 'facebook_pixel', 'facebook');
  if (!object.ok) return object;
  const body = object.value;
  const fields = collect<Omit<StoredFacebookPixel, 'access_token'>>('facebook_pixel', {
    network_affiliate_integration_facebook_business_id: () =>
      readIntegrationId(body, 'network_affiliate_integration_facebook_business_id', create),
    pixel_id: () => readRequiredString(body, 'pixel_id'),
    ...conversionsApiSteps(body),
  });
  if (!fields.ok) return fields;
  return ok({ ...fields.value, access_token: previousToken });
}

/** The network realm's `tiktok_pixel` (`create`: the integration id is required). */
export function parseTiktok(value: unknown, create = false): Checked<TiktokPixel> {
  const object = requireIntegrationObject(value, 'tiktok_pixel', 'tiktok');
  if (!object.ok) return object;
  const body = object.value;
  return collect<TiktokPixel>('tiktok_pixel', {
    network_affiliate_integration_tiktok_id: () =>
      readIntegrationId(body, 'network_affiliate_integration_tiktok_id', create),
    pixel_code: () => readRequiredString(body, 'pixel_code'),
    event_name: () => readRequiredString(body, 'event_name'),
    url: () => readString(body, 'url'),
    email: () => readString(body, 'email'),
    phone: () => readString(body, 'phone'),
    properties: () => readRows(body, 'properties'),
  });
}

/** The network realm's `snapchat_pixel` (`create`: the integration id is required). */
export function parseSnapchat(value: unknown, create = false): Checked<SnapchatPixel> {
  const object = requireIntegrationObject(value, 'snapchat_pixel', 'snapchat');
  if (!object.ok) return object;
  const body = object.value;
  return collect<SnapchatPixel>('snapchat_pixel', {
    network_affiliate_integration_snapchat_id: () =>
      readIntegrationId(body, 'network_affiliate_integration_snapchat_id', create),
    asset_id: () => readRequiredString(body, 'asset_id'),
    ...conversionsApiSteps(body),
  });
}

/** The network realm's `rumble_pixel` (`create`: the integration id is required). */
export function parseRumble(value: unknown, create = false): Checked<RumblePixel> {
  const object = requireIntegrationObject(value, 'rumble_pixel', 'rumble');
  if (!object.ok) return object;
  const body = object.value;
  return collect<RumblePixel>('rumble_pixel', {
    network_affiliate_integration_rumble_id: () =>
      readIntegrationId(body, 'network_affiliate_integration_rumble_id', create),
    conversion_action_id: () => {
      if (body.conversion_action_id === undefined || body.conversion_action_id === null) {
        return invalid('conversion_action_id is required');
      }
      return readInt(body, 'conversion_action_id', 0, 1);
    },
    conversion_action_name: () => readString(body, 'conversion_action_name'),
  });
}
