/**
 * The low-level tokenizer: finds macro-like tokens of every syntax the spec lists, in one pass over a range
 * of the input, with positions in the input. Classification happens later (classify.ts).
 */

/** The syntax a token was written in. */
export type TokenSyntax =
  /** `{name}`: Everflow's syntax. */
  | 'braces'
  /** `#name#`: CAKE. */
  | 'cake'
  /** `{{name}}` */
  | 'double_braces'
  /** `[NAME]` */
  | 'brackets'
  /** `${NAME}` */
  | 'dollar'
  /** `%%NAME%%` */
  | 'percent'
  /** `{!name!}`: CPV Lab. */
  | 'cpvlab'
  /** `%7Bname%7D` (or `%257B…`): encoded braces. */
  | 'encoded'
  /** A whole parameter value that is a macro name or a template word without any syntax. */
  | 'bare';

/** A token before classification. `name` is the text inside the syntax. */
export interface RawToken {
  start: number;
  end: number;
  syntax: TokenSyntax;
  name: string;
}

const MAX_NAME = 64;

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Characters that cannot be inside a `{…}` token: braces, URL delimiters and line breaks. */
function isNameCode(c: number): boolean {
  return (
    c !== 123 && c !== 125 && c !== 38 && c !== 61 && c !== 63 && c !== 47 && c !== 35 && c !== 10 && c !== 13
  );
}

/** End of a run of name characters starting at j (capped), or j when none. */
function nameEnd(s: string, j: number, to: number): number {
  const limit = Math.min(to, j + MAX_NAME + 1);
  while (j < limit && isNameCode(s.charCodeAt(j))) j++;
  return j;
}

function wordEnd(s: string, j: number, to: number): number {
  const limit = Math.min(to, j + MAX_NAME + 1);
  while (j < limit && isWordCode(s.charCodeAt(j))) j++;
  return j;
}

/** If a CAKE pair `#word#` starts at i, its end (exclusive); otherwise -1. */
export function cakePairEnd(s: string, i: number, to: number): number {
  const j = wordEnd(s, i + 1, to);
  return j > i + 1 && j - i - 1 <= MAX_NAME && s.charCodeAt(j) === 35 && j < to ? j + 1 : -1;
}

/** Length of `%7B`/`%257B` (or `%7D`/`%257D` when close) at i, else 0. */
function encodedBraceAt(s: string, i: number, close: boolean): number {
  if (s.charCodeAt(i) !== 37) return 0;
  let j = i + 1;
  if (s.charCodeAt(j) === 50 && s.charCodeAt(j + 1) === 53) j += 2; // "25": double-encoded
  const last = s.charCodeAt(j + 1) | 32; // lower-case letter
  return s.charCodeAt(j) === 55 && last === (close ? 100 : 98) ? j + 2 - i : 0;
}

/**
 * Scan `s[from, to)` for tokens. `braceOnly` limits the scan to brace syntaxes (used for the authority
 * and the fragment, where `#`, `[` and `%` have other meanings). Stray `{`/`}` positions go to `strays`.
 */
export function scanTokens(
  s: string,
  from: number,
  to: number,
  braceOnly: boolean,
  out: RawToken[],
  strays: number[],
) {
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === 123 || c === 36) {
      const next = s.charCodeAt(i + 1);
      if (c === 36) {
        // ${NAME}
        if (next === 123 && i + 1 < to) {
          const j = nameEnd(s, i + 2, to);
          if (s.charCodeAt(j) === 125 && j < to && j > i + 2) {
            out.push({ start: i, end: j + 1, syntax: 'dollar', name: s.slice(i + 2, j) });
            i = j + 1;
            continue;
          }
        }
        i++;
        continue;
      }
      if (next === 123 && i + 1 < to) {
        // {{name}}
        const j = nameEnd(s, i + 2, to);
        if (j > i + 2 && s.charCodeAt(j) === 125 && s.charCodeAt(j + 1) === 125 && j + 1 < to) {
          out.push({ start: i, end: j + 2, syntax: 'double_braces', name: s.slice(i + 2, j) });
          i = j + 2;
          continue;
        }
      } else if (next === 33 && i + 1 < to) {
        // {!name!}
        const j = nameEnd(s, i + 2, to);
        if (j < to && s.charCodeAt(j) === 125 && s.charCodeAt(j - 1) === 33 && j - 1 > i + 2) {
          out.push({ start: i, end: j + 1, syntax: 'cpvlab', name: s.slice(i + 2, j - 1) });
          i = j + 1;
          continue;
        }
      }
      const j = nameEnd(s, i + 1, to);
      if (j < to && s.charCodeAt(j) === 125 && j - i - 1 <= MAX_NAME) {
        out.push({ start: i, end: j + 1, syntax: 'braces', name: s.slice(i + 1, j) });
        i = j + 1;
        continue;
      }
      if (!braceOnly) {
        // {name%7D: half-encoded
        const w = wordEnd(s, i + 1, to);
        const close = w > i + 1 ? encodedBraceAt(s, w, true) : 0;
        if (close && w + close <= to) {
          out.push({ start: i, end: w + close, syntax: 'encoded', name: s.slice(i + 1, w) });
          i = w + close;
          continue;
        }
      }
      strays.push(i);
      i++;
      continue;
    }
    if (c === 125) {
      strays.push(i);
      i++;
      continue;
    }
    if (braceOnly) {
      i++;
      continue;
    }
    if (c === 35) {
      const end = cakePairEnd(s, i, to);
      if (end > 0) {
        out.push({ start: i, end, syntax: 'cake', name: s.slice(i + 1, end - 1) });
        i = end;
        continue;
      }
    } else if (c === 91) {
      // [NAME], but not a PHP-style array key such as data[clickid]
      const before = i > from ? s.charCodeAt(i - 1) : 0;
      if (!isWordCode(before) && before !== 93) {
        let j = i + 1;
        while (j < to && j - i <= MAX_NAME) {
          const d = s.charCodeAt(j);
          if (!(isWordCode(d) || d === 46 || d === 58 || d === 45)) break;
          j++;
        }
        if (j > i + 1 && j < to && s.charCodeAt(j) === 93) {
          out.push({ start: i, end: j + 1, syntax: 'brackets', name: s.slice(i + 1, j) });
          i = j + 1;
          continue;
        }
      }
    } else if (c === 37) {
      if (s.charCodeAt(i + 1) === 37) {
        // %%NAME%%
        const j = wordEnd(s, i + 2, to);
        if (j > i + 2 && j + 1 < to && s.charCodeAt(j) === 37 && s.charCodeAt(j + 1) === 37) {
          out.push({ start: i, end: j + 2, syntax: 'percent', name: s.slice(i + 2, j) });
          i = j + 2;
          continue;
        }
      }
      // Only %7Bname%7D (or %7Bname}) counts: a lone %7B, as in URL-encoded JSON, is not a macro.
      const open = encodedBraceAt(s, i, false);
      if (open) {
        const w = wordEnd(s, i + open, to);
        if (w > i + open) {
          const close = s.charCodeAt(w) === 125 ? 1 : encodedBraceAt(s, w, true);
          if (close && w + close <= to) {
            out.push({ start: i, end: w + close, syntax: 'encoded', name: s.slice(i + open, w) });
            i = w + close;
            continue;
          }
        }
      }
    }
    i++;
  }
}
