import type { Param, UrlParts } from './parse';
import type { Edit, Reporter } from './report';

/** Keys that carry money to the receiver (payout.* rules). */
export const PAYOUT_KEYS = new Set(['payout', 'revenue', 'rev', 'sum', 'profit']);
const SECRET_KEY = /secret|passw|passwd|pwd|api_?key|access_?token|auth_?token|private_?key/i;
const NUMBER = /^[0-9]+(?:[.,][0-9]+)?$/;

/** The edit that deletes parameter `n` together with one neighbouring `&` (or the `?` when it is alone). */
export function deleteParam(s: string, parts: UrlParts, n: number): Edit {
  const p = parts.params[n]!;
  if (n > 0) return { start: p.start - 1, end: p.end, text: '' };
  if (parts.params.length > 1) return { start: p.start, end: p.end + 1, text: '' };
  const q = parts.queryStart;
  return s.charCodeAt(q) === 63 || s.charCodeAt(q) === 38
    ? { start: q, end: p.end, text: '' }
    : { start: p.start, end: p.end, text: '' };
}

function structure(s: string, parts: UrlParts, r: Reporter): void {
  const { queryStart, queryEnd } = parts;
  if (parts.virtualQuery) {
    const isAmp = s.charCodeAt(queryStart) === 38;
    const first = parts.params[0];
    r.add(
      'query.missing_question_mark',
      queryStart,
      isAmp ? queryStart + 1 : Math.max(queryStart + 1, first?.keyEnd ?? queryStart + 1),
      isAmp
        ? 'Parameters start with ?: replace the first & with ?.'
        : `Parameters start with ?: insert one before "${first?.key ?? ''}=".`,
      { start: queryStart, end: isAmp ? queryStart + 1 : queryStart, text: '?' },
      isAmp ? 'Replace & with ?' : 'Insert ?',
    );
    return;
  }
  for (const p of parts.params) {
    const value = p.value ?? '';
    let q = value.indexOf('?');
    while (q !== -1) {
      const at = p.valueStart + q;
      const nested = value.includes('://');
      r.add(
        'query.extra_question_mark',
        at,
        at + 1,
        nested
          ? 'A second ? becomes part of this value; percent-encode the nested URL (? as %3F).'
          : 'The second ? becomes part of a value; use & between parameters.',
        nested ? undefined : { start: at, end: at + 1, text: '&' },
        'Use &',
      );
      q = value.indexOf('?', q + 1);
    }
  }
  if (parts.params.length === 1 && parts.params[0]!.start === parts.params[0]!.end) {
    r.add(
      'query.empty_segment',
      queryStart,
      queryEnd,
      'The URL ends with an empty "?"; harmless, but it can go.',
      {
        start: queryStart,
        end: queryEnd,
        text: '',
      },
      'Remove it',
    );
    return;
  }
  for (let n = 0; n < parts.params.length; n++) {
    const p = parts.params[n]!;
    if (p.start !== p.end) continue;
    const sep = n === 0 ? queryStart : p.start - 1;
    const edit =
      n === 0
        ? { start: p.start, end: p.start + 1, text: '' }
        : { start: p.start - 1, end: p.start, text: '' };
    r.add(
      'query.empty_segment',
      sep,
      sep + 1,
      'Empty parameter segment (&&, ?& or a trailing &); harmless, but it can go.',
      edit,
      'Remove empty segments',
    );
  }
}

function params(s: string, parts: UrlParts, r: Reporter): void {
  const seen = new Map<string, Param>();
  for (let n = 0; n < parts.params.length; n++) {
    const p = parts.params[n]!;
    if (p.start === p.end) continue;
    if (p.name !== p.key) {
      // parseParams stripped an "amp;" prefix.
      r.add(
        'query.html_entity',
        p.start - 1,
        p.start + 4,
        '"&amp;" was copied from HTML; replace it with "&".',
        { start: p.start, end: p.start + 4, text: '' },
        'Replace &amp; with &',
      );
    }
    if (p.key === '' && p.value !== null) {
      r.add(
        'param.empty_key',
        p.start,
        p.end,
        `The value "${p.value}" has no parameter name; add one (name=value) or remove it.`,
      );
    }
    if (p.name !== '') {
      const before = seen.get(p.name);
      if (before) {
        const same = before.value === p.value;
        r.add(
          'param.duplicate',
          p.start,
          p.keyEnd,
          `"${p.name}" appears twice; receivers pick the first or the last, so keep one.`,
          same ? deleteParam(s, parts, n) : undefined,
          'Remove the duplicate',
        );
      } else seen.set(p.name, p);
    }
    const value = p.value;
    if (value === null || value === '') continue;
    const key = p.name.toLowerCase();
    if (PAYOUT_KEYS.has(key)) {
      const at = value.indexOf('{sale_amount}');
      if (at !== -1) {
        const start = p.valueStart + at;
        r.add(
          'payout.sale_amount_as_payout',
          start,
          start + 13,
          `${p.name}={sale_amount} sends the order value as your revenue; did you mean {payout_amount}?`,
          { start, end: start + 13, text: '{payout_amount}' },
          'Use {payout_amount}',
        );
      } else if (NUMBER.test(value)) {
        r.add(
          'payout.static',
          p.valueStart,
          p.end,
          `${p.name}=${value} is a fixed amount; fine if intended, else use {payout_amount}.`,
        );
      }
    }
    if (SECRET_KEY.test(key) && !value.includes('{')) {
      r.add(
        'url.secret_in_query',
        p.start,
        p.end,
        `"${p.name}" looks like a secret; it will be visible in Everflow's logs.`,
      );
    }
  }
}

/** Query structure and parameter rules (query.*, param.*, payout.*, url.secret_in_query). */
export function checkQuery(s: string, parts: UrlParts, r: Reporter): void {
  if (parts.queryStart === -1) return;
  structure(s, parts, r);
  params(s, parts, r);
}
