import type { Realm } from '../model/vocabulary';
import { err, ok, type Result } from '../result';
import type { EverflowError } from './errors';
import { internalPixelType } from './schemas/enums';
import type { Postback } from './schemas/postback';
import type { Sleep } from './sleep';

/**
 * POST is never blindly retried: a create that timed out or got a 5xx may still have been saved.
 * So after such a failure we list the offer's postbacks and look for one matching the request; if
 * found it is returned (and marked recovered), otherwise the create is retried once. A 429 or 400
 * means the server did not save anything, so those are safe to repeat without looking.
 * A user never gets two identical postbacks from one click.
 */

/** The result of a create. */
export interface CreateOutcome {
  pixel: Postback;
  /** True when the POST failed ambiguously and the postback was found already saved. */
  recovered: boolean;
}

/** What the recovery needs from the client. */
export interface CreateDeps {
  realm: Realm;
  body: Record<string, unknown>;
  /** One POST (429s may be retried inside: the server refused before saving). */
  post: () => Promise<Result<Postback, EverflowError>>;
  /** The postbacks that could be the one we tried to create (e.g. the offer's postbacks). */
  listCandidates: () => Promise<Result<readonly Postback[], EverflowError>>;
  /** Wait this long before looking, so a slow request can finish on the server (default none). */
  settleMs?: number;
  sleep?: Sleep;
  signal?: AbortSignal | undefined;
}

/** Failures after which the postback may or may not exist. */
export function isAmbiguous(error: EverflowError): boolean {
  return error.kind === 'timeout' || error.kind === 'server' || error.kind === 'offline';
}

function sameNumber(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' ? a : 0) === (typeof b === 'number' ? b : 0);
}

function sameText(a: unknown, b: unknown): boolean {
  return (typeof a === 'string' ? a : '') === (typeof b === 'string' ? b : '');
}

/**
 * True when `actual` agrees with `wanted` on every key both have (deep). Keys the server leaves out
 * are skipped: it may hide secrets such as a Meta access token, or add keys of its own.
 */
function agrees(actual: unknown, wanted: unknown): boolean {
  if (wanted === null || typeof wanted !== 'object') return Object.is(actual, wanted);
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(wanted)) {
    return (
      Array.isArray(actual) && actual.length === wanted.length && wanted.every((w, i) => agrees(actual[i], w))
    );
  }
  const have = actual as Record<string, unknown>;
  return Object.entries(wanted).every(
    ([key, value]) => !Object.hasOwn(have, key) || agrees(have[key], value),
  );
}

const INTEGRATIONS = ['facebook_pixel', 'tiktok_pixel', 'snapchat_pixel', 'rumble_pixel'];

/** True when a listed postback is what `body` would have created. Unknown request keys are ignored. */
export function matchesRequest(body: Record<string, unknown>, pixel: Postback, realm: Realm): boolean {
  const raw = pixel.raw;
  for (const key of ['delivery_method', 'pixel_level', 'pixel_status']) {
    if (!sameText(body[key], raw[key])) return false;
  }
  if (internalPixelType(String(body.pixel_type)) !== pixel.type) return false;
  // The affiliate API ignores the offer id of a global postback, so it may come back as 0.
  const offerMatters = !(realm === 'affiliate' && body.pixel_level === 'global');
  if (offerMatters && !sameNumber(body.network_offer_id, raw.network_offer_id)) return false;
  if (realm === 'network' && !sameNumber(body.network_affiliate_id, raw.network_affiliate_id)) return false;
  for (const key of ['network_offer_payout_revenue_id', 'delay_ms']) {
    if (!sameNumber(body[key], raw[key])) return false;
  }
  for (const key of ['postback_url', 'html_code', 'description']) {
    if (key in body && !sameText(body[key], raw[key])) return false;
  }
  return INTEGRATIONS.every((key) => body[key] == null || agrees(raw[key], body[key]));
}

/** The saved postback matching the request, undefined when there is none, or the listing's error. */
async function findSaved(deps: CreateDeps): Promise<Result<Postback | undefined, EverflowError>> {
  // A request that timed out may still be running on the server: give it a moment to land.
  if (deps.settleMs) await deps.sleep?.(deps.settleMs, deps.signal);
  const listed = await deps.listCandidates();
  if (!listed.ok) return listed;
  const matches = listed.value.filter((pixel) => matchesRequest(deps.body, pixel, deps.realm));
  // Newest first: an identical older postback would also match, but the fresh one has the higher id.
  return ok(matches.sort((a, b) => b.id - a.id)[0]);
}

/**
 * Creates a postback, recovering from ambiguous failures without ever creating it twice. When the
 * listing itself fails we cannot know, so the first error is returned rather than risking a duplicate.
 */
export async function createWithRecovery(deps: CreateDeps): Promise<Result<CreateOutcome, EverflowError>> {
  const first = await deps.post();
  if (first.ok) return ok({ pixel: first.value, recovered: false });
  if (!isAmbiguous(first.error)) return first;
  const saved = await findSaved(deps);
  if (!saved.ok) return first;
  if (saved.value) return ok({ pixel: saved.value, recovered: true });
  const second = await deps.post();
  if (second.ok) return ok({ pixel: second.value, recovered: false });
  if (!isAmbiguous(second.error)) return second;
  const savedLate = await findSaved(deps);
  return savedLate.ok && savedLate.value
    ? ok({ pixel: savedLate.value, recovered: true })
    : err(second.error);
}
