import { ok } from '../lib/result';
import { type Checked, invalid } from './http-types';
import { type Body, isObject, requireObject } from './validate/fields';

/** One search term of an `*table` endpoint. */
export interface SearchTerm {
  type: string;
  value: string;
}

/** The search terms and filters of an `offerstable` / `affiliatestable` body. */
export interface TableQuery {
  terms: SearchTerm[];
  filters: Body;
}

/**
 * Read `{query: {search_terms, filters}}`; the top-level `{search_terms, filters}` form is accepted too,
 * since Everflow's table docs show both. `allowedTypes` lists the search types this table knows.
 */
export function readTableQuery(raw: unknown, allowedTypes: readonly string[]): Checked<TableQuery> {
  if (raw === undefined) return ok({ terms: [], filters: {} });
  const body = requireObject(raw);
  if (!body.ok) return body;
  const query = isObject(body.value.query) ? body.value.query : body.value;
  const terms: SearchTerm[] = [];
  const rawTerms = query.search_terms;
  if (rawTerms !== undefined && rawTerms !== null) {
    if (!Array.isArray(rawTerms)) return invalid('search_terms must be an array');
    for (const [index, term] of rawTerms.entries()) {
      if (!isObject(term)) return invalid(`search_terms[${index}] must be an object`);
      if (typeof term.search_type !== 'string' || !allowedTypes.includes(term.search_type)) {
        return invalid(`search_terms[${index}].search_type must be one of: ${allowedTypes.join(', ')}`);
      }
      if (typeof term.value !== 'string' && typeof term.value !== 'number') {
        return invalid(`search_terms[${index}].value must be a string or a number`);
      }
      terms.push({ type: term.search_type, value: String(term.value).trim() });
    }
  }
  const filters = query.filters;
  if (filters !== undefined && filters !== null && !isObject(filters))
    return invalid('filters must be an object');
  return ok({ terms, filters: isObject(filters) ? filters : {} });
}

/** Whether a name search matches: case-insensitive substring of the name, or the exact id. */
export function nameMatches(name: string, id: number, value: string): boolean {
  return name.toLowerCase().includes(value.toLowerCase()) || String(id) === value;
}

/** Read an optional array-of-integers filter. */
export function readIdList(filters: Body, field: string): Checked<number[] | undefined> {
  const value = filters[field];
  if (value === undefined || value === null) return ok(undefined);
  if (!Array.isArray(value) || !value.every((id) => Number.isInteger(id))) {
    return invalid(`filters.${field} must be an array of integers`);
  }
  return ok(value.length > 0 ? (value as number[]) : undefined);
}
