import type { z } from 'zod';
import { err, type Result } from '../result';
import { type EverflowError, errorMessage } from './errors';
import type { AffiliatePixelBody } from './schemas/affiliate-pixel';
import { type PixelStatus, type PixelType, type Realm, wirePixelType } from './schemas/enums';
import type { NetworkPixelBody } from './schemas/network-pixel';
import type { Postback } from './schemas/postback';

/**
 * Edit and set-status are GET → merge → PUT, because an Everflow PUT replaces the whole object
 * (reference §2.5, §3.4): the PUT body is the raw GET object minus read-only keys, with only the
 * intended change applied. Unknown keys survive untouched, in their original order.
 */

/** Keys the server owns; never sent back. The affiliate API also owns `network_affiliate_id`. */
export const READ_ONLY_KEYS: Record<Realm, readonly string[]> = {
  network: [
    'network_pixel_id',
    'network_affiliate_pixel_id',
    'network_offer_pixel_id',
    'network_id',
    'relationship',
    'time_created',
    'time_saved',
  ],
  affiliate: [
    'network_pixel_id',
    'network_affiliate_pixel_id',
    'network_offer_pixel_id',
    'network_id',
    'relationship',
    'time_created',
    'time_saved',
    'network_affiliate_id',
  ],
};

type WritableKey = Exclude<keyof AffiliatePixelBody | keyof NetworkPixelBody, number | symbol>;

/**
 * The fields an edit may change, by wire name. `pixel_type` may be the internal `event`; it is
 * written in the endpoint's spelling. A key set to `undefined` is left out of the PUT.
 */
export type PixelChanges = Partial<Record<WritableKey, unknown>> & {
  pixel_type?: PixelType | 'post_conversion';
  pixel_status?: PixelStatus;
};

/** How the network API wants the event type spelled (learned from a 400, reference §3.9). */
export type NetworkEventForm = 'event' | 'post_conversion';

/**
 * The PUT body for a pixel: `raw` minus read-only keys, `changes` applied, `pixel_type` in the
 * endpoint's spelling. Built with `Object.fromEntries` so even a `__proto__` key stays plain data.
 */
export function mergeForPut(
  raw: Readonly<Record<string, unknown>>,
  realm: Realm,
  changes: PixelChanges,
  eventForm: NetworkEventForm = 'event',
): Record<string, unknown> {
  const readOnly = new Set(READ_ONLY_KEYS[realm]);
  const changed = new Map(Object.entries(changes).filter(([key]) => !readOnly.has(key)));
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (readOnly.has(key)) continue;
    entries.push([key, changed.has(key) ? changed.get(key) : value]);
    changed.delete(key);
  }
  entries.push(...changed);
  const body = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  if (typeof body.pixel_type === 'string') body.pixel_type = wirePixelType(body.pixel_type, realm, eventForm);
  return body;
}

/** Checks a write body against the exact schema; a failure is a local validation error (no request made). */
export function validateWrite(schema: z.ZodType, body: Record<string, unknown>): EverflowError | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.');
  // The schema's messages already name the field and the fix, so they are the message.
  const error: EverflowError = { kind: 'validation', message: issue?.message ?? errorMessage('validation') };
  if (field) error.field = field;
  return error;
}

/** True when a 400 is the network API refusing the `event` spelling of the event type. */
export function rejectsEventSpelling(error: EverflowError, body: Record<string, unknown>): boolean {
  if (error.kind !== 'validation' || error.status !== 400 || body.pixel_type !== 'event') return false;
  return error.field === 'pixel_type' || /pixel_type/i.test(error.serverMessage ?? '');
}

/** What a round trip needs from the client. */
export interface RoundTripDeps {
  realm: Realm;
  get: () => Promise<Result<Postback, EverflowError>>;
  put: (body: Record<string, unknown>) => Promise<Result<Postback, EverflowError>>;
  writeSchema: z.ZodType;
  /**
   * For a change of `pixel_status` alone (`statusChangeSchema`: the status only): switching a postback off must
   * work even when the server's object breaks a local rule, or holds values this client does not know, in
   * fields nobody touched.
   */
  statusSchema?: z.ZodType;
  /** Network only: the current event spelling, and a callback when a 400 forces the other one. */
  eventForm?: NetworkEventForm;
  onEventFormRejected?: () => void;
}

/** GET → merge → validate → PUT; on the network, retries once with `post_conversion` if `event` is refused. */
export async function roundTrip(
  deps: RoundTripDeps,
  changes: PixelChanges,
): Promise<Result<Postback, EverflowError>> {
  const current = await deps.get();
  if (!current.ok) return current;
  const body = mergeForPut(current.value.raw, deps.realm, changes, deps.eventForm);
  const keys = Object.keys(changes);
  const statusOnly = keys.length > 0 && keys.every((key) => key === 'pixel_status');
  const invalid = validateWrite((statusOnly && deps.statusSchema) || deps.writeSchema, body);
  if (invalid) return err(invalid);
  const saved = await deps.put(body);
  if (deps.realm === 'network' && !saved.ok && rejectsEventSpelling(saved.error, body)) {
    deps.onEventFormRejected?.();
    return deps.put({ ...body, pixel_type: 'post_conversion' });
  }
  return saved;
}
