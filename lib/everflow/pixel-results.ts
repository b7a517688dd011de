import type { Realm } from '../model/vocabulary';
import { ok, type Result } from '../result';
import type { EverflowError } from './errors';
import type { HttpOk } from './http';
import type { AffiliatePixelRead } from './schemas/affiliate-pixel';
import type { NetworkPixelRead } from './schemas/network-pixel';
import type { Page } from './schemas/offers';
import { type Postback, toPostback } from './schemas/postback';

/** Helpers that turn validated HTTP answers into the internal model. */

type PixelRead = AffiliatePixelRead | NetworkPixelRead;

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** One pixel answer → Postback (raw kept exactly as received). */
export function onePixel(
  res: Result<HttpOk<PixelRead>, EverflowError>,
  realm: Realm,
): Result<Postback, EverflowError> {
  return res.ok ? ok(toPostback(res.value.data, asRecord(res.value.raw), realm)) : res;
}

/** The raw pixel objects of a list answer, whichever documented wrapper it used. */
export function rawPixels(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  const pixels = asRecord(raw).pixels;
  return Array.isArray(pixels) ? pixels : [];
}

/** A validated list of pixels plus its raw JSON → Postbacks. */
export function manyPixels(pixels: readonly PixelRead[], raw: unknown, realm: Realm): Postback[] {
  const raws = rawPixels(raw);
  return pixels.map((pixel, i) => toPostback(pixel, asRecord(raws[i]), realm));
}

/** A paging block (or the request's own numbers when the server sent none) → Page. */
export function toPage<T>(
  items: T[],
  paging:
    | { page?: number | undefined; page_size?: number | undefined; total_count?: number | undefined }
    | undefined,
  asked: { page?: number | undefined; pageSize?: number | undefined },
): Page<T> {
  const page: Page<T> = {
    items,
    page: paging?.page ?? asked.page ?? 1,
    pageSize: paging?.page_size ?? asked.pageSize ?? items.length,
  };
  if (paging?.total_count !== undefined) page.totalCount = paging.total_count;
  return page;
}
