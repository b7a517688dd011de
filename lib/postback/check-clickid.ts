import { CLICK_KEYS } from './check-values';
import { registryMacro } from './macros';
import type { Param, UrlParts } from './parse';
import type { Reporter } from './report';
import type { Token } from './token';
import type { ReceiverMatch } from './trackers';

function span(parts: UrlParts): [number, number] {
  return parts.queryStart !== -1 ? [parts.queryStart, parts.queryEnd] : [parts.pathStart, parts.pathEnd];
}

function hasTokenIn(tokens: readonly Token[], from: number, to: number): boolean {
  for (const t of tokens) if (t.start >= from && t.start < to) return true;
  return false;
}

function receiverRules(parts: UrlParts, r: Reporter, rx: ReceiverMatch, tokens: readonly Token[]): void {
  const byName = new Map<string, Param>();
  for (const p of parts.params) if (!byName.has(p.name)) byName.set(p.name, p);
  const missing = rx.id === 'everflow' ? [] : rx.required.filter((key) => !byName.has(key));
  const [start, end] = span(parts);
  if (missing.length > 0) {
    const clickMissing = missing[0] === rx.clickKey;
    const other = clickMissing
      ? parts.params.find((p) => CLICK_KEYS.has(p.name.toLowerCase()) && p.name !== rx.clickKey)
      : undefined;
    const wanted = missing.map((k) => `${k}=…`).join(' and ');
    r.add(
      'tracker.required_param_missing',
      other ? other.start : start,
      other ? other.keyEnd : end,
      other
        ? `${rx.name} expects ${wanted}; you sent ${other.name}=…. Rename it.`
        : `${rx.name} expects ${wanted}; add ${clickMissing ? `${rx.clickKey}={sub1} (the sub slot holding its click id)` : 'it'}.`,
      other && missing.length === 1
        ? { start: other.start, end: other.keyEnd, text: rx.clickKey }
        : undefined,
      `Rename to ${rx.clickKey}`,
    );
  }
  if (rx.id === 'everflow' && !byName.has('transaction_id')) {
    r.add(
      'everflow.transaction_id_param_missing',
      start,
      end,
      'This postback goes to an Everflow network (nid=), which needs transaction_id= with their id, e.g. transaction_id={sub1}.',
    );
  }
  const click = byName.get(rx.clickKey);
  if (!click || click.value === null || click.value === '') return;
  const at = click.value.indexOf('{transaction_id}');
  if (at !== -1) {
    const from = click.valueStart + at;
    r.add(
      'tracker.clickid_uses_transaction_id',
      from,
      from + 16,
      `${rx.name} cannot match your Everflow transaction id; send the sub slot holding its click id, e.g. ${rx.clickKey}={sub1}.`,
      { start: from, end: from + 16, text: '{sub1}' },
      'Use {sub1}',
    );
  } else if (!hasTokenIn(tokens, click.valueStart, click.end)) {
    r.add(
      'clickid.static',
      click.valueStart,
      click.end,
      `${rx.clickKey}=${click.value} is fixed, so every conversion is credited to one click; use the sub slot holding the click id, e.g. {sub1}.`,
      { start: click.valueStart, end: click.end, text: '{sub1}' },
      'Use {sub1}',
    );
  }
}

/**
 * Click id and receiver rules. Run last: `clickid.missing` is suppressed by any error of the macro.*,
 * value.* or clickid.* families, since those already explain what is wrong with the click id.
 */
export function checkClickId(
  parts: UrlParts,
  r: Reporter,
  rx: ReceiverMatch | undefined,
  tokens: readonly Token[],
): void {
  for (const p of parts.params) {
    if (p.value !== null && p.value !== '') continue;
    const lower = p.name.toLowerCase();
    if (!CLICK_KEYS.has(lower) && p.name !== rx?.clickKey) continue;
    r.add(
      'clickid.empty',
      p.start,
      p.end,
      `The click id parameter ${p.name} is empty; put the sub slot holding the click id in it, e.g. ${p.name}={sub1}.`,
      p.value === null
        ? { start: p.keyEnd, end: p.keyEnd, text: '={sub1}' }
        : { start: p.valueStart, end: p.valueStart, text: '{sub1}' },
      'Use {sub1}',
    );
  }
  if (rx) receiverRules(parts, r, rx, tokens);
  const carriers = new Set<string>();
  for (const t of tokens) {
    if (
      t.kind === 'exact' &&
      t.syntax === 'braces' &&
      (t.part === 'path' || t.part === 'key' || t.part === 'value')
    ) {
      if (registryMacro(t.name)?.role === 'click') carriers.add(t.name);
    }
  }
  if (carriers.size === 1 && carriers.has('transaction_id') && !rx) {
    const t = tokens.find((x) => x.kind === 'exact' && x.name === 'transaction_id')!;
    r.add(
      'clickid.only_transaction_id',
      t.start,
      t.end,
      "Only Everflow's own id is sent; if your tracker needs its own click id, add the sub slot holding it, e.g. {sub1}.",
    );
  }
  if (carriers.size === 0 && !r.hasErrorIn(['macro', 'value', 'clickid'])) {
    const [start, end] = span(parts);
    const key = rx?.clickKey ?? 'cid';
    r.add(
      'clickid.missing',
      start,
      Math.max(start, end),
      `No macro sends the click id back; add the sub slot holding your tracker's click id, e.g. ${key}={sub1}.`,
    );
  }
}
