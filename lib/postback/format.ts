/** Text and JSON renderings of a check result, shared by the CLI and anything else that prints reports. */
import type { CheckResult } from './check';
import type { Finding } from './rules';

/** A finding as printed by the CLI's JSON modes (no fix, no tokens: a stable, small shape). */
export interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  start: number;
  end: number;
}

/** One URL's JSON report: `{"input","valid","errors","warnings","info"}`. */
export interface JsonReport {
  input: string;
  valid: boolean;
  errors: JsonFinding[];
  warnings: JsonFinding[];
  info: JsonFinding[];
}

const slim = (f: Finding): JsonFinding => ({
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  start: f.start,
  end: f.end,
});

/** The JSON report of one URL. */
export function toJsonReport(input: string, result: CheckResult): JsonReport {
  return {
    input,
    valid: result.valid,
    errors: result.errors.map(slim),
    warnings: result.warnings.map(slim),
    info: result.info.map(slim),
  };
}

/** Visible stand-ins for characters a terminal would not show in place (one column each). */
function visible(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 10) return '⏎';
  if (c === 13) return '␍';
  if (c === 9) return '⇥';
  if (c < 32 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)) {
    return '·';
  }
  if (c === 0x2060 || c === 0xfeff || c === 0xad || (c >= 0x2066 && c <= 0x2069) || c === 0xa0) return '·';
  return ch;
}

/** Display text of the input and the display column of each UTF-16 offset (surrogate pairs take one column). */
function layout(input: string): { text: string; col: number[] } {
  let text = '';
  const col: number[] = [];
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    col.push(n);
    if (
      c >= 0xdc00 &&
      c <= 0xdfff &&
      i > 0 &&
      input.charCodeAt(i - 1) >= 0xd800 &&
      input.charCodeAt(i - 1) <= 0xdbff
    ) {
      text += input[i];
      continue;
    }
    text += visible(input[i]!);
    n++;
  }
  col.push(n);
  return { text, col };
}

const WIDTH = 100;

/** Two lines: the input (a window of it when long) and carets under start..end. */
function caretLines(input: string, f: Finding): string[] {
  const { text, col } = layout(input);
  const chars = Array.from(text);
  const a = col[f.start] ?? 0;
  const b = Math.max(a + 1, col[f.end] ?? a + 1);
  let from = 0;
  if (chars.length > WIDTH) from = Math.max(0, Math.min(a - 30, chars.length - WIDTH));
  const to = Math.min(chars.length, from + WIDTH);
  const lead = from > 0 ? '…' : '';
  const shown = lead + chars.slice(from, to).join('') + (to < chars.length ? '…' : '');
  const pad = ' '.repeat(a - from + lead.length);
  const carets = '^'.repeat(Math.max(1, Math.min(b, to + 1) - a));
  return [`    ${shown}`, `    ${pad}${carets}`];
}

/** The human report of one URL: a verdict line, then each finding with a caret under its position. */
export function formatText(input: string, result: CheckResult): string {
  const lines: string[] = [];
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${result.valid ? '✓ valid' : '✗ invalid'}: ${JSON.stringify(input)}`);
  for (const f of [...result.errors, ...result.warnings, ...result.info]) {
    lines.push(`  ${f.severity.padEnd(7)} ${f.rule}  ${f.message}`);
    lines.push(...caretLines(input, f));
    if (f.fix) lines.push(`    fix: ${f.fix.label}`);
  }
  lines.push(
    `  ${count(result.errors.length, 'error')}, ${count(result.warnings.length, 'warning')}, ${result.info.length} info${result.receiver ? `; receiver: ${result.receiver.name}` : ''}`,
  );
  return lines.join('\n');
}
