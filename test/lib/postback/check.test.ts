// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyFix, type CheckOptions, checkPostbackUrl, type Finding } from '../../../lib/postback/check';
import { classifyName } from '../../../lib/postback/classify';
import { RULES, type RuleId } from '../../../lib/postback/rules';

const all = (input: string, options?: CheckOptions): Finding[] => {
  const r = checkPostbackUrl(input, options);
  return [...r.errors, ...r.warnings, ...r.info];
};
const ids = (input: string, options?: CheckOptions) => all(input, options).map((f) => f.rule);
const find = (input: string, rule: RuleId, options?: CheckOptions) =>
  all(input, options).find((f) => f.rule === rule);

describe('classification ladder (first match wins)', () => {
  it.each([
    ['sub1', 'exact'],
    ['adv_event_id', 'wrong_context'], // registry, restricted: before everything else
    ['OPTIONAL', 'template_placeholder'],
    ['Unique_Click', 'case_mismatch'], // a restricted name in the wrong case is a case problem first
    ['Transaction_Id', 'case_mismatch'], // would also normalise to a registry name (typo): case wins
    ['SUB11', 'slot_out_of_range'], // within edit distance 1 of sub1 (typo): the slot rule wins
    ['sub0', 'slot_out_of_range'],
    ['subid', 'foreign_platform'], // within edit distance 2 of sub1 (typo): foreign wins
    ['AFF_SUB', 'foreign_platform'],
    ['sub01', 'typo'], // a slot in range, written oddly
    ['transactionid', 'typo'],
    ['revenue', 'unknown'], // in the catalogue but unverified: never a typo
    ['payout', 'unknown'],
    ['', 'empty'],
  ])('{%s} is %s', (name, kind) => {
    expect(classifyName(name).kind).toBe(kind);
  });

  it('suggests the nearest registry macro for a typo', () => {
    expect(classifyName('trasaction_id').suggestion).toBe('{transaction_id}');
    expect(classifyName('sub_3').suggestion).toBe('{sub3}');
    expect(classifyName('payoutamount').suggestion).toBe('{payout_amount}');
  });

  it('reports the rule of the first matching step only', () => {
    const rules = ids('https://trk.example.com/pb?cid={SUB11}');
    expect(rules).toContain('macro.slot_out_of_range');
    expect(rules).not.toContain('macro.case_mismatch');
    expect(rules).not.toContain('macro.typo');
  });
});

describe('fatal rules', () => {
  it.each([
    ['<img src="https://a.example.com/p">', 'input.html_markup'],
    ['https://a.example.com/p https://b.example.com/p', 'input.multiple_urls'],
    ['a.example.com/p?cid={sub1}', 'url.scheme_missing'],
    ['javascript:alert({sub1})', 'url.scheme_unsupported'],
    ['https:/a.example.com/p?cid={Sub1}&x=OPTIONAL', 'url.invalid'],
  ])('%j stops at %s', (input, rule) => {
    const r = checkPostbackUrl(input);
    expect(all(input).map((f) => f.rule)).toEqual([rule]);
    expect(r.valid).toBe(false);
    expect(r.tokens).toEqual([]);
  });

  it('lets only input.trimmed accompany a fatal rule', () => {
    expect(ids('  ftp://a.example.com/x?cid={Sub1} \n')).toEqual(['url.scheme_unsupported', 'input.trimmed']);
  });

  it('reports input.empty alone, even with surrounding whitespace', () => {
    expect(ids(' \n\t ')).toEqual(['input.empty']);
  });

  it('follows the spec order between fatal rules', () => {
    // HTML markup comes before several URLs, several URLs before a bad scheme.
    expect(ids('<a href="https://a.example.com"> https://b.example.com')).toEqual(['input.html_markup']);
    expect(ids('ftp://a.example.com https://b.example.com')).toEqual(['input.multiple_urls']);
    expect(ids('htps://a.example.com:99999/')).toEqual(['url.scheme_unsupported']);
  });
});

describe('each rule at most once', () => {
  const input = 'https://trk.example.com/pb?cid={sub_1}&t={transactionid}&p={payoutamount}';

  it('reports one finding per rule, at the first occurrence, counting the rest', () => {
    const typos = all(input).filter((f) => f.rule === 'macro.typo');
    expect(typos).toHaveLength(1);
    expect(input.slice(typos[0]!.start, typos[0]!.end)).toBe('{sub_1}');
    expect(typos[0]!.message).toContain('2 more');
  });

  it('has a fix that repairs every occurrence', () => {
    const typo = find(input, 'macro.typo')!;
    const fixed = applyFix(input, typo.fix!);
    expect(fixed).toBe('https://trk.example.com/pb?cid={sub1}&t={transaction_id}&p={payout_amount}');
    expect(checkPostbackUrl(fixed).valid).toBe(true);
  });

  it('offers no fix when one occurrence cannot be repaired', () => {
    // {transactionid} has a suggestion; {sub11} (slot out of range) does not, but it is another rule.
    const dup = find('https://trk.example.com/pb?cid={sub1}&x=1&x=2&y=1&y=1', 'param.duplicate')!;
    expect(dup.fix).toBeUndefined();
  });
});

describe('clickid.missing suppression', () => {
  it('fires when nothing carries a click id', () => {
    expect(ids('https://trk.example.com/pb?payout={payout_amount}')).toContain('clickid.missing');
  });

  it.each([
    ['https://trk.example.com/pb?cid={clickid}', 'macro.foreign_platform'],
    ['https://trk.example.com/pb?cid=transaction_id', 'macro.missing_braces'],
    ['https://trk.example.com/pb?cid=REPLACE', 'value.template_placeholder'],
    ['https://trk.example.com/pb?cid=', 'clickid.empty'],
    ['https://trk.example.com/pb?cid=%7Bsub1%7D', 'macro.encoded_braces'],
    ['https://trk.example.com/pb?x=1#cid={sub1}', 'macro.in_fragment'],
    ['https://trk.example.com/pb?cid={sub1', 'macro.unbalanced_braces'],
  ])('is suppressed for %j by %s', (input, rule) => {
    const rules = ids(input);
    expect(rules).toContain(rule);
    expect(rules).not.toContain('clickid.missing');
  });

  it.each([
    ['https://trk.example.com/pb?x={foo}', 'macro.unknown'], // a warning of the macro family
    ['https://localhost/pb?x=1', 'host.local_or_private'], // an error of another family
    ['https://trk.example.com/pb?x=1?y=2', 'query.extra_question_mark'],
  ])('is not suppressed for %j by %s', (input, rule) => {
    const rules = ids(input);
    expect(rules).toContain(rule);
    expect(rules).toContain('clickid.missing');
  });
});

describe('messages', () => {
  it('name the macro and say what to do', () => {
    expect(find('https://trk.example.com/pb?cid={sub1}&r={revenue}', 'macro.unknown')!.message).toBe(
      '{revenue} appears in Everflow material but is not confirmed for partner postbacks; it may be sent literally. Did you mean {payout_amount}?',
    );
    expect(find('https://trk.example.com/pb?cid={sub1}&r={foo}', 'macro.unknown')!.message).toBe(
      'Everflow does not list {foo}; it may be sent literally.',
    );
    expect(
      find('https://abcde.voluumtrk.com/postback?clickid={sub1}', 'tracker.required_param_missing')!.message,
    ).toBe('Voluum expects cid=…; you sent clickid=…. Rename it.');
  });
});

describe('options', () => {
  it('runs tracker rules on a custom domain when the tracker is hinted', () => {
    const url = 'https://trk.mydomain.com/postback?clickid={sub1}';
    expect(checkPostbackUrl(url).valid).toBe(true);
    const hinted = checkPostbackUrl(url, { tracker: 'voluum' });
    expect(hinted.receiver).toMatchObject({ id: 'voluum', via: 'hint' });
    expect(hinted.errors.map((f) => f.rule)).toEqual(['tracker.required_param_missing']);
    expect(applyFix(url, hinted.errors[0]!.fix!)).toBe('https://trk.mydomain.com/postback?cid={sub1}');
  });

  it('prefers a matching signature over the hint', () => {
    const r = checkPostbackUrl('https://x.rdtk.io/postback?clickid={sub1}', { tracker: 'voluum' });
    expect(r.receiver).toMatchObject({ id: 'redtrack', via: 'signature' });
    expect(r.valid).toBe(true);
  });

  it('warns when an event postback lacks the tracker event parameter, with a fix (issue 15.4)', () => {
    const url = 'https://trk.mydomain.com/postback?cid={sub1}';
    expect(ids(url, { tracker: 'voluum', pixelType: 'conversion' })).not.toContain(
      'tracker.event_param_missing',
    );
    expect(ids(url, { pixelType: 'event' })).not.toContain('tracker.event_param_missing');
    const f = find(url, 'tracker.event_param_missing', { tracker: 'voluum', pixelType: 'event' })!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('et=');
    expect(applyFix(url, f.fix!)).toBe(`${url}&et={event_name}`);
    const padded = ` ${url}`;
    const g = find(padded, 'tracker.event_param_missing', {
      tracker: 'voluum',
      pixelType: 'post_conversion',
    })!;
    expect(applyFix(padded, g.fix!)).toBe(` ${url}&et={event_name}`);
    expect(g.start).toBe(padded.length);
  });

  it('warns about macros not filled for the pixel type, and only then', () => {
    const url = 'https://trk.example.com/pb?cid={sub1}&e={event_name}&amount={sale_amount}';
    expect(ids(url)).not.toContain('macro.not_for_pixel_type');
    expect(ids(url, { pixelType: 'event' })).not.toContain('macro.not_for_pixel_type');
    expect(ids(url, { pixelType: 'post_conversion' })).not.toContain('macro.not_for_pixel_type');
    const conversion = find(url, 'macro.not_for_pixel_type', { pixelType: 'conversion' })!;
    expect(url.slice(conversion.start, conversion.end)).toBe('{event_name}');
    expect(find(url, 'macro.not_for_pixel_type', { pixelType: 'cpc' })!.message).toContain('1 more');
  });
});

describe('results', () => {
  it('sorts findings by position and splits them by severity', () => {
    const r = checkPostbackUrl('http://trk.example.com/pb?cid={Sub1}&payout=2&x={foo}');
    expect(r.errors.map((f) => f.rule)).toEqual(['macro.case_mismatch']);
    expect(r.warnings.map((f) => f.rule)).toEqual(['url.insecure_http', 'macro.unknown']);
    expect(r.info.map((f) => f.rule)).toEqual(['payout.static']);
    for (const f of [...r.errors, ...r.warnings, ...r.info]) expect(f.severity).toBe(RULES[f.rule].severity);
  });

  it('lists tokens with positions, parts and classifications', () => {
    const input = 'https://{x}.example.com/{sub2}/pb?{sub3}=1&cid={Sub1}&t=transaction_id#{sub4}';
    const { tokens } = checkPostbackUrl(input);
    expect(tokens.map((t) => [t.text, t.part, t.kind])).toEqual([
      ['{x}', 'host', 'unknown'],
      ['{sub2}', 'path', 'exact'],
      ['{sub3}', 'key', 'exact'],
      ['{Sub1}', 'value', 'case_mismatch'],
      ['transaction_id', 'value', 'missing_braces'],
      ['{sub4}', 'fragment', 'exact'],
    ]);
    for (const t of tokens) expect(input.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[3]).toMatchObject({ rule: 'macro.case_mismatch', suggestion: '{sub1}' });
  });

  it('gives positions in the untrimmed input', () => {
    const input = '\n  https://trk.example.com/pb?cid={transactionid}';
    const typo = find(input, 'macro.typo')!;
    expect(input.slice(typo.start, typo.end)).toBe('{transactionid}');
    const trimmed = find(input, 'input.trimmed')!;
    expect([trimmed.start, trimmed.end]).toEqual([0, 3]);
    expect(applyFix(input, trimmed.fix!)).toBe(input.trim());
  });

  it('is deterministic', () => {
    const input = 'http://tracker/pb?cid={clickid}&amp;payout=OPTIONAL&x=a b#{sub1}';
    expect(checkPostbackUrl(input)).toEqual(checkPostbackUrl(input));
  });
});

describe('one-click fixes', () => {
  it.each([
    [
      'https://trk.example.com/pb?cid={transactionid}',
      'macro.typo',
      'https://trk.example.com/pb?cid={transaction_id}',
    ],
    [
      'https://trk.example.com/pb?cid={sub1}&amp;t=1',
      'query.html_entity',
      'https://trk.example.com/pb?cid={sub1}&t=1',
    ],
    [
      'https://trk.example.com/pb?tid=transaction_id',
      'macro.missing_braces',
      'https://trk.example.com/pb?tid={transaction_id}',
    ],
    [
      'https://trk.example.com/pb&cid={sub1}',
      'query.missing_question_mark',
      'https://trk.example.com/pb?cid={sub1}',
    ],
    [
      'https://trk.example.com/pb/cid={sub1}&a=1',
      'query.missing_question_mark',
      'https://trk.example.com/pb/?cid={sub1}&a=1',
    ],
    [
      'https://trk.example.com/pb?cid={sub1}?a=1',
      'query.extra_question_mark',
      'https://trk.example.com/pb?cid={sub1}&a=1',
    ],
    [
      'https://trk.example.com/pb?cid="{sub1}"',
      'value.wrapped_macro',
      'https://trk.example.com/pb?cid={sub1}',
    ],
    [
      'https://trk.example.com/pb?cid=%7Bsub1%7D',
      'macro.encoded_braces',
      'https://trk.example.com/pb?cid={sub1}',
    ],
    ['https://trk.example.com/pb?cid=#s2#', 'macro.foreign_syntax', 'https://trk.example.com/pb?cid={sub2}'],
    [
      'https://trk.example.com/pb?cid={sub1}&payout=OPTIONAL&txid=OPTIONAL',
      'value.template_placeholder',
      'https://trk.example.com/pb?cid={sub1}',
    ],
    [
      'https://trk.example.com/pb?payout=OPTIONAL&cid={sub1}',
      'value.template_placeholder',
      'https://trk.example.com/pb?cid={sub1}',
    ],
    [
      'https://trk.example.com/pb?cid=REPLACE',
      'value.template_placeholder',
      'https://trk.example.com/pb?cid={sub1}',
    ],
    [
      'https://abcde.rdtk.io/postback?clickid={replace_me}&sum={replace_or_remove}',
      'value.template_placeholder',
      'https://abcde.rdtk.io/postback?clickid={sub1}',
    ],
    [
      'https://mc.example.com/conv?clid={sub1}&txid={OPTIONAL}&payout=OPTIONAL',
      'value.template_placeholder',
      'https://mc.example.com/conv?clid={sub1}',
    ],
    [
      'https://trk.example.com/pb?cid={sub1}&&x=1&',
      'query.empty_segment',
      'https://trk.example.com/pb?cid={sub1}&x=1',
    ],
    ['http//trk.example.com/pb?cid={sub1}', 'url.scheme_missing', 'http://trk.example.com/pb?cid={sub1}'],
    ['trk.example.com/pb?cid={sub1}', 'url.scheme_missing', 'https://trk.example.com/pb?cid={sub1}'],
    [
      'htps://trk.example.com/pb?cid={sub1}',
      'url.scheme_unsupported',
      'https://trk.example.com/pb?cid={sub1}',
    ],
    ['https:/trk.example.com/pb?cid={sub1}', 'url.invalid', 'https://trk.example.com/pb?cid={sub1}'],
    [
      '<img src="https://t.example.com/p?a=1&amp;cid={sub1}">',
      'input.html_markup',
      'https://t.example.com/p?a=1&cid={sub1}',
    ],
    [
      'https://t.example.com/p?cid={sub1} https://t.example.com/q',
      'input.multiple_urls',
      'https://t.example.com/p?cid={sub1}',
    ],
    [
      'https://trk.example.com/pb?cid={sub1}&x=a b',
      'url.whitespace',
      'https://trk.example.com/pb?cid={sub1}&x=a%20b',
    ],
    [
      'https://trk.example.com/pb?cid={sub1}&\nx=1',
      'url.whitespace',
      'https://trk.example.com/pb?cid={sub1}&x=1',
    ],
    [
      'https://trk.example.com/pb?cid={sub1}\u200B&x=1',
      'url.invisible_chars',
      'https://trk.example.com/pb?cid={sub1}&x=1',
    ],
    ['https://münchen.example/pb?cid={sub1}', 'host.idn', 'https://xn--mnchen-3ya.example/pb?cid={sub1}'],
    [
      'https://abc.voluumtrk.com/postback?cid={transaction_id}',
      'tracker.clickid_uses_transaction_id',
      'https://abc.voluumtrk.com/postback?cid={sub1}',
    ],
    [
      'https://trk.example.com/pb?cid={sub1}&payout={sale_amount}',
      'payout.sale_amount_as_payout',
      'https://trk.example.com/pb?cid={sub1}&payout={payout_amount}',
    ],
    ['https://trk.example.com/pb?cid=', 'clickid.empty', 'https://trk.example.com/pb?cid={sub1}'],
  ])('%j: %s → %j', (input, rule, expected) => {
    const finding = find(input, rule as RuleId);
    expect(finding?.fix).toBeDefined();
    const fixed = applyFix(input, finding!.fix!);
    expect(fixed).toBe(expected);
    expect(ids(fixed)).not.toContain(rule);
  });
});
