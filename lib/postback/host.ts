/**
 * Host parsing for the checker: IP literals the way browsers read them (WHATWG: `0x7f.1` and `2130706433`
 * are 127.0.0.1), and whether an address is reachable from Everflow's servers.
 */

/** What a host string is. */
export type ParsedHost =
  | { kind: 'ipv4'; value: number }
  | { kind: 'ipv6'; groups: number[] }
  | { kind: 'name'; name: string }
  | { kind: 'invalid'; detail: string };

function parseIPv4Number(part: string): number {
  if (part === '') return Number.NaN;
  let radix = 10;
  let digits = part;
  if (part.length >= 2 && (part[1] === 'x' || part[1] === 'X') && part[0] === '0') {
    radix = 16;
    digits = part.slice(2);
    if (digits === '') return 0;
  } else if (part.length >= 2 && part[0] === '0') {
    radix = 8;
    digits = part.slice(1);
  }
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  return valid.test(digits) ? Number.parseInt(digits, radix) : Number.NaN;
}

/** WHATWG "ends in a number": the last label is all digits or 0x-hex, so the host must be an IPv4 address. */
function endsInNumber(labels: string[]): boolean {
  const last = labels[labels.length - 1] ?? '';
  return /^[0-9]+$/.test(last) || /^0x[0-9a-f]*$/i.test(last);
}

function parseIPv4(labels: string[]): number | undefined {
  if (labels.length > 4) return undefined;
  const numbers = labels.map(parseIPv4Number);
  if (numbers.some((n) => Number.isNaN(n))) return undefined;
  let value = 0;
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i]! > 255) return undefined;
    value += numbers[i]! * 256 ** (3 - i);
  }
  const last = numbers[numbers.length - 1]!;
  if (last >= 256 ** (5 - numbers.length)) return undefined;
  return value + last;
}

function parseGroups(text: string, out: number[]): boolean {
  if (text === '') return true;
  const pieces = text.split(':');
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i === pieces.length - 1 && piece.includes('.')) {
      const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(piece);
      if (!v4) return false;
      const octets = v4.slice(1).map(Number);
      if (octets.some((o) => o > 255)) return false;
      out.push(octets[0]! * 256 + octets[1]!, octets[2]! * 256 + octets[3]!);
      continue;
    }
    if (!/^[0-9a-f]{1,4}$/i.test(piece)) return false;
    out.push(Number.parseInt(piece, 16));
  }
  return true;
}

/** Parse the inside of `[…]` into eight 16-bit groups, or undefined. */
export function parseIPv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head: number[] = [];
  const tail: number[] = [];
  if (!parseGroups(halves[0]!, head)) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  if (!parseGroups(halves[1]!, tail)) return undefined;
  if (head.length + tail.length > 7) return undefined;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** Parse a host (without port). Names are lower-cased and lose one trailing dot. */
export function parseHost(host: string): ParsedHost {
  if (host.startsWith('[')) {
    const groups = host.endsWith(']') ? parseIPv6(host.slice(1, -1)) : undefined;
    return groups ? { kind: 'ipv6', groups } : { kind: 'invalid', detail: 'the IPv6 address is not valid' };
  }
  const name = (host.endsWith('.') ? host.slice(0, -1) : host).toLowerCase();
  const labels = name.split('.');
  if (endsInNumber(labels)) {
    const value = parseIPv4(labels);
    return value === undefined
      ? { kind: 'invalid', detail: 'the host ends in a number but is not a valid IPv4 address' }
      : { kind: 'ipv4', value };
  }
  return { kind: 'name', name };
}

function ipv4Private(v: number): boolean {
  const a = Math.floor(v / 16777216);
  const b = Math.floor(v / 65536) % 256;
  return (
    a === 0 || // "this network", incl. 0.0.0.0
    a === 127 || // loopback
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) || // link-local, incl. the 169.254.169.254 metadata address
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT (RFC 6598): not reachable from outside either
  );
}

function ipv6Private(g: number[]): boolean {
  const g0 = g[0]!;
  const prefixZero = g.slice(0, 5).every((x) => x === 0);
  if (prefixZero && g[5] === 0xffff) return ipv4Private(g[6]! * 65536 + g[7]!); // ::ffff:a.b.c.d
  if (g.slice(0, 7).every((x) => x === 0) && (g[7] === 0 || g[7] === 1)) return true; // :: and ::1
  return (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80; // ULA, link-local
}

const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal'];

/**
 * Whether Everflow's servers cannot reach this host: localhost names, loopback, RFC 1918, link-local,
 * unspecified and ULA addresses. `.local` (mDNS) and `.internal` (reserved for private use, e.g.
 * metadata.google.internal) are added to the spec's list because they never resolve publicly either.
 */
export function isLocalHost(host: ParsedHost): boolean {
  if (host.kind === 'ipv4') return ipv4Private(host.value);
  if (host.kind === 'ipv6') return ipv6Private(host.groups);
  if (host.kind !== 'name') return false;
  return host.name === 'localhost' || LOCAL_SUFFIXES.some((suffix) => host.name.endsWith(suffix));
}

/** Why a DNS label is not valid, or undefined. Non-ASCII, brace and invisible characters are left to other rules. */
export function labelProblem(label: string): string | undefined {
  if (label === '') return 'it has an empty label (..)';
  if (label.length > 63) return 'a label is longer than 63 characters';
  if (label.startsWith('-') || label.endsWith('-'))
    return `the label "${label}" starts or ends with a hyphen`;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) ||
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      c === 45 ||
      c === 95 ||
      c >= 0x80;
    if (!ok && c !== 123 && c !== 125) return `"${label[i]}" is not allowed in a host name`;
  }
  return undefined;
}
