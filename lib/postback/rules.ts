/**
 * The rule catalogue of the postback URL checker (docs: url-checker-rules.md, project issue 4).
 * Rule ids are a public interface (JSON output, UI, users' pipelines): never rename one; add a new id instead.
 */

/** How bad a finding is. `error` makes a URL invalid; `warning` is risky or lossy; `info` is advice only. */
export type Severity = 'error' | 'warning' | 'info';

/** The family of a rule: the part of its id before the dot. `clickid.missing` is suppressed by errors of some. */
export type RuleFamily =
  | 'input'
  | 'url'
  | 'host'
  | 'query'
  | 'param'
  | 'payout'
  | 'macro'
  | 'value'
  | 'clickid'
  | 'tracker'
  | 'everflow'
  | 'target';

/** What the catalogue knows about one rule. */
export interface RuleInfo {
  severity: Severity;
  /** A fatal rule stops evaluation; only `input.trimmed` may accompany it. */
  fatal: boolean;
}

const e = (fatal = false): RuleInfo => ({ severity: 'error', fatal });
const w: RuleInfo = { severity: 'warning', fatal: false };
const i: RuleInfo = { severity: 'info', fatal: false };

/**
 * Every rule, in catalogue order. The order is also the tie-break when two findings start at the same
 * position, so results are deterministic.
 */
export const RULES = {
  'input.empty': e(true),
  'input.trimmed': w,
  'input.html_markup': e(true),
  'input.multiple_urls': e(true),
  'url.scheme_missing': e(true),
  'url.scheme_unsupported': e(true),
  'url.invalid': e(true),
  'url.whitespace': e(),
  'url.invisible_chars': e(),
  'url.insecure_http': w,
  'url.fragment': w,
  'url.userinfo': w,
  'url.too_long': w,
  'url.non_ascii': w,
  'url.double_encoded': w,
  'url.unsafe_chars': w,
  'url.port_nonstandard': i,
  'url.secret_in_query': i,
  'host.local_or_private': e(),
  'host.invalid_label': e(),
  'host.ip_literal': w,
  'host.idn': w,
  'host.no_tld': w,
  'query.missing_question_mark': e(),
  'query.extra_question_mark': e(),
  'query.html_entity': w,
  'query.empty_segment': i,
  'param.duplicate': w,
  'param.empty_key': w,
  'payout.sale_amount_as_payout': w,
  'payout.static': i,
  'macro.unbalanced_braces': e(),
  'macro.empty': e(),
  'macro.foreign_syntax': e(),
  'macro.encoded_braces': e(),
  'macro.missing_braces': e(),
  'macro.case_mismatch': e(),
  'macro.slot_out_of_range': e(),
  'macro.foreign_platform': e(),
  'macro.typo': e(),
  'macro.unknown': w,
  'macro.wrong_context': w,
  // Not in the written catalogue: added for the pixel-type option (new id, per the catalogue's own rule).
  'macro.not_for_pixel_type': w,
  'macro.in_host': e(),
  'macro.in_fragment': e(),
  'macro.in_key': w,
  'macro.in_path': i,
  'value.template_placeholder': e(),
  'value.wrapped_macro': e(),
  'clickid.missing': e(),
  'clickid.empty': e(),
  'clickid.static': e(),
  'clickid.only_transaction_id': i,
  'tracker.required_param_missing': e(),
  'tracker.clickid_uses_transaction_id': e(),
  // Not in the written catalogue (issue 15.4): an event postback to a tracker that tells events apart by a
  // parameter, without it. A warning: the tracker still records a conversion, just not the event.
  'tracker.event_param_missing': w,
  'everflow.transaction_id_param_missing': e(),
  'target.post_only': w,
} as const satisfies Record<string, RuleInfo>;

/** A stable rule id such as `macro.typo`. */
export type RuleId = keyof typeof RULES;

/** All rule ids in catalogue order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

const ORDER = new Map<RuleId, number>(RULE_IDS.map((id, n) => [id, n]));

/** Position of a rule in the catalogue (used to order findings deterministically). */
export function ruleOrder(rule: RuleId): number {
  return ORDER.get(rule) ?? RULE_IDS.length;
}

/** The family of a rule id (`macro.typo` → `macro`). */
export function ruleFamily(rule: RuleId): RuleFamily {
  return rule.slice(0, rule.indexOf('.')) as RuleFamily;
}

/**
 * A one-click repair. Apply it with `applyFix(input, fix)`: the characters `input.slice(fix.start, fix.end)`
 * of the ORIGINAL input (the string given to the checker, untrimmed) are replaced by `fix.text`.
 * The span may differ from the finding's span: a fix for a rule that occurs several times repairs every
 * occurrence at once, and `input.trimmed` replaces the whole input.
 */
export interface Fix {
  start: number;
  end: number;
  text: string;
  /** A short label for the button, e.g. "Use {transaction_id}". */
  label: string;
}

/**
 * One problem found in a URL. `start`/`end` are UTF-16 offsets into the original input (`end` exclusive,
 * `start <= end <= input.length`) of the first occurrence; each rule is reported at most once per URL.
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Short, specific, and says what to do. */
  message: string;
  start: number;
  end: number;
  fix?: Fix;
}

/** Replace `fix.start..fix.end` of `input` with `fix.text`. */
export function applyFix(input: string, fix: Fix): string {
  return input.slice(0, fix.start) + fix.text + input.slice(fix.end);
}
