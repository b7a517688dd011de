/** Percent-encoding helpers that never throw (unlike encodeURIComponent on a lone surrogate). */

const HEX = '0123456789ABCDEF';

function byte(b: number): string {
  return `%${HEX[b >> 4]}${HEX[b & 15]}`;
}

/** UTF-8 percent-encoding of one code point. */
export function percentEncodeCodePoint(cp: number): string {
  if (cp < 0x80) return byte(cp);
  if (cp < 0x800) return byte(0xc0 | (cp >> 6)) + byte(0x80 | (cp & 63));
  if (cp < 0x10000) return byte(0xe0 | (cp >> 12)) + byte(0x80 | ((cp >> 6) & 63)) + byte(0x80 | (cp & 63));
  return (
    byte(0xf0 | (cp >> 18)) +
    byte(0x80 | ((cp >> 12) & 63)) +
    byte(0x80 | ((cp >> 6) & 63)) +
    byte(0x80 | (cp & 63))
  );
}

/** The code point at i, with lone surrogates read as U+FFFD, and its length in UTF-16 units. */
export function codePointAt(s: string, i: number): [number, number] {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [(c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000, 2];
    return [0xfffd, 1];
  }
  if (c >= 0xdc00 && c <= 0xdfff) return [0xfffd, 1];
  return [c, 1];
}

function isUnreserved(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 45 ||
    c === 46 ||
    c === 95 ||
    c === 126
  );
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * Encode a query value: everything but RFC 3986 unreserved characters is percent-encoded (a space is
 * %20, `&` is %26). With `keepEscapes`, an existing valid `%XX` is kept, so an already encoded value is not
 * encoded twice.
 */
export function encodeQueryValue(value: string, keepEscapes = false): string {
  let out = '';
  for (let i = 0; i < value.length; ) {
    const c = value.charCodeAt(i);
    if (isUnreserved(c)) {
      out += value[i];
      i++;
    } else if (keepEscapes && c === 37 && isHex(value.charCodeAt(i + 1)) && isHex(value.charCodeAt(i + 2))) {
      out += value.slice(i, i + 3);
      i += 3;
    } else {
      const [cp, len] = codePointAt(value, i);
      out += percentEncodeCodePoint(cp);
      i += len;
    }
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Decode a query value the way receivers' form parsers do: `+` is a space and `%XX` runs are UTF-8.
 * A `%` without two hex digits is kept as written and invalid UTF-8 becomes U+FFFD; it never throws.
 */
export function decodeQueryValue(value: string): string {
  if (value.indexOf('%') === -1 && value.indexOf('+') === -1) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const c = value.charCodeAt(i);
    if (c === 43) {
      out += ' ';
      i++;
      continue;
    }
    if (c !== 37) {
      out += value[i];
      i++;
      continue;
    }
    const bytes: number[] = [];
    let j = i;
    while (value.charCodeAt(j) === 37 && isHex(value.charCodeAt(j + 1)) && isHex(value.charCodeAt(j + 2))) {
      bytes.push(Number.parseInt(value.slice(j + 1, j + 3), 16));
      j += 3;
    }
    if (bytes.length === 0) {
      out += '%';
      i++;
      continue;
    }
    out += utf8.decode(new Uint8Array(bytes));
    i = j;
  }
  return out;
}
