import { ok } from '../lib/result';
import { type Checked, invalid } from './http-types';
import { NETWORK_DELIVERY_METHODS, type PixelRecord } from './model';

/** A test applied to each pixel of a list. */
export type PixelPredicate = (pixel: Readonly<PixelRecord>) => boolean;

const NUMERIC_FIELDS = [
  'network_offer_id',
  'network_affiliate_id',
  'network_offer_payout_revenue_id',
  'time_created',
  'time_saved',
] as const;
type NumericField = (typeof NUMERIC_FIELDS)[number];

const ENUM_FIELDS: Record<string, readonly string[]> = {
  pixel_status: ['active', 'inactive'],
  pixel_type: ['conversion', 'post_conversion', 'event', 'cpc'],
  delivery_method: NETWORK_DELIVERY_METHODS,
};

/** Map either spelling of the event type to the stored one. */
export function storedType(value: string): string {
  return value === 'post_conversion' ? 'event' : value;
}

function enumPredicate(field: string, value: string): Checked<PixelPredicate> {
  const allowed = ENUM_FIELDS[field] ?? [];
  if (!allowed.includes(value)) return invalid(`${field} must be one of: ${allowed.join(', ')}`);
  const wanted = field === 'pixel_type' ? storedType(value) : value;
  return ok((pixel) => (pixel as unknown as Record<string, unknown>)[field] === wanted);
}

function numericPredicate(field: NumericField, op: string, raw: string): Checked<PixelPredicate> {
  if (!/^\d+$/.test(raw)) return invalid(`${field} filter value must be an integer`);
  const wanted = Number(raw);
  if (op === '>') return ok((pixel) => pixel[field] > wanted);
  if (op === '<') return ok((pixel) => pixel[field] < wanted);
  return ok((pixel) => pixel[field] === wanted);
}

/** One condition, from either filter style. */
function fieldPredicate(field: string, op: string, value: string): Checked<PixelPredicate> {
  if ((NUMERIC_FIELDS as readonly string[]).includes(field)) {
    return numericPredicate(field as NumericField, op, value);
  }
  if (field in ENUM_FIELDS) {
    if (op !== '=') return invalid(`filter on ${field} only supports =`);
    return enumPredicate(field, value);
  }
  return invalid(`Unknown filter field: ${field}`);
}

/**
 * Read both documented list-filter styles: the old repeatable `?filter=<field><op><value>` (ops `=`, `>`, `<`)
 * and plain query parameters (`?pixel_status=active`) for the names in `plainFields`.
 */
export function readListFilters(
  params: URLSearchParams,
  plainFields: readonly string[],
): Checked<PixelPredicate[]> {
  const predicates: PixelPredicate[] = [];
  for (const filter of params.getAll('filter')) {
    const parsed = /^([a-z_]+)([=<>])(.*)$/.exec(filter);
    if (!parsed) return invalid(`filter must look like field=value, field>value or field<value: ${filter}`);
    const predicate = fieldPredicate(parsed[1] ?? '', parsed[2] ?? '=', parsed[3] ?? '');
    if (!predicate.ok) return predicate;
    predicates.push(predicate.value);
  }
  for (const field of plainFields) {
    const value = params.get(field);
    if (value === null || value === '') continue;
    const predicate = fieldPredicate(field, '=', value);
    if (!predicate.ok) return predicate;
    predicates.push(predicate.value);
  }
  return ok(predicates);
}

/** Keep the pixels that pass every predicate. */
export function applyFilters<T extends Readonly<PixelRecord>>(
  pixels: readonly T[],
  predicates: PixelPredicate[],
): T[] {
  return pixels.filter((pixel) => predicates.every((test) => test(pixel)));
}
