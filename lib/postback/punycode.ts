/**
 * Punycode (RFC 3492) encoding of host labels, so the checker can show the xn-- form of an IDN host.
 * Only encoding is needed; mapping is limited to lower-casing and NFC (enough for a suggestion).
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digit(d: number): string {
  return String.fromCharCode(d < 26 ? d + 97 : d + 22);
}

/** Encode one label's code points with Punycode (without the `xn--` prefix). */
export function punycodeEncode(label: string): string {
  const points = Array.from(label, (ch) => ch.codePointAt(0)!);
  let out = '';
  for (const p of points) if (p < 0x80) out += String.fromCharCode(p);
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < points.length) {
    let m = Number.MAX_SAFE_INTEGER;
    for (const p of points) if (p >= n && p < m) m = p;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const p of points) {
      if (p < n) delta++;
      if (p !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        out += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      out += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

/** The ASCII (xn--) form of a host name: non-ASCII labels are NFC-normalised, lower-cased and encoded. */
export function hostToAscii(host: string): string {
  return host
    .split('.')
    .map((label) => {
      const lower = label.normalize('NFC').toLowerCase();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point of the test
      return /^[\x00-\x7f]*$/.test(lower) ? lower : `xn--${punycodeEncode(lower)}`;
    })
    .join('.');
}
