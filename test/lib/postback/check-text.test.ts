import { describe, expect, it } from 'vitest';
import { checkMacroText } from '../../../lib/postback/check-text';

describe('checkMacroText', () => {
  it('passes plain text and correct macros', () => {
    expect(checkMacroText('Purchase').findings).toEqual([]);
    expect(checkMacroText('{sub2}').findings).toEqual([]);
    expect(checkMacroText('{payout_amount} USD').tokens.map((t) => t.name)).toEqual(['payout_amount']);
  });

  it('catches a misspelt macro with its position and a fix', () => {
    const [f] = checkMacroText('id-{transactionid}').findings;
    expect(f).toMatchObject({ rule: 'macro.typo', start: 3, end: 18 });
    expect(f?.fix).toMatchObject({ start: 3, end: 18, text: '{transaction_id}' });
  });

  it.each([
    ['{Sub1}', 'macro.case_mismatch'],
    ['#s2#', 'macro.foreign_syntax'],
    ['{sub1', 'macro.unbalanced_braces'],
    ['{sub11}', 'macro.slot_out_of_range'],
  ])('%s → %s', (text, rule) => expect(checkMacroText(text).findings.map((f) => f.rule)).toContain(rule));

  it('warns about macros Everflow leaves empty for the pixel type', () => {
    expect(checkMacroText('{event_name}', { pixelType: 'conversion' }).findings[0]?.rule).toBe(
      'macro.not_for_pixel_type',
    );
  });
});
