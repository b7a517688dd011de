import { ok, type Result } from '../result';
import type { EverflowError } from './errors';
import { describeShapeError, type HttpOk } from './http';
import { type AffiliatePixelRead, affiliatePixelReadSchema } from './schemas/affiliate-pixel';
import type { Realm } from './schemas/enums';
import { type NetworkPixelRead, networkPixelReadSchema } from './schemas/network-pixel';
import type { Page } from './schemas/offers';
import { PIXEL_ID_KEYS } from './schemas/pixel-shared';
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

/** A row of a list answer that could not be read: its id when that much is readable, and the field at fault. */
export interface UnreadablePixel {
  id?: number;
  /** Its offer, when readable: a list filtered by offer here (the affiliate list) keeps only its own. */
  offerId?: number;
  /** The field that was wrong (`delay_ms`, `relationship.offer`), or `row` when the row is not an object. */
  field: string;
}

/** The rows of a list answer: every readable one, and the unreadable ones listed apart. */
export interface PixelRows {
  items: Postback[];
  unreadable: UnreadablePixel[];
}

/** A whole number, or a string of digits, as a number. */
function wholeNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

/** The id of a raw row, when it has a readable one. */
function rawId(row: Record<string, unknown>): number | undefined {
  for (const key of PIXEL_ID_KEYS) {
    const id = wholeNumber(row[key]);
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * Reads a list answer row by row: a row the read schema refuses (after its repairs, `pixel-shared.ts`) is
 * listed apart with its id and field instead of failing the whole list, so one bad row never empties it.
 */
export function readPixelRows(rows: readonly unknown[], realm: Realm): PixelRows {
  const schema = realm === 'affiliate' ? affiliatePixelReadSchema : networkPixelReadSchema;
  const out: PixelRows = { items: [], unreadable: [] };
  for (const row of rows) {
    const raw = asRecord(row);
    const parsed = row && typeof row === 'object' && !Array.isArray(row) ? schema.safeParse(row) : undefined;
    if (parsed?.success) {
      out.items.push(toPostback(parsed.data, raw, realm));
      continue;
    }
    const id = rawId(raw);
    const offerId = wholeNumber(raw.network_offer_id);
    const field = parsed ? describeShapeError(parsed.error).field : 'row';
    out.unreadable.push({
      ...(id === undefined ? {} : { id }),
      ...(offerId === undefined ? {} : { offerId }),
      field,
    });
  }
  return out;
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
