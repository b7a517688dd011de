import { codePointAt, percentEncodeCodePoint } from './encode';
import type { UrlParts } from './parse';
import type { Reporter } from './report';

/** Raw whitespace, including NBSP and the Unicode space separators (zero-width characters are not spaces). */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Characters that cannot be seen: the spec's zero-width and bidi controls (U+200B–U+200F, U+2060, U+FEFF,
 * U+202A–U+202E), plus the bidi isolates U+2066–U+2069, the soft hyphen and C0/C1 control characters,
 * which corrupt a value in the same way.
 */
export function isInvisibleCode(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    c === 0x2060 ||
    c === 0xfeff ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xad ||
    (c < 32 && !(c >= 9 && c <= 13)) ||
    (c >= 0x7f && c <= 0x9f)
  );
}

function hex4(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

function spaceName(c: number): string {
  if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return 'line break';
  if (c === 9) return 'tab';
  if (c === 0xa0 || c === 0x202f) return 'non-breaking space';
  return 'space';
}

const UNSAFE = '"<>\\^`|';
/** PLAIN[c] is 1 for ASCII characters no character rule cares about (the per-character fast path). */
const PLAIN = new Uint8Array(128);
for (let c = 33; c < 127; c++) PLAIN[c] = c === 37 || UNSAFE.includes(String.fromCharCode(c)) ? 0 : 1;
const SMART_QUOTES = '‘’‚‛“”„‟«»';

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Whether the separator-adjacent space at i is just padding (`a=1 & b=2`), better removed than encoded. */
function isPadding(s: string, i: number): boolean {
  const prev = s.charCodeAt(i - 1);
  const next = s.charCodeAt(i + 1);
  return prev === 38 || prev === 61 || prev === 63 || next === 38 || next === 61;
}

function doubleEncoded(s: string, i: number, r: Reporter): void {
  const pair = s.slice(i + 3, i + 5);
  // %257B / %257D are reported as macro.encoded_braces, which names the real problem.
  if (pair.toUpperCase() === '7B' || pair.toUpperCase() === '7D') return;
  r.add(
    'url.double_encoded',
    i,
    i + 5,
    `"${s.slice(i, i + 5)}" looks double-encoded; use "%${pair}".`,
    { start: i, end: i + 3, text: '%' },
    'Decode once',
  );
}

/**
 * Character-level rules in one pass: invisible characters anywhere in the trimmed input; whitespace,
 * non-ASCII, unsafe characters and double encoding after the authority (in path, query and fragment).
 */
export function checkChars(s: string, t0: number, parts: UrlParts, r: Reporter): void {
  const { pathStart, end } = parts;
  const unsafeEnd = parts.fragStart === -1 ? end : parts.fragStart;
  for (let i = t0; i < end; ) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && PLAIN[c] === 1) {
      i++;
      continue;
    }
    if (c < 0x80 && c > 32 && c !== 37 && c !== 127 && i < pathStart) {
      i++;
      continue;
    }
    if (c === 37) {
      if (
        s.charCodeAt(i + 1) === 50 &&
        s.charCodeAt(i + 2) === 53 &&
        isHexCode(s.charCodeAt(i + 3)) &&
        isHexCode(s.charCodeAt(i + 4)) &&
        i + 4 < end &&
        i >= pathStart
      ) {
        doubleEncoded(s, i, r);
      }
      i++;
      continue;
    }
    const at = `at character ${i + 1}`;
    if (isInvisibleCode(c)) {
      r.add(
        'url.invisible_chars',
        i,
        i + 1,
        `An invisible character (${hex4(c)}) ${at} will corrupt the value; delete it or retype this part.`,
        { start: i, end: i + 1, text: '' },
        'Remove invisible characters',
      );
    } else if (i < pathStart) {
      // Authority characters are judged by the host rules.
    } else if (isSpaceCode(c)) {
      const name = spaceName(c);
      const remove = name === 'line break' || name === 'tab' || isPadding(s, i);
      r.add(
        'url.whitespace',
        i,
        i + 1,
        `A ${name} ${at} breaks the URL; remove it or encode it as %20.`,
        { start: i, end: i + 1, text: remove ? '' : '%20' },
        'Remove or encode whitespace',
      );
    } else if (c >= 0x80) {
      const [cp, len] = codePointAt(s, i);
      const ch = s.slice(i, i + len);
      const encoded = percentEncodeCodePoint(cp);
      const what = SMART_QUOTES.includes(ch) ? `The smart quote "${ch}"` : `"${ch}"`;
      r.add(
        'url.non_ascii',
        i,
        i + len,
        `${what} ${at} is not ASCII; remove it or percent-encode it (${encoded}).`,
        { start: i, end: i + len, text: encoded },
        'Percent-encode non-ASCII characters',
      );
      i += len;
      continue;
    } else if (c !== 32 && i < unsafeEnd) {
      const ch = s[i]!;
      r.add(
        'url.unsafe_chars',
        i,
        i + 1,
        `Percent-encode the ${ch} character ${at} (${percentEncodeCodePoint(c)}).`,
        { start: i, end: i + 1, text: percentEncodeCodePoint(c) },
        'Percent-encode unsafe characters',
      );
    }
    i++;
  }
}
