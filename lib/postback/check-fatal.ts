import { isSpaceCode } from './check-chars';
import { editDistance } from './classify';
import { parseHost } from './host';
import { authorityEnd, splitRest, type UrlParts } from './parse';
import type { Edit, Reporter } from './report';

const SCHEME = /[A-Za-z][A-Za-z0-9+.-]*:/y;
const URL_START = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
// A second http(s) URL glued to the end of the first (pasted twice without a space).
const GLUED = /[A-Za-z0-9_}]https?:\/\//gi;
const HTML_URL = /\b(?:src|href|action)\s*=\s*["']?([^"'\s>]+)/i;

function htmlMarkup(s: string, t0: number, t1: number, r: Reporter): void {
  const found = HTML_URL.exec(s.slice(t0, t1));
  const url = found?.[1]?.replace(/&amp;/gi, '&');
  const edit: Edit | undefined = url ? { start: 0, end: s.length, text: url } : undefined;
  r.add(
    'input.html_markup',
    t0,
    t1,
    'This is an HTML pixel. Use the HTML delivery method, or paste only the URL.',
    edit,
    'Keep only the URL',
  );
}

function multipleUrls(s: string, t0: number, t1: number, r: Reporter): boolean {
  // Cheap exit for the usual case: a single "://" means a single URL.
  const sep = s.indexOf('://', t0);
  const next = sep === -1 ? -1 : s.indexOf('://', sep + 3);
  if (next === -1 || next >= t1) return false;
  const starts: number[] = [];
  let i = t0;
  while (i < t1) {
    while (i < t1 && isSpaceCode(s.charCodeAt(i))) i++;
    const begin = i;
    while (i < t1 && !isSpaceCode(s.charCodeAt(i))) i++;
    if (i > begin && URL_START.test(s.slice(begin, Math.min(i, begin + 40)))) starts.push(begin);
  }
  GLUED.lastIndex = t0;
  for (let m = GLUED.exec(s); m && m.index < t1; m = GLUED.exec(s)) {
    if (m.index + 1 > t0 && !starts.includes(m.index + 1)) starts.push(m.index + 1);
  }
  if (starts.length < 2) return false;
  starts.sort((a, b) => a - b);
  const second = starts[1]!;
  let end = second;
  while (end < t1 && !isSpaceCode(s.charCodeAt(end))) end++;
  const first = s.slice(starts[0]!, second).trim();
  r.add(
    'input.multiple_urls',
    second,
    end,
    `Looks like ${starts.length} URLs pasted together; add one postback at a time.`,
    { start: 0, end: s.length, text: first },
    'Keep the first URL',
  );
  return true;
}

function schemeMissing(s: string, t0: number, t1: number, r: Reporter): void {
  const head = s.slice(t0, Math.min(t1, t0 + 12));
  let edit: Edit | undefined;
  const noColon = /^(https?)\/\//i.exec(head);
  if (noColon) edit = { start: t0 + noColon[1]!.length, end: t0 + noColon[1]!.length, text: ':' };
  else if (head.startsWith('//')) edit = { start: t0, end: t0, text: 'https:' };
  else if (/^[A-Za-z0-9][A-Za-z0-9.-]*[.:]/.test(head)) edit = { start: t0, end: t0, text: 'https://' };
  r.add(
    'url.scheme_missing',
    t0,
    Math.min(t1, t0 + 1),
    'Everflow needs the URL to start with https:// (or http://).',
    edit,
    edit?.text === ':' ? 'Add the colon' : 'Add https://',
  );
}

function schemeUnsupported(s: string, t0: number, colon: number, r: Reporter): void {
  const scheme = s.slice(t0, colon).toLowerCase();
  const nearMiss = editDistance(scheme, 'https', 2) <= 2 && scheme.length >= 3 && /^h/.test(scheme);
  r.add(
    'url.scheme_unsupported',
    t0,
    colon + 1,
    nearMiss
      ? `"${scheme}:" is not a scheme; did you mean https://? Only http and https postbacks can be fired.`
      : `"${scheme}:" URLs cannot be fired; only http and https postbacks can.`,
    nearMiss ? { start: t0, end: colon, text: 'https' } : undefined,
    'Use https',
  );
}

function invalid(
  r: Reporter,
  start: number,
  end: number,
  detail: string,
  edit?: Edit,
  label = 'Fix',
): undefined {
  r.add('url.invalid', start, end, `The address is malformed: ${detail}.`, edit, label);
  return undefined;
}

function hasBrace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 123 || c === 125) return true;
  }
  return false;
}

/** The scheme and authority checks; returns undefined when a url.invalid finding was reported. */
function parseAuthority(s: string, t0: number, colon: number, t1: number, r: Reporter): UrlParts | undefined {
  let k = colon + 1;
  while (k < t1 && (s.charCodeAt(k) === 47 || s.charCodeAt(k) === 92)) k++;
  const slashes = s.slice(colon + 1, k);
  if (slashes !== '//') {
    const detail = /^\/{3,}$/.test(slashes)
      ? 'too many slashes after the scheme'
      : 'the scheme must be followed by //';
    return invalid(r, colon, k, detail, { start: colon + 1, end: k, text: '//' }, 'Use ://');
  }
  const authStart = k;
  const authEnd = authorityEnd(s, authStart, t1);
  for (let i = authStart; i < authEnd; i++) {
    if (isSpaceCode(s.charCodeAt(i))) {
      const text = s.slice(authStart, authEnd).replace(/\s+/g, '');
      return invalid(
        r,
        i,
        i + 1,
        'there is whitespace in the host',
        { start: authStart, end: authEnd, text },
        'Remove it',
      );
    }
  }
  const at = s.lastIndexOf('@', authEnd - 1);
  const hostStart = at >= authStart ? at + 1 : authStart;
  let hostEnd: number;
  let portStart = -1;
  if (s.charCodeAt(hostStart) === 91) {
    const close = s.indexOf(']', hostStart);
    if (close === -1 || close >= authEnd)
      return invalid(r, hostStart, authEnd, 'the IPv6 address has no closing ]');
    hostEnd = close + 1;
    if (hostEnd < authEnd) {
      if (s.charCodeAt(hostEnd) !== 58)
        return invalid(r, hostEnd, authEnd, 'unexpected characters after the IPv6 address');
      portStart = hostEnd + 1;
    }
  } else {
    const portColon = s.lastIndexOf(':', authEnd - 1);
    hostEnd = portColon >= hostStart ? portColon : authEnd;
    if (portColon >= hostStart) portStart = portColon + 1;
  }
  if (hostEnd === hostStart) return invalid(r, hostStart, Math.max(hostStart, authEnd), 'the host is empty');
  if (portStart !== -1 && !hasBrace(s, portStart, authEnd)) {
    const port = s.slice(portStart, authEnd);
    if (!/^[0-9]{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
      const what =
        port === '' ? 'the port after ":" is empty' : `port "${port}" is not a number from 1 to 65535`;
      const edit = port === '' ? { start: portStart - 1, end: portStart, text: '' } : undefined;
      return invalid(r, portStart - 1, authEnd, what, edit, 'Remove the colon');
    }
  }
  if (!hasBrace(s, hostStart, hostEnd)) {
    const parsed = parseHost(s.slice(hostStart, hostEnd));
    if (parsed.kind === 'invalid') return invalid(r, hostStart, hostEnd, parsed.detail);
  }
  const parts: UrlParts = {
    scheme: s.slice(t0, colon).toLowerCase(),
    schemeStart: t0,
    authStart,
    authEnd,
    at: at >= authStart ? at : -1,
    hostStart,
    hostEnd,
    portStart,
    portEnd: portStart === -1 ? -1 : authEnd,
    pathStart: authEnd,
    pathEnd: authEnd,
    queryStart: -1,
    queryEnd: -1,
    virtualQuery: false,
    fragStart: -1,
    end: t1,
    params: [],
  };
  splitRest(s, parts);
  return parts;
}

/**
 * The fatal stage, in the spec's order: html markup, several URLs, missing scheme, unsupported scheme,
 * malformed address. Returns the URL's parts, or undefined after reporting the (single) fatal finding.
 */
export function runFatal(s: string, t0: number, t1: number, r: Reporter): UrlParts | undefined {
  if (s.charCodeAt(t0) === 60) {
    htmlMarkup(s, t0, t1, r);
    return undefined;
  }
  if (multipleUrls(s, t0, t1, r)) return undefined;
  SCHEME.lastIndex = t0;
  const m = SCHEME.exec(s);
  const colon = m ? t0 + m[0].length - 1 : -1;
  // "example.com:8080/x" and "localhost:8080" are a host and a port, not a scheme.
  if (!m || m[0].includes('.') || /^[0-9]+(?:[/?#]|$)/.test(s.slice(colon + 1, Math.min(t1, colon + 8)))) {
    schemeMissing(s, t0, t1, r);
    return undefined;
  }
  const scheme = s.slice(t0, colon).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    schemeUnsupported(s, t0, colon, r);
    return undefined;
  }
  return parseAuthority(s, t0, colon, t1, r);
}
