// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkPostbackUrl } from '../../../lib/postback/check';
import { formatText, toJsonReport } from '../../../lib/postback/format';

/** Column of the first caret under each finding (lines after a finding line). */
function carets(text: string): { shown: string; col: number }[] {
  const lines = text.split('\n');
  const out: { shown: string; col: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\s+\^+$/.test(lines[i]!)) out.push({ shown: lines[i - 1]!, col: lines[i]!.indexOf('^') });
  }
  return out;
}

describe('formatText', () => {
  it('puts a caret under each finding', () => {
    const input = 'http://trk.example.com/pb?cid={transactionid}';
    const text = formatText(input, checkPostbackUrl(input));
    expect(text.split('\n')[0]).toBe(`✗ invalid: ${JSON.stringify(input)}`);
    const [typo, http] = carets(text);
    expect(typo!.shown.slice(typo!.col, typo!.col + 15)).toBe('{transactionid}');
    expect(http!.shown.slice(http!.col, http!.col + 4)).toBe('http');
    expect(text).toContain('fix: Use {transaction_id}');
    expect(text).toMatch(/1 error, 1 warning, 0 info$/);
  });

  it('shows line breaks and invisible characters as one visible column each', () => {
    const input = 'https://trk.example.com/pb?cid={sub1}\u200B&x=a\nb';
    const text = formatText(input, checkPostbackUrl(input));
    const marks = carets(text);
    expect(marks.map((m) => m.shown[m.col])).toEqual(['·', '⏎']);
  });

  it('shows a window of a long URL around the finding', () => {
    const input = `https://trk.example.com/pb?cid={sub1}&pad=${'a'.repeat(300)}&t={transactionid}`;
    const [mark] = carets(formatText(input, checkPostbackUrl(input)));
    expect(mark!.shown.length).toBeLessThan(120);
    expect(mark!.shown.slice(mark!.col, mark!.col + 15)).toBe('{transactionid}');
  });
});

describe('toJsonReport', () => {
  it('has exactly the documented keys', () => {
    const input = 'https://trk.example.com/pb?cid={Sub1}';
    const report = toJsonReport(input, checkPostbackUrl(input));
    expect(Object.keys(report)).toEqual(['input', 'valid', 'errors', 'warnings', 'info']);
    expect(report.errors).toEqual([
      { rule: 'macro.case_mismatch', severity: 'error', message: expect.any(String), start: 31, end: 37 },
    ]);
  });
});
