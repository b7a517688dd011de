/**
 * checkPostbackUrl: the postback URL checker (spec: url-checker-rules.md, project issue 4). Pure: no DOM,
 * no fetch, no Node APIs. Runs on every keystroke, so it works in a few linear passes over the input.
 */
import { checkChars, isInvisibleCode, isSpaceCode } from './check-chars';
import { checkClickId } from './check-clickid';
import { runFatal } from './check-fatal';
import { checkHost } from './check-host';
import { checkMacros } from './check-macros';
import { checkQuery } from './check-query';
import { checkValues } from './check-values';
import type { PixelType } from './macros';
import { Reporter } from './report';
import type { Finding } from './rules';
import type { Token } from './token';
import { eventParamMissing } from './tracker-events';
import { detectReceiver, type ReceiverId, type ReceiverMatch, receiverFromHint } from './trackers';

export type { TokenKind } from './classify';
export type { Finding, Fix, RuleId, Severity } from './rules';
export { applyFix } from './rules';
export type { TokenSyntax } from './scan';
export type { Token, TokenPart } from './token';

/** Options of checkPostbackUrl. */
export interface CheckOptions {
  /**
   * The postback's pixel type. When given, macros Everflow does not fill for that type (e.g. {event_name}
   * in a conversion postback, {sale_amount} in a CPC one) get a `macro.not_for_pixel_type` warning.
   */
  pixelType?: PixelType | 'post_conversion';
  /**
   * The receiver the URL belongs to, from a saved template or preset. Used when no host or path signature
   * matches (custom tracking domains), so the tracker rules still run. A matching signature wins.
   */
  tracker?: ReceiverId;
}

/** The outcome of a check. */
export interface CheckResult {
  /** True when there are no errors (warnings and info never make a URL invalid). */
  valid: boolean;
  errors: Finding[];
  warnings: Finding[];
  info: Finding[];
  /** Every macro-like token, by position, with its classification (empty after a fatal finding). */
  tokens: Token[];
  /** The receiver whose rules ran, if one was recognised or hinted. */
  receiver?: ReceiverMatch;
}

/** Trimmed at both ends: whitespace, line breaks and invisible characters (a leading BOM or zero-width space). */
function isTrimCode(c: number): boolean {
  return isSpaceCode(c) || isInvisibleCode(c);
}

function result(findings: Finding[], tokens: Token[], receiver?: ReceiverMatch): CheckResult {
  const out: CheckResult = { valid: true, errors: [], warnings: [], info: [], tokens };
  for (const f of findings) {
    if (f.severity === 'error') out.errors.push(f);
    else if (f.severity === 'warning') out.warnings.push(f);
    else out.info.push(f);
  }
  out.valid = out.errors.length === 0;
  if (receiver) out.receiver = receiver;
  return out;
}

/** `tracker.event_param_missing`: an event postback to a tracker that needs its event parameter, without it. */
function checkEventParam(
  s: string,
  t0: number,
  t1: number,
  r: Reporter,
  receiver: ReceiverMatch | undefined,
  pixelType: CheckOptions['pixelType'],
): void {
  if (!receiver) return;
  const url = s.slice(t0, t1);
  const w = eventParamMissing(url, { tracker: receiver.id, pixelType });
  if (!w) return;
  const at = t0 + w.at;
  const fix = w.fixed === undefined ? undefined : { start: t0, end: t1, text: w.fixed };
  r.add('tracker.event_param_missing', at, at, w.message, fix, `Add ${w.param}={event_name}`);
}

/**
 * Check a postback URL against the rule catalogue. Never throws. Positions in findings and tokens are
 * UTF-16 offsets into `input` as given (untrimmed). Each rule appears at most once.
 */
export function checkPostbackUrl(input: string, options: CheckOptions = {}): CheckResult {
  const s = String(input);
  const r = new Reporter(s);
  let t0 = 0;
  let t1 = s.length;
  while (t0 < t1 && isTrimCode(s.charCodeAt(t0))) t0++;
  while (t1 > t0 && isTrimCode(s.charCodeAt(t1 - 1))) t1--;
  if (t0 === t1) {
    r.add('input.empty', 0, s.length, 'Paste a postback URL.');
    return result(r.findings(), []);
  }
  if (t0 > 0 || t1 < s.length) {
    r.add(
      'input.trimmed',
      t0 > 0 ? 0 : t1,
      t0 > 0 ? t0 : s.length,
      'Spaces, line breaks or invisible characters around the URL were ignored; remove them.',
      { start: 0, end: s.length, text: s.slice(t0, t1) },
      'Trim',
    );
  }
  const parts = runFatal(s, t0, t1, r);
  if (!parts) return result(r.findings(), []);

  checkChars(s, t0, parts, r);
  checkHost(s, t0, parts, r);
  checkQuery(s, parts, r);

  const host = s.slice(parts.hostStart, parts.hostEnd).toLowerCase().replace(/\.$/, '');
  const path = s.slice(parts.pathStart, parts.pathEnd);
  const keys = new Set(parts.params.map((p) => p.name));
  const found = detectReceiver(host, path, keys);
  let receiver: ReceiverMatch | undefined;
  if (found) receiver = { ...found, via: 'signature' };
  else if (options.tracker) receiver = { ...receiverFromHint(options.tracker, path), via: 'hint' };

  const tokens = checkMacros(s, parts, r, options.pixelType, receiver?.clickKey);

  checkValues(s, parts, r, receiver?.clickKey, tokens);
  tokens.sort((a, b) => a.start - b.start);
  checkClickId(parts, r, receiver, tokens);
  checkEventParam(s, t0, t1, r, receiver, options.pixelType);
  return result(r.findings(), tokens, receiver);
}
