import { ok } from '../lib/result';
import { type Checked, invalid } from './http-types';
import { NETWORK_DELIVERY_METHODS } from './model';
import { type PixelPredicate, storedType } from './pixel-filters';
import { type Body, isObject, requireObject } from './validate/fields';

const SEARCH_TYPES = ['pixel_id', 'description', 'payload'] as const;
const TYPES = ['conversion', 'post_conversion', 'event', 'cpc'];

function searchTermPredicate(term: unknown, index: number): Checked<PixelPredicate> {
  if (!isObject(term)) return invalid(`search_terms[${index}] must be an object`);
  const type = term.search_type;
  const raw = term.value;
  if (typeof type !== 'string' || !(SEARCH_TYPES as readonly string[]).includes(type)) {
    return invalid(`search_terms[${index}].search_type must be one of: ${SEARCH_TYPES.join(', ')}`);
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    return invalid(`search_terms[${index}].value must be a string or a number`);
  }
  const value = String(raw).trim();
  if (type === 'pixel_id') {
    if (!/^\d+$/.test(value)) return invalid(`search_terms[${index}].value must be a pixel id`);
    const id = Number(value);
    return ok((pixel) => pixel.network_pixel_id === id);
  }
  const needle = value.toLowerCase();
  if (type === 'description') return ok((pixel) => pixel.description.toLowerCase().includes(needle));
  // A payload search looks inside whatever fires: the postback URL or the HTML code.
  return ok(
    (pixel) =>
      pixel.postback_url.toLowerCase().includes(needle) || pixel.html_code.toLowerCase().includes(needle),
  );
}

function readIds(filters: Body, field: string): Checked<number[]> {
  const value = filters[field];
  if (value === undefined || value === null) return ok([]);
  if (!Array.isArray(value) || !value.every((id) => Number.isInteger(id))) {
    return invalid(`filters.${field} must be an array of integers`);
  }
  return ok(value as number[]);
}

function readFilterPredicates(filters: Body): Checked<PixelPredicate[]> {
  const predicates: PixelPredicate[] = [];
  // The docs name the status filter `offer_status` in the field list and `status` in the example: take both.
  for (const key of ['status', 'offer_status']) {
    const status = filters[key];
    if (status === undefined || status === null || status === '') continue;
    if (status !== 'active' && status !== 'inactive')
      return invalid(`filters.${key} must be active or inactive`);
    predicates.push((pixel) => pixel.pixel_status === status);
  }
  const type = filters.pixel_type;
  if (type !== undefined && type !== null && type !== '') {
    if (typeof type !== 'string' || !TYPES.includes(type)) {
      return invalid(`filters.pixel_type must be one of: ${TYPES.join(', ')}`);
    }
    predicates.push((pixel) => pixel.pixel_type === storedType(type));
  }
  const offers = readIds(filters, 'network_offer_ids');
  if (!offers.ok) return offers;
  if (offers.value.length > 0) {
    // A Set: a bulk screen may filter 20 000 rows by 500 offers.
    const ids = new Set(offers.value);
    // A global postback targets every offer, so an offer filter still returns it.
    predicates.push((pixel) => pixel.pixel_level === 'global' || ids.has(pixel.network_offer_id));
  }
  const affiliates = readIds(filters, 'network_affiliate_ids');
  if (!affiliates.ok) return affiliates;
  if (affiliates.value.length > 0) {
    const ids = new Set(affiliates.value);
    // A global_offer postback fires for every partner, so a partner filter still returns it.
    predicates.push((pixel) => pixel.pixel_level === 'global_offer' || ids.has(pixel.network_affiliate_id));
  }
  const methods = filters.delivery_methods;
  if (methods !== undefined && methods !== null) {
    const allowed: readonly string[] = NETWORK_DELIVERY_METHODS;
    if (!Array.isArray(methods) || !methods.every((m) => typeof m === 'string' && allowed.includes(m))) {
      return invalid(`filters.delivery_methods must be an array of: ${allowed.join(', ')}`);
    }
    if (methods.length > 0) predicates.push((pixel) => methods.includes(pixel.delivery_method));
  }
  return ok(predicates);
}

/**
 * Read a `pixelstable` body: `{query: {search_terms: [...], filters: {...}}}`. Every term and filter must hold
 * (AND). An empty or missing body means "everything". Unknown filter keys are ignored.
 */
export function readPixelSearch(raw: unknown): Checked<PixelPredicate[]> {
  if (raw === undefined) return ok([]);
  const body = requireObject(raw);
  if (!body.ok) return body;
  const query = body.value.query;
  if (query === undefined || query === null) return ok([]);
  if (!isObject(query)) return invalid('query must be an object');
  const predicates: PixelPredicate[] = [];
  const terms = query.search_terms;
  if (terms !== undefined && terms !== null) {
    if (!Array.isArray(terms)) return invalid('query.search_terms must be an array');
    for (const [index, term] of terms.entries()) {
      const predicate = searchTermPredicate(term, index);
      if (!predicate.ok) return predicate;
      predicates.push(predicate.value);
    }
  }
  const filters = query.filters;
  if (filters !== undefined && filters !== null) {
    if (!isObject(filters)) return invalid('query.filters must be an object');
    const more = readFilterPredicates(filters);
    if (!more.ok) return more;
    predicates.push(...more.value);
  }
  return ok(predicates);
}
