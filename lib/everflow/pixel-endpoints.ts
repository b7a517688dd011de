import type { Result } from '../result';
import type { EverflowError } from './errors';
import { onePixel } from './pixel-results';
import type { PixelChanges } from './roundtrip';
import { affiliatePixelReadSchema } from './schemas/affiliate-pixel';
import type { PixelStatus, Realm } from './schemas/enums';
import { networkPixelReadSchema } from './schemas/network-pixel';
import type { Postback } from './schemas/postback';
import { type CallOptions, callFields, type Transport } from './transport';

/** What both realms' APIs do with one postback they hold (`Input`: the realm's write body). */
export interface PixelEditing<Input> {
  getPixel(id: number, options?: CallOptions): Promise<Result<Postback, EverflowError>>;
  /** Edit: GET → apply `changes` → PUT the whole object. */
  updatePixel(
    id: number,
    changes: PixelChanges,
    options?: CallOptions,
  ): Promise<Result<Postback, EverflowError>>;
  /** GET → set `pixel_status` → PUT. */
  setPixelStatus(
    id: number,
    status: PixelStatus,
    options?: CallOptions,
  ): Promise<Result<Postback, EverflowError>>;
  /** PUT a complete body as given (after validation); for callers that already hold the whole object. */
  replacePixel(id: number, body: Input, options?: CallOptions): Promise<Result<Postback, EverflowError>>;
}

/** GET and PUT of one pixel. */
export interface PixelEndpoints {
  get(id: number, options?: CallOptions): Promise<Result<Postback, EverflowError>>;
  /** PUT a whole body (the caller has merged and validated it); an unreadable 2xx answer is read again by GET. */
  put(
    id: number,
    body: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<Result<Postback, EverflowError>>;
}

/** A 2xx whose body was not JSON or not a pixel: the server acted, but its answer says nothing. */
function answeredUnreadably(error: EverflowError): boolean {
  return error.kind === 'bad_response' && error.status !== undefined && error.status < 300;
}

/** One pixel's GET and PUT for a realm: both sides of the API differ only in the path prefix and the read schema. */
export function pixelEndpoints(t: Transport, realm: Realm): PixelEndpoints {
  const path = (id: number) => `/${realm === 'affiliate' ? 'affiliates' : 'networks'}/pixels/${id}`;
  const send = (
    id: number,
    method: 'GET' | 'PUT',
    body: Record<string, unknown> | undefined,
    options?: CallOptions,
  ) =>
    realm === 'affiliate'
      ? t.send({
          method,
          path: path(id),
          ...(body ? { body } : {}),
          schema: affiliatePixelReadSchema,
          ...callFields(options),
        })
      : t.send({
          method,
          path: path(id),
          ...(body ? { body } : {}),
          schema: networkPixelReadSchema,
          ...callFields(options),
        });
  const get: PixelEndpoints['get'] = async (id, options) =>
    onePixel(await send(id, 'GET', undefined, options), realm);
  return {
    get,
    async put(id, body, options) {
      const saved = onePixel(await send(id, 'PUT', body, options), realm);
      // A 2xx we could not read: the write happened, but we do not know what the server holds now. Read it
      // again, so the page and the cache show the truth instead of rolling back to the old state.
      if (!saved.ok && answeredUnreadably(saved.error)) {
        const fresh = await get(id, options);
        return fresh.ok ? fresh : saved;
      }
      return saved;
    },
  };
}
