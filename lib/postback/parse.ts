import { cakePairEnd } from './scan';

/** One query parameter with its positions in the input. */
export interface Param {
  /** Segment span (between separators). */
  start: number;
  end: number;
  keyEnd: number;
  /** Start of the value, or -1 when the segment has no `=`. */
  valueStart: number;
  /** The key as written. */
  key: string;
  /** The key receivers are matched on: `key` without an `amp;` left by an HTML-escaped `&amp;`. */
  name: string;
  /** The raw (still percent-encoded) value, or null when there is no `=`. */
  value: string | null;
}

/** The structure of a URL that passed the fatal checks. All positions index the original input. */
export interface UrlParts {
  /** Lower-cased scheme (`http` or `https`). */
  scheme: string;
  schemeStart: number;
  authStart: number;
  authEnd: number;
  /** Index of the `@` ending the userinfo, or -1. */
  at: number;
  hostStart: number;
  hostEnd: number;
  /** Port digits span, or -1 when there is no `:port`. */
  portStart: number;
  portEnd: number;
  pathStart: number;
  pathEnd: number;
  /** Index of the `?` (or of the separator that stands for a missing `?`), or -1. */
  queryStart: number;
  queryEnd: number;
  /** The query was inferred because the `?` is missing (`/pb&cid=1`). */
  virtualQuery: boolean;
  /** Index of the `#` that starts the fragment (a `#word#` pair does not), or -1. */
  fragStart: number;
  end: number;
  params: Param[];
}

/** End of the authority: the first `/`, `\`, `?` or `#` after `from`. */
export function authorityEnd(s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35 || c === 92) return i;
  }
  return to;
}

/** Index of the `#` starting the fragment, skipping `#word#` pairs (CAKE tokens), or -1. */
export function fragmentStart(s: string, from: number, to: number): number {
  let i = s.indexOf('#', from);
  while (i !== -1 && i < to) {
    const pair = cakePairEnd(s, i, to);
    if (pair < 0) return i;
    i = s.indexOf('#', pair);
  }
  return -1;
}

/** Whether `amp;` (any case) starts at i: the rest of an `&amp;` copied from HTML. */
function isAmpEntity(s: string, i: number): boolean {
  return (
    (s.charCodeAt(i) | 32) === 97 &&
    (s.charCodeAt(i + 1) | 32) === 109 &&
    (s.charCodeAt(i + 2) | 32) === 112 &&
    s.charCodeAt(i + 3) === 59
  );
}

/** Split `s[from, to)` on `&` into parameters. */
export function parseParams(s: string, from: number, to: number): Param[] {
  const params: Param[] = [];
  let a = from;
  while (a <= to) {
    let b = s.indexOf('&', a);
    if (b === -1 || b > to) b = to;
    // Search for '=' inside this segment only: indexOf would scan ahead and make many short segments quadratic.
    let eq = -1;
    for (let i = a; i < b; i++) {
      if (s.charCodeAt(i) === 61) {
        eq = i;
        break;
      }
    }
    const keyEnd = eq === -1 ? b : eq;
    const key = s.slice(a, keyEnd);
    const name = keyEnd - a > 4 && isAmpEntity(s, a) ? key.slice(4) : key;
    params.push({
      start: a,
      end: b,
      keyEnd,
      valueStart: eq === -1 ? -1 : eq + 1,
      key,
      name,
      value: eq === -1 ? null : s.slice(eq + 1, b),
    });
    a = b + 1;
  }
  return params;
}

/**
 * Split the part after the authority into path, query and fragment (fragment first, then the first `?`).
 * Without a `?` but with `&` and `=` in the path, the query is inferred from the first `&` before the first
 * `=`, or else from the start of the path segment holding the first `=`, so parameter rules still run.
 */
export function splitRest(s: string, parts: UrlParts): void {
  const { authEnd, end } = parts;
  const frag = fragmentStart(s, authEnd, end);
  const before = frag === -1 ? end : frag;
  parts.fragStart = frag;
  const q = s.indexOf('?', authEnd);
  parts.pathStart = authEnd;
  if (q !== -1 && q < before) {
    parts.pathEnd = q;
    parts.queryStart = q;
    parts.queryEnd = before;
    parts.params = parseParams(s, q + 1, before);
    return;
  }
  parts.pathEnd = before;
  const amp = s.indexOf('&', authEnd);
  const eq = s.indexOf('=', authEnd);
  if (amp !== -1 && amp < before && eq !== -1 && eq < before) {
    const start = amp < eq ? amp : Math.max(s.lastIndexOf('/', eq), authEnd - 1);
    parts.virtualQuery = true;
    parts.pathEnd = amp < eq ? amp : start + 1;
    parts.queryStart = amp < eq ? amp : start + 1;
    parts.queryEnd = before;
    parts.params = parseParams(s, amp < eq ? amp + 1 : start + 1, before);
  }
}
