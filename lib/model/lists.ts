/** A postback Everflow sent that could not be read: its id when that much was readable, and the field at fault. */
export interface UnreadableRow {
  id?: number;
  /** e.g. `delay_ms`, `relationship.offer`, or `row` when the row was not an object. */
  field: string;
}

/** What a list says about rows it does not show: never a silent gap. */
export interface ListGaps {
  /** Rows Everflow sent that could not be read, listed apart (the readable ones are all shown). */
  unreadable?: UnreadableRow[];
  /** Everflow holds more rows than were read (the page cap): how many, when it said so. */
  total?: number;
  /** True when more rows exist than were read, whether or not Everflow said how many. */
  truncated?: boolean;
}

/** One page of a paged list. */
export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** Rows of this page (or search) that could not be read. */
  unreadable?: UnreadableRow[];
}

/** A list as the cache held it, or freshly fetched. */
export interface Cached<T> {
  value: T;
  fetchedAt: number;
  /** True when `value` came from the cache and a refresh is under way or failed. */
  fromCache: boolean;
}
