// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckResult, checkPostbackUrl } from '../../../lib/postback/check';
import { RULES, type RuleId, ruleFamily } from '../../../lib/postback/rules';
import { TRACKER_PRESETS } from '../../../lib/postback/trackers';
import cases from '../../fixtures/postback/cases.json';

const ALPHABET = [
  'a',
  'Z',
  '0',
  '9',
  '-',
  '_',
  '.',
  '/',
  '?',
  '&',
  '=',
  '#',
  '{',
  '}',
  '%',
  '7',
  'B',
  'D',
  '2',
  '5',
  '[',
  ']',
  '$',
  '!',
  '<',
  '>',
  '"',
  "'",
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\ufeff',
  'é',
  '“',
  '@',
  ':',
  '\\',
  '|',
  '^',
  '`',
  '+',
  '\ud800',
  '😀',
  'ü',
  'x',
  's',
  'u',
  'b',
  '1',
];
const SNIPPETS = [
  '{sub1}',
  '{transaction_id}',
  '{Sub1}',
  '{sub11}',
  '{clickid}',
  '{}',
  '#s2#',
  '%7B',
  '%7D',
  '%257B',
  '{{',
  '}}',
  'https://',
  'http://',
  '&amp;',
  '?',
  '&&',
  '@',
  ':8080',
  '[::1]',
  '127.0.0.1',
  '<img src="',
  'OPTIONAL',
  'nid=1',
  'cid=',
  '.voluumtrk.com',
  '/cf/cv',
  '/pb/',
  '%%X%%',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal macro syntax to fuzz with
  '${X}',
  '{!x!}',
  '[X]',
  '\u200b',
  ' ',
  '\n',
];
const BASES = [
  ...TRACKER_PRESETS.map((p) => p.template),
  ...cases.map((c) => c.url),
  'https://trk.example.com/pb?cid={sub1}&payout={payout_amount}',
];

const char = fc.constantFrom(...ALPHABET);
const randomString = fc.array(char, { maxLength: 80 }).map((cs) => cs.join(''));

type Mutation = {
  at: number;
  kind: 'insert' | 'delete' | 'replace' | 'duplicate';
  text: string;
  len: number;
};
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate'),
  text: fc.oneof(fc.constantFrom(...SNIPPETS), char),
  len: fc.integer({ min: 1, max: 12 }),
});

function mutate(base: string, mutations: Mutation[]): string {
  let s = base;
  for (const m of mutations) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.kind === 'replace') s = s.slice(0, at) + m.text + s.slice(at + m.text.length);
    else s = s.slice(0, at + m.len) + s.slice(at, at + m.len) + s.slice(at + m.len);
  }
  return s;
}
const mutated = fc
  .tuple(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([base, ms]) => mutate(base, ms));

const FATAL = new Set(
  Object.entries(RULES)
    .filter(([, info]) => info.fatal)
    .map(([id]) => id),
);

/** Why a result is not well-formed, or undefined. */
function problem(input: string, r: CheckResult): string | undefined {
  const within = (a: number, b: number) =>
    Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b <= input.length;
  const findings = [...r.errors, ...r.warnings, ...r.info];
  if (r.valid !== (r.errors.length === 0)) return 'valid disagrees with errors';
  const seen = new Set<string>();
  for (const [list, severity] of [
    [r.errors, 'error'],
    [r.warnings, 'warning'],
    [r.info, 'info'],
  ] as const) {
    for (const f of list) {
      if (!(f.rule in RULES)) return `unknown rule ${f.rule}`;
      if (f.severity !== severity || RULES[f.rule].severity !== severity)
        return `${f.rule} in the wrong list`;
      if (!within(f.start, f.end)) return `${f.rule} position ${f.start}..${f.end} outside the input`;
      if (typeof f.message !== 'string' || f.message.length === 0) return `${f.rule} has no message`;
      if (f.fix && (!within(f.fix.start, f.fix.end) || typeof f.fix.text !== 'string'))
        return `${f.rule} has a bad fix`;
      if (seen.has(f.rule)) return `${f.rule} reported twice`;
      seen.add(f.rule);
    }
  }
  const fatal = findings.filter((f) => FATAL.has(f.rule));
  if (fatal.length > 1) return 'more than one fatal rule';
  if (fatal.length === 1 && findings.some((f) => !FATAL.has(f.rule) && f.rule !== 'input.trimmed')) {
    return `${fatal[0]!.rule} accompanied by other rules`;
  }
  if (seen.has('input.empty') && findings.length !== 1) return 'input.empty not alone';
  if (fatal.length === 1 && r.tokens.length > 0) return 'tokens after a fatal rule';
  if (seen.has('clickid.missing')) {
    const suppressor = r.errors.find(
      (f) =>
        f.rule !== 'clickid.missing' && ['macro', 'value', 'clickid'].includes(ruleFamily(f.rule as RuleId)),
    );
    if (suppressor) return `clickid.missing beside ${suppressor.rule}`;
  }
  let last = -1;
  for (const t of r.tokens) {
    if (!within(t.start, t.end) || input.slice(t.start, t.end) !== t.text) return `token ${t.text} misplaced`;
    if (t.start < last) return 'tokens not sorted';
    last = t.start;
  }
  return undefined;
}

let runs = 0;

function property(input: string): boolean {
  runs++;
  const r = checkPostbackUrl(input);
  const bad = problem(input, r);
  if (bad) throw new Error(`${bad} for ${JSON.stringify(input)}`);
  if (JSON.stringify(checkPostbackUrl(input)) !== JSON.stringify(r))
    throw new Error(`not deterministic for ${JSON.stringify(input)}`);
  return true;
}

describe('fuzz: 100 000 random and mutated URLs', () => {
  it('never throws and always returns a well-formed, deterministic result', () => {
    fc.assert(fc.property(randomString, property), { numRuns: 30_000, seed: 4 });
    fc.assert(fc.property(mutated, property), { numRuns: 70_000, seed: 4 });
    expect(runs).toBe(100_000);
  }, 120_000);

  it('catches a malformed result (the checker of the checker works)', () => {
    const input = 'https://trk.example.com/pb?cid={clickid}';
    const r = checkPostbackUrl(input);
    expect(problem(input, r)).toBeUndefined();
    expect(problem(input, { ...r, errors: [...r.errors, ...r.errors] })).toMatch(/twice/);
    expect(problem(input, { ...r, valid: true })).toMatch(/valid/);
  });
});
