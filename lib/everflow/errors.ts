import type { Realm } from '../model/vocabulary';
import { serverFieldOf, serverMessageOf } from './schemas/errors';

/** Every kind of failure a client call can return. */
export const ERROR_KINDS = [
  'auth',
  'realm',
  'forbidden',
  'not_found',
  'validation',
  'rate_limited',
  'server',
  'timeout',
  'offline',
  'bad_response',
  'aborted',
  'unknown_outcome',
] as const;
/** A machine-readable failure kind. */
export type EverflowErrorKind = (typeof ERROR_KINDS)[number];

/**
 * A failed Everflow call. `message` is for people (short, says what to do); the other fields are for
 * code. It never contains the API key: server text is scrubbed before it lands here.
 */
export interface EverflowError {
  kind: EverflowErrorKind;
  message: string;
  status?: number;
  /** The request field the error is about (validation, bad_response). */
  field?: string;
  /** The server's own words, when it sent any. */
  serverMessage?: string;
  /** How long the server asked us to wait (429 Retry-After). */
  retryAfterMs?: number;
  /**
   * True when the request provably never reached the server (connection refused, host not found): only then
   * may a create be sent again. A dropped connection or a timeout leaves this unset: the body may have landed.
   */
  unsent?: boolean;
}

/** Context that makes a message specific. */
export interface MessageContext {
  /** For `realm`: the realm of the profile (the key is the other one). */
  profileRealm?: Realm;
  field?: string;
  serverMessage?: string;
  retryAfterMs?: number;
  status?: number;
  /** For `bad_response`: what was wrong with the answer. */
  detail?: string;
}

/** The sentence for a key of `keyRealm` used in a profile of the other realm. */
export function realmMismatchMessage(keyRealm: Realm): string {
  return keyRealm === 'network'
    ? 'This is a network key, but this profile is for an affiliate. Paste the partner (affiliate) API key, or make this a network profile.'
    : 'This is an affiliate key, but this profile is for a network. Paste a network API key, or make this an affiliate profile.';
}

function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

/** The human message for a kind of error, made specific with whatever context is known. */
export function errorMessage(kind: EverflowErrorKind, ctx: MessageContext = {}): string {
  switch (kind) {
    case 'auth':
      return 'Everflow did not accept this API key. Check that it was copied in full and has not been revoked.';
    case 'realm':
      if (ctx.profileRealm) {
        return realmMismatchMessage(ctx.profileRealm === 'affiliate' ? 'network' : 'affiliate');
      }
      return 'This key belongs to the other Everflow portal (affiliate vs network). Use the key that matches this profile.';
    case 'forbidden':
      return 'Everflow refused this action. The network may have disabled partner postback editing, or this key lacks the permission; ask the network to enable it.';
    case 'not_found':
      return 'Everflow could not find this item. It may have been deleted; refresh and try again.';
    case 'validation': {
      const where = ctx.field ? ` (${ctx.field})` : '';
      return ctx.serverMessage
        ? `Everflow rejected the postback${where}: ${ctx.serverMessage.replace(/[.\s]+$/, '')}. Correct it and save again.`
        : `Everflow rejected the postback as invalid${where}. Correct it and save again.`;
    }
    case 'rate_limited':
      return ctx.retryAfterMs
        ? `Too many requests to Everflow. Try again in ${seconds(ctx.retryAfterMs)}.`
        : 'Too many requests to Everflow. Wait a few seconds and try again.';
    case 'server':
      return `Everflow had a server error${ctx.status ? ` (HTTP ${ctx.status})` : ''}. Try again in a minute.`;
    case 'timeout':
      return 'Everflow did not answer in time. Check your connection and try again.';
    case 'offline':
      return 'Could not reach Everflow. Check your internet connection.';
    case 'bad_response':
      return `Everflow sent an answer this extension does not understand${ctx.detail ? ` (${ctx.detail})` : ''}. Try again; if it keeps happening, report it.`;
    case 'aborted':
      return 'The request was cancelled.';
    case 'unknown_outcome':
      return 'Everflow did not confirm whether the postback was created, and it has not shown up yet. It was not sent twice. Check again in a minute before creating it again.';
  }
}

/**
 * A request the user waits for that was not sent because the key's rate limit has no slot before the deadline
 * (other requests with the same key queued ahead, or a 429's pause). A timeout, but provably unsent.
 */
export function rateLimitBusy(waitMs: number): EverflowError {
  return {
    kind: 'timeout',
    message: `Everflow's rate limit for this key is busy; try again in ${seconds(waitMs)}. Nothing was sent.`,
    unsent: true,
  };
}

/** A change not started because too little of the deadline was left to see it answered. Provably unsent. */
export function tooLittleTimeToWrite(): EverflowError {
  return {
    kind: 'timeout',
    message:
      'Too little of the time limit was left to send this change safely, so it was not sent. Try again, or raise the time limit in Settings.',
    unsent: true,
  };
}

/** Builds an error with its message. */
export function everflowError(kind: EverflowErrorKind, ctx: MessageContext = {}): EverflowError {
  const error: EverflowError = { kind, message: errorMessage(kind, ctx) };
  if (ctx.status !== undefined) error.status = ctx.status;
  if (ctx.field !== undefined) error.field = ctx.field;
  if (ctx.serverMessage !== undefined) error.serverMessage = ctx.serverMessage;
  if (ctx.retryAfterMs !== undefined) error.retryAfterMs = ctx.retryAfterMs;
  return error;
}

/** Removes the API key from server text, in case a server echoes it. */
export function scrubKey(text: string, apiKey: string): string {
  return apiKey.length >= 4 ? text.split(apiKey).join('[api key]') : text;
}

const OUT_OF_REALM = /out of realm/i;
// Fields a 400 message may name, longest first so `network_offer_payout_revenue_id` beats `network_offer_id`.
const KNOWN_FIELDS = [
  'network_offer_payout_revenue_id',
  'network_affiliate_id',
  'network_offer_id',
  'delivery_method',
  'facebook_pixel',
  'snapchat_pixel',
  'rumble_pixel',
  'tiktok_pixel',
  'postback_url',
  'pixel_status',
  'pixel_level',
  'pixel_type',
  'description',
  'html_code',
  'delay_ms',
];

const NESTED_FIELD = /\b((?:facebook|tiktok|snapchat|rumble)_pixel\.[a-z_]+)/;

/**
 * The field a validation message is about: the known field it names first ("postback_url is required
 * when delivery_method is postback" → postback_url), as a nested path when it is one
 * (`facebook_pixel.pixel_id`). At the same position the longer name wins.
 */
export function fieldFromMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  let best: { field: string; at: number } | undefined;
  for (const field of KNOWN_FIELDS) {
    const at = message.search(new RegExp(`\\b${field}\\b`));
    if (at >= 0 && (!best || at < best.at)) best = { field, at };
  }
  if (!best) return undefined;
  const nested = NESTED_FIELD.exec(message.slice(best.at));
  return nested?.index === 0 ? nested[1] : best.field;
}

/** What the HTTP layer knows about a failed response. */
export interface FailedResponse {
  status: number;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
  /** The realm of the endpoint that answered (from its path). */
  pathRealm?: Realm;
  retryAfterMs?: number;
  apiKey: string;
}

/** Maps a non-2xx response to a typed error. */
export function errorFromResponse(res: FailedResponse): EverflowError {
  const rawMessage = serverMessageOf(res.body);
  const serverMessage = rawMessage === undefined ? undefined : scrubKey(rawMessage, res.apiKey);
  const base = { status: res.status, ...(serverMessage === undefined ? {} : { serverMessage }) };
  const { status } = res;
  if (status === 401) return everflowError('auth', base);
  if (status === 403 && serverMessage && OUT_OF_REALM.test(serverMessage)) {
    return everflowError('realm', { ...base, ...(res.pathRealm ? { profileRealm: res.pathRealm } : {}) });
  }
  if (status === 403) return everflowError('forbidden', base);
  if (status === 404) return everflowError('not_found', base);
  if (status === 429) {
    return everflowError('rate_limited', {
      ...base,
      ...(res.retryAfterMs === undefined ? {} : { retryAfterMs: res.retryAfterMs }),
    });
  }
  if (status >= 500) return everflowError('server', base);
  if (status === 400 || status === 409 || status === 422) {
    const field = serverFieldOf(res.body) ?? fieldFromMessage(serverMessage);
    return everflowError('validation', { ...base, ...(field ? { field } : {}) });
  }
  return everflowError('bad_response', { ...base, detail: `unexpected HTTP ${status}` });
}
