import type { Realm } from '../model/vocabulary';
import { err, ok, type Result } from '../result';
import { type EverflowError, everflowError } from './errors';
import { internalPixelType } from './schemas/enums';
import type { Postback } from './schemas/postback';
import type { Sleep } from './sleep';
import type { CallOptions } from './transport';

/**
 * Everflow has no idempotency key, so a POST that may have reached the server is never sent again by this code.
 * A 400, or a failure proving nothing left this machine (429, connection refused, host not found), is returned
 * or retried as usual (see `withRateLimitRetry`). After any other failure we look for the postback instead:
 * - the server answered (5xx, or a 2xx we could not read): it is done with the request, so one look after a
 *   short pause tells. Found → returned as recovered; a 5xx and nothing found → the 5xx (nothing was saved).
 * - no answer (timeout, dropped connection): the request may still be running on the server, so we look again
 *   and again for `recoveryWindowMs`. Found → recovered; never found → `unknown_outcome`, and the user is
 *   offered "Check again" (`findCreated`), never an automatic second POST.
 * Only postbacks the caller had not seen before the request (`knownIds`) count: an identical older postback (the
 * one "Create anyway" was warned about) is not the one this request made.
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
  /** Wait this long before the first look, so a slow request can finish on the server (default none). */
  settleMs?: number;
  /** After a failure without an answer, keep looking this long (from the first look) before giving up. */
  recoveryWindowMs?: number;
  /** The pause between looks within the window. */
  pollMs?: number;
  /** Ids of postbacks that existed before the request: never taken for the one it created. */
  knownIds?: ReadonlySet<number> | undefined;
  sleep?: Sleep;
  signal?: AbortSignal | undefined;
  /** The call's deadline (see HttpConfig): no pause runs past it; the answer is then `unknown_outcome`. */
  deadlineAt?: number | undefined;
  now?: (() => number) | undefined;
}

/** Failures after which the postback may or may not exist. */
export function isAmbiguous(error: EverflowError): boolean {
  return hadNoAnswer(error) || serverAnswered(error);
}

/** No answer came: the request may still be running on the server. */
function hadNoAnswer(error: EverflowError): boolean {
  return (error.kind === 'timeout' || error.kind === 'offline') && error.unsent !== true;
}

/** The server answered, so it is done with the request: a 5xx, or a 2xx whose body we could not read. */
function serverAnswered(error: EverflowError): boolean {
  if (error.kind === 'server') return true;
  return error.kind === 'bad_response' && error.status !== undefined && error.status < 300;
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

/** The newest listed postback that `body` would have created and that was not there before. */
export function pickCreated(
  candidates: readonly Postback[],
  body: Record<string, unknown>,
  realm: Realm,
  knownIds?: ReadonlySet<number>,
): Postback | undefined {
  const fresh = candidates.filter((p) => !knownIds?.has(p.id) && matchesRequest(body, p, realm));
  return fresh.sort((a, b) => b.id - a.id)[0];
}

/** One look: the saved postback matching the request, undefined when there is none, or the listing's error. */
async function lookOnce(deps: CreateDeps): Promise<Result<Postback | undefined, EverflowError>> {
  const listed = await deps.listCandidates();
  if (!listed.ok) return listed;
  return ok(pickCreated(listed.value, deps.body, deps.realm, deps.knownIds));
}

const DEFAULT_POLL_MS = 3000;

/** What is left of the call's deadline (infinite without one). */
function timeLeft(deps: Pick<CreateDeps, 'deadlineAt' | 'now'>): number {
  return deps.deadlineAt === undefined
    ? Number.POSITIVE_INFINITY
    : deps.deadlineAt - (deps.now ?? Date.now)();
}

/**
 * Looks until the postback shows up or `recoveryWindowMs` has passed (measured in the pauses taken, so a fake
 * sleep in tests keeps it exact). A failed look is tried again in the next round; only the last one counts.
 */
async function lookUntilFound(deps: CreateDeps): Promise<Result<Postback | undefined, EverflowError>> {
  const window = deps.recoveryWindowMs ?? 0;
  const pause = Math.max(1, deps.pollMs ?? DEFAULT_POLL_MS);
  let waited = 0;
  for (;;) {
    const found = await lookOnce(deps);
    if (found.ok && found.value) return found;
    const left = timeLeft(deps);
    if (waited >= window || deps.signal?.aborted || left <= 0) return found;
    const step = Math.min(pause, window - waited, left);
    await deps.sleep?.(step, deps.signal);
    waited += step;
  }
}

/** The error for "may have been created, not found yet". */
function unknownOutcome(): EverflowError {
  return everflowError('unknown_outcome');
}

/**
 * Creates a postback, recovering from ambiguous failures without ever sending it twice (see the top of this
 * file). Resolves to the created (or recovered) postback, the server's refusal, or `unknown_outcome`.
 */
export async function createWithRecovery(deps: CreateDeps): Promise<Result<CreateOutcome, EverflowError>> {
  const first = await deps.post();
  if (first.ok) return ok({ pixel: first.value, recovered: false });
  if (!isAmbiguous(first.error)) return first;
  // A request that timed out may still be running on the server: give it a moment to land.
  const settle = Math.min(deps.settleMs ?? 0, Math.max(0, timeLeft(deps)));
  if (settle) await deps.sleep?.(settle, deps.signal);
  if (deps.signal?.aborted) return err(everflowError('aborted'));
  const found = serverAnswered(first.error) ? await lookOnce(deps) : await lookUntilFound(deps);
  if (found.ok && found.value) return ok({ pixel: found.value, recovered: true });
  // A 5xx and a clean look: the server finished without saving, so its error stands (trying again is safe).
  if (found.ok && first.error.kind === 'server') return first;
  return err(unknownOutcome());
}

/** Per-call options of a create: the usual ones, plus the ids the caller saw before the request. */
export interface CreateOptions extends CallOptions {
  /** Postbacks that existed before this create (e.g. the list the duplicate check read). */
  knownIds?: Iterable<number> | undefined;
}

/** The recovery knobs each realm's API takes from the client. */
export interface RecoveryOptions {
  recoverySettleMs: number;
  /** How long to keep looking after a create got no answer (absent: one look; the client's default is 30 s). */
  recoveryWindowMs?: number;
  /** Pause between those looks (absent: 3 s). */
  recoveryPollMs?: number;
  /** The client's deadline (see HttpConfig), and its clock. */
  deadlineAt?: number | undefined;
  now?: (() => number) | undefined;
}

/** The window and poll of `RecoveryOptions`, as `CreateDeps` fields (absent ones left out). */
export function recoveryTiming(
  o: RecoveryOptions,
): Pick<CreateDeps, 'recoveryWindowMs' | 'pollMs' | 'deadlineAt' | 'now'> {
  return {
    ...(o.deadlineAt === undefined ? {} : { deadlineAt: o.deadlineAt, now: o.now }),
    ...(o.recoveryWindowMs === undefined ? {} : { recoveryWindowMs: o.recoveryWindowMs }),
    ...(o.recoveryPollMs === undefined ? {} : { pollMs: o.recoveryPollMs }),
  };
}
