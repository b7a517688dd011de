/** One page of a paged list. */
export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A list as the cache held it, or freshly fetched. */
export interface Cached<T> {
  value: T;
  fetchedAt: number;
  /** True when `value` came from the cache and a refresh is under way or failed. */
  fromCache: boolean;
}
