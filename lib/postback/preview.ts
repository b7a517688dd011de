/**
 * The "what your tracker will receive" view: the URL as Everflow would fire it, with realistic sample
 * values in place of the macros, percent-encoded, and the parameters as the receiver's parser reads them.
 */
import { isSpaceCode } from './check-chars';
import { decodeQueryValue, encodeQueryValue } from './encode';
import { getMacro, isFilledFor, type PixelType } from './macros';
import { authorityEnd, parseParams } from './parse';
import { type RawToken, scanTokens } from './scan';

/**
 * Sample values by macro name. Realistic on purpose: a 32-character transaction id like Everflow's, and sub
 * values with spaces, `&`, `/`, `#`, `+` and non-ASCII characters, to prove the encoding.
 */
export const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  transaction_id: '4f2c9a7e1b3d4c5e8f6a0b9c7d2e1f3a',
  sub1: 'cl_7Qz2mX9pLk4vR8sT',
  sub2: 'spring sale & more',
  sub3: 'email/newsletter #12',
  sub4: 'Zoë 50% off',
  sub5: 'a+b=c',
  sub6: 'sub 6',
  sub7: 'sub 7',
  sub8: 'sub 8',
  sub9: 'sub 9',
  sub10: 'sub 10',
  source_id: 'blog & social',
  payout_amount: '12.50',
  sale_amount: '89.99',
  offer_id: '1234',
  offer_currency: 'USD',
  affiliate_id: '5678',
  advertiser_id: '910',
  conversion_id: '9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d',
  event_id: '42',
  event_name: 'Purchase',
  order_id: 'ORD-10045',
  coupon_code: 'SAVE 10%',
  adv1: 'adv one',
  adv2: 'adv two & co',
  adv3: 'adv 3',
  adv4: 'adv 4',
  adv5: 'adv 5',
  adv6: 'adv 6',
  adv7: 'adv 7',
  adv8: 'adv 8',
  adv9: 'adv 9',
  adv10: 'adv 10',
};

/** How a stretch of the previewed URL came about. */
export type PreviewSegmentKind =
  /** Copied from the input. */
  | 'literal'
  /** A macro replaced by its (encoded) sample value. */
  | 'value'
  /** A macro Everflow leaves empty here (restricted, or not filled for the pixel type). */
  | 'blank'
  /** A macro Everflow may or may not fill (unverified in the catalogue): shown as written. */
  | 'uncertain';

/** One stretch of the preview; `segments.map(s => s.text).join('')` is the previewed URL. */
export interface PreviewSegment {
  text: string;
  kind: PreviewSegmentKind;
  /** The macro as written in the input, for `value`, `blank` and `uncertain`. */
  macro?: string;
}

/** A query parameter as the receiver reads it (`+` and `%XX` decoded). */
export interface ReceivedParam {
  key: string;
  value: string;
}

/** The preview of one URL. */
export interface PreviewResult {
  /** The whole URL after substitution (trimmed input; a fragment is kept but never sent). */
  url: string;
  segments: PreviewSegment[];
  /** What the receiver's server gets: the path and the decoded query parameters (no fragment). */
  received: { path: string; params: ReceivedParam[] };
}

/** Options of previewPostbackUrl. */
export interface PreviewOptions {
  /** Macros not filled for this pixel type are left empty. */
  pixelType?: PixelType | 'post_conversion';
  /** Override sample values by macro name. */
  samples?: Readonly<Record<string, string>>;
}

function segmentFor(token: RawToken, written: string, options: PreviewOptions): PreviewSegment {
  const macro = token.syntax === 'braces' ? getMacro(token.name) : undefined;
  if (!macro) return { text: written, kind: 'literal' };
  if (macro.role === 'unverified') return { text: written, kind: 'uncertain', macro: written };
  if (macro.role === 'restricted' || (options.pixelType && !isFilledFor(macro, options.pixelType))) {
    return { text: '', kind: 'blank', macro: written };
  }
  const sample = options.samples?.[macro.name] ?? SAMPLE_VALUES[macro.name] ?? '';
  return { text: encodeQueryValue(sample), kind: 'value', macro: written };
}

/** Substitute sample values into a postback URL. Never throws; works on malformed input too. */
export function previewPostbackUrl(input: string, options: PreviewOptions = {}): PreviewResult {
  let t0 = 0;
  let t1 = input.length;
  while (t0 < t1 && isSpaceCode(input.charCodeAt(t0))) t0++;
  while (t1 > t0 && isSpaceCode(input.charCodeAt(t1 - 1))) t1--;
  const tokens: RawToken[] = [];
  scanTokens(input, t0, t1, true, tokens, []);
  const segments: PreviewSegment[] = [];
  let at = t0;
  for (const token of tokens) {
    if (token.start > at) segments.push({ text: input.slice(at, token.start), kind: 'literal' });
    segments.push(segmentFor(token, input.slice(token.start, token.end), options));
    at = token.end;
  }
  if (t1 > at) segments.push({ text: input.slice(at, t1), kind: 'literal' });
  const url = segments.map((seg) => seg.text).join('');
  return { url, segments, received: received(url) };
}

function received(url: string): PreviewResult['received'] {
  const scheme = url.indexOf('://');
  const pathStart = scheme === -1 ? 0 : authorityEnd(url, scheme + 3, url.length);
  // An HTTP client cuts at the first #, CAKE pair or not.
  const frag = url.indexOf('#', pathStart);
  const end = frag === -1 ? url.length : frag;
  const q = url.indexOf('?', pathStart);
  if (q === -1 || q >= end) return { path: url.slice(pathStart, end) || '/', params: [] };
  const params = parseParams(url, q + 1, end)
    .filter((p) => p.start !== p.end)
    .map((p) => ({ key: decodeQueryValue(p.key), value: decodeQueryValue(p.value ?? '') }));
  return { path: url.slice(pathStart, q) || '/', params };
}
