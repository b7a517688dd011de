import { ok, type Result } from '../result';
import type { Page } from './schemas/offers';

/**
 * Read a paged list to the end: until the rows read reach the server's `total_count`, or a page comes back
 * empty, or (with no total) shorter than the page size the server says it used, and at most `maxPages` pages.
 * Never judged by the page size asked for: a server that caps it lower still returns every page.
 */
export async function collectPages<P extends Page<unknown>, E>(
  fetchPage: (page: number) => Promise<Result<P, E>>,
  maxPages: number,
  /**
   * Sees every page as it comes (e.g. to keep what a page says besides its items). Returns how many rows the
   * page had beyond its items (rows it could not read), so they count towards the total and the page size.
   */
  onPage?: (page: P) => number | undefined,
): Promise<Result<P['items'], E>> {
  const all: P['items'] = [];
  let read = 0;
  for (let page = 1; page <= maxPages; page++) {
    const res = await fetchPage(page);
    if (!res.ok) return res;
    const { items, pageSize, totalCount } = res.value;
    const rows = items.length + (onPage?.(res.value) ?? 0);
    all.push(...items);
    read += rows;
    if (!rows) break;
    if (totalCount !== undefined ? read >= totalCount : rows < pageSize) break;
  }
  return ok(all);
}
