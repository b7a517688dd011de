/**
 * The sample values of a test-fire: which macros a URL uses, which one carries the click id, and the URL rendered
 * with the user's values. Pure.
 */
import type { PixelType } from '../../lib/postback/macros';
import { previewPostbackUrl, SAMPLE_VALUES } from '../../lib/postback/preview';

/** Query keys trackers use for the click id. */
const CLICK_KEYS = new Set([
  'cid',
  'clickid',
  'click_id',
  'clickId',
  'subid',
  'sub_id',
  'cnv_id',
  'aff_sub',
  'tid',
  'transaction_id',
  'click-id',
  'hit',
  'visitor',
]);

/** The macros (names without braces) the URL fills, in order, once each. */
export function macrosOf(url: string): string[] {
  const names = previewPostbackUrl(url)
    .segments.filter((s) => s.kind === 'value' && s.macro)
    .map((s) => (s.macro ?? '').replace(/^\{|\}$/g, ''));
  return [...new Set(names)];
}

/** The macro whose value goes to the click-id parameter, if the URL has one. */
export function clickMacroOf(url: string): string | undefined {
  const query = url.indexOf('?');
  if (query === -1) return undefined;
  for (const pair of url
    .slice(query + 1)
    .split('#')[0]
    ?.split('&') ?? []) {
    const [key = '', value = ''] = pair.split('=');
    const m = /^\{([a-z0-9_]+)\}$/i.exec(value);
    if (CLICK_KEYS.has(key) && m?.[1]) return m[1];
  }
  return undefined;
}

/** The default sample of a macro. */
export function sampleOf(name: string): string {
  return SAMPLE_VALUES[name] ?? '';
}

/** The URL with the user's values (a real click id wins over the sample for its macro). */
export function renderTestUrl(
  url: string,
  samples: Readonly<Record<string, string>>,
  clickId: string,
  pixelType?: PixelType,
): string {
  const click = clickMacroOf(url);
  const values = { ...samples, ...(click && clickId.trim() ? { [click]: clickId.trim() } : {}) };
  return previewPostbackUrl(url, { samples: values, ...(pixelType ? { pixelType } : {}) }).url;
}
