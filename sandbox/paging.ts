import { ok } from '../lib/result';
import { type Checked, invalid } from './http-types';

/** Page request read from the query string. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** Everflow's `paging` object. */
export interface Paging {
  page: number;
  page_size: number;
  total_count: number;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 2000;

function readPositive(params: URLSearchParams, name: string, fallback: number, max: number): Checked<number> {
  const raw = params.get(name);
  if (raw === null || raw === '') return ok(fallback);
  if (!/^\d+$/.test(raw)) return invalid(`${name} must be a positive integer`);
  const value = Number(raw);
  if (value < 1) return invalid(`${name} must be a positive integer`);
  if (value > max) return invalid(`${name} must be at most ${max}`);
  return ok(value);
}

/** Read `page` (from 1, default 1) and `page_size` (default 50, at most 2000) from the query string. */
export function readPaging(params: URLSearchParams): Checked<PageRequest> {
  const page = readPositive(params, 'page', 1, Number.MAX_SAFE_INTEGER);
  if (!page.ok) return page;
  const pageSize = readPositive(params, 'page_size', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (!pageSize.ok) return pageSize;
  return ok({ page: page.value, pageSize: pageSize.value });
}

/** Cut one page out of a list. */
export function paginate<T>(items: readonly T[], request: PageRequest): { items: T[]; paging: Paging } {
  const start = (request.page - 1) * request.pageSize;
  return {
    items: items.slice(start, start + request.pageSize),
    paging: { page: request.page, page_size: request.pageSize, total_count: items.length },
  };
}
