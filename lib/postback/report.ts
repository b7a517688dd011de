import { type Finding, type Fix, RULES, type RuleFamily, type RuleId, ruleFamily, ruleOrder } from './rules';

/** A replacement of `input.slice(start, end)` by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Entry {
  rule: RuleId;
  start: number;
  end: number;
  message: string;
  label: string;
  count: number;
  edits: Edit[];
  /** False once an occurrence without a fix was seen: a one-click fix must repair every occurrence. */
  fixable: boolean;
}

/**
 * Collects findings so that each rule is reported at most once: the first occurrence gives the position
 * and message, later ones only add to a count and to the combined fix.
 */
export class Reporter {
  private readonly entries = new Map<RuleId, Entry>();

  constructor(private readonly input: string) {}

  /** Record one occurrence of `rule`. `edit` repairs this occurrence; `label` names the fix. */
  add(rule: RuleId, start: number, end: number, message: string, edit?: Edit, label = 'Fix'): void {
    const entry = this.entries.get(rule);
    if (entry) {
      entry.count++;
      if (edit && entry.fixable) entry.edits.push(edit);
      else entry.fixable = false;
      return;
    }
    this.entries.set(rule, {
      rule,
      start,
      end,
      message,
      label,
      count: 1,
      edits: edit ? [edit] : [],
      fixable: edit !== undefined,
    });
  }

  /** Whether `rule` was reported. */
  has(rule: RuleId): boolean {
    return this.entries.has(rule);
  }

  /** Whether any error of these families was reported. */
  hasErrorIn(families: readonly RuleFamily[]): boolean {
    for (const rule of this.entries.keys()) {
      if (RULES[rule].severity === 'error' && families.includes(ruleFamily(rule))) return true;
    }
    return false;
  }

  /** The findings, ordered by position and then by catalogue order. */
  findings(): Finding[] {
    const out: Finding[] = [];
    for (const entry of this.entries.values()) {
      const more = entry.count > 1 ? ` (${entry.count - 1} more in this URL)` : '';
      const finding: Finding = {
        rule: entry.rule,
        severity: RULES[entry.rule].severity,
        message: entry.message + more,
        start: entry.start,
        end: entry.end,
      };
      const fix = entry.fixable ? combine(this.input, entry.edits, entry.label) : undefined;
      if (fix) finding.fix = fix;
      out.push(finding);
    }
    return out.sort((a, b) => a.start - b.start || ruleOrder(a.rule) - ruleOrder(b.rule));
  }
}

/**
 * Merge edits into one Fix spanning the first to the last edit. Overlapping deletions are joined (two
 * neighbouring parameters removed with their separators); any other overlap drops the later edit.
 */
export function combine(input: string, edits: readonly Edit[], label: string): Fix | undefined {
  if (edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Edit[] = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last && edit.start < last.end) {
      if (last.text === '' && edit.text === '') last.end = Math.max(last.end, edit.end);
      continue;
    }
    merged.push({ ...edit });
  }
  const first = merged[0]!;
  const lastEdit = merged[merged.length - 1]!;
  let text = '';
  let at = first.start;
  for (const edit of merged) {
    text += input.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { start: first.start, end: lastEdit.end, text, label };
}
