import { ok, type Result } from '../result';
import type { Page } from './schemas/offers';

/**
 * Read a paged list to the end: until the items collected reach the server's `total_count`, or a page comes
 * back empty, or (with no total) shorter than the page size the server says it used, and at most `maxPages`
 * pages. Never judged by the page size asked for: a server that caps it lower still returns every page.
 */
export async function collectPages<T, E>(
  fetchPage: (page: number) => Promise<Result<Page<T>, E>>,
  maxPages: number,
): Promise<Result<T[], E>> {
  const all: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const res = await fetchPage(page);
    if (!res.ok) return res;
    const { items, pageSize, totalCount } = res.value;
    all.push(...items);
    if (!items.length) break;
    if (totalCount !== undefined ? all.length >= totalCount : items.length < pageSize) break;
  }
  return ok(all);
}
