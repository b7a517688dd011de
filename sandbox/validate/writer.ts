import type { PixelRecord, Realm } from '../model';

/** Who is writing, and (for PUT) the record being replaced. */
export interface PixelWriter {
  realm: Realm;
  /** The caller's partner id in the affiliate realm (ignored for the network realm). */
  partnerId: number;
  /** The record a PUT replaces: fields the writer's realm cannot see are carried over from it. */
  previous?: PixelRecord;
}
