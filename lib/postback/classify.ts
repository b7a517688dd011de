import { getMacro, type MacroInfo, REGISTRY, registryMacro } from './macros';

/**
 * How a macro-like token was classified. For `{name}` tokens this is the ladder of the spec (first match
 * wins): exact → wrong_context → template_placeholder → case_mismatch → slot_out_of_range → foreign_platform
 * → typo → unknown. Other kinds come from the token's syntax or position.
 */
export type TokenKind =
  | 'exact'
  | 'wrong_context'
  | 'template_placeholder'
  | 'case_mismatch'
  | 'slot_out_of_range'
  | 'foreign_platform'
  | 'typo'
  | 'unknown'
  /** `{}` */
  | 'empty'
  /** Another platform's syntax: `#s2#`, `{{x}}`, `[x]`, `${x}`, `%%x%%`, `{!x!}`. */
  | 'foreign_syntax'
  /** `%7Bsub1%7D`: braces were URL-encoded. */
  | 'encoded'
  /** A bare value equal to a macro name (`tid=transaction_id`). */
  | 'missing_braces';

/** The outcome of the ladder for one name. */
export interface Classification {
  kind: TokenKind;
  /** The macro to use instead, with braces (`{sub1}`), when there is a confident one. */
  suggestion?: string;
  /** Who uses the foreign name (`TUNE`, `Impact`, `tracker`), for messages. */
  platform?: string;
  /** The catalogue entry when the name is in the catalogue. */
  macro?: MacroInfo;
}

const TEMPLATE_WORDS = new Set([
  'replace',
  'optional',
  'replace_me',
  'replace_or_remove',
  'change_me',
  'network_token',
  'payout_token',
]);

/** Whether a value or macro name is a template word left by a tracker (REPLACE, OPTIONAL, YOUR_…, …). */
export function isTemplateWord(word: string): boolean {
  const lower = word.toLowerCase();
  return TEMPLATE_WORDS.has(lower) || lower.startsWith('your_') || lower.startsWith('insert_');
}

// TUNE and tracker-side tokens are matched ignoring case ({CLICKID} is still Voluum's token). Impact's are
// PascalCase and matched exactly: lower-case {payout} and {amount} are the spec's ambiguous names (warnings).
const FOREIGN_ANY_CASE = new Map<string, string>([
  ['aff_sub', 'TUNE'],
  ['aff_sub2', 'TUNE'],
  ['aff_sub3', 'TUNE'],
  ['aff_sub4', 'TUNE'],
  ['aff_sub5', 'TUNE'],
  ['aff_click_id', 'TUNE'],
  ['clickid', 'tracker'],
  ['click_id', 'tracker'],
  ['cid', 'tracker'],
  ['subid', 'tracker'],
  ['externalid', 'tracker'],
  ['external_id', 'tracker'],
  ['hit', 'tracker'],
  ['cf_click_id', 'tracker'],
  ['mc_click_id', 'tracker'],
]);
const IMPACT = new Map<string, string | undefined>([
  ['SubId1', undefined],
  ['SubId2', undefined],
  ['SubId3', undefined],
  ['Payout', '{payout_amount}'],
  ['Amount', '{sale_amount}'],
  ['IntendedAmount', '{sale_amount}'],
  ['OID', '{order_id}'],
  ['ActionId', '{conversion_id}'],
  ['ActionStatus', undefined],
  ['SharedId', undefined],
  ['MediaPartnerId', undefined],
]);

const SLOT = /^(sub|adv)0*(\d+)$/i;

/** Lower-case and drop everything but letters and digits (`Transaction-ID` → `transactionid`). */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const NORMALISED = REGISTRY.map((m) => ({ key: normaliseName(m.name), macro: m }));

/** Levenshtein distance between a and b, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function nearest(name: string): MacroInfo | undefined {
  const key = normaliseName(name);
  if (key === '') return undefined;
  let best: MacroInfo | undefined;
  let bestDistance = 3;
  for (const entry of NORMALISED) {
    if (entry.key === key) return entry.macro;
    if (key.length < 5) continue;
    const d = editDistance(key, entry.key, 2);
    if (d < bestDistance) {
      bestDistance = d;
      best = entry.macro;
    }
  }
  return best;
}

function ladder(name: string): Classification {
  const exact = registryMacro(name);
  if (exact) return { kind: exact.role === 'restricted' ? 'wrong_context' : 'exact', macro: exact };
  const catalogued = getMacro(name);
  // Unverified catalogue entries ({revenue}, {idfa}, …) are "merely unrecognised": they skip the typo step,
  // which would otherwise turn a documented name into an error.
  if (catalogued) return { kind: 'unknown', macro: catalogued };
  if (isTemplateWord(name)) return { kind: 'template_placeholder' };
  const lower = name.toLowerCase();
  const folded = registryMacro(lower);
  if (folded) return { kind: 'case_mismatch', suggestion: folded.token, macro: folded };
  const slot = SLOT.exec(name);
  if (slot) {
    const n = Number(slot[2]);
    if (n < 1 || n > 10) return { kind: 'slot_out_of_range' };
  }
  const platform = FOREIGN_ANY_CASE.get(lower);
  if (platform) return { kind: 'foreign_platform', platform };
  if (IMPACT.has(name)) return { kind: 'foreign_platform', platform: 'Impact', suggestion: IMPACT.get(name) };
  const near = nearest(name);
  if (near) return { kind: 'typo', suggestion: near.token, macro: near };
  return { kind: 'unknown' };
}

// The same few names are classified on every keystroke; a small cache keeps the typo search off the hot path.
const cache = new Map<string, Classification>();

/** Classify the name inside a `{name}` token (without braces). An empty name is `empty`. */
export function classifyName(name: string): Classification {
  if (name === '') return { kind: 'empty' };
  let hit = cache.get(name);
  if (!hit) {
    hit = ladder(name);
    if (cache.size > 1000) cache.clear();
    cache.set(name, hit);
  }
  return hit;
}

/** Everflow's macro for the name inside another platform's syntax (`#s2#` → `{sub2}`), when confident. */
export function foreignEquivalent(name: string): string | undefined {
  const lower = name.toLowerCase();
  const exact = registryMacro(lower);
  if (exact && exact.role !== 'restricted') return exact.token;
  const cake = /^s(\d+)$/.exec(lower);
  if (cake && Number(cake[1]) >= 1 && Number(cake[1]) <= 10) return `{sub${Number(cake[1])}}`;
  if (lower === 'price' || lower === 'payout') return '{payout_amount}';
  return undefined;
}
