// The write history (issue 17.4) and undo: one recorded write, with the raw Everflow object before and after.
import * as z from 'zod/mini';
import type { PixelView } from './pixel';

export const HISTORY_ACTIONS = ['create', 'update', 'status', 'delete'] as const;
/** Who made the write: the user from a page, a bulk job, or an undo. */
export const HISTORY_SOURCES = ['user', 'job', 'undo'] as const;

/** A raw Everflow postback object as recorded (integration tokens already removed). */
const RawPixel = z.nullable(z.record(z.string(), z.unknown()));

/** One recorded write. `before` is null for a create, `after` null for a delete. */
export const HistoryEntry = z.object({
  id: z.string().check(z.minLength(1)),
  at: z.number(),
  profileId: z.string().check(z.minLength(1)),
  profileName: z.catch(z.string(), ''),
  pixelId: z.number(),
  offerId: z.catch(z.number(), 0),
  action: z.enum(HISTORY_ACTIONS),
  before: z.catch(RawPixel, null),
  after: z.catch(RawPixel, null),
  jobId: z.catch(z.optional(z.string()), undefined),
  source: z.catch(z.enum(HISTORY_SOURCES), 'user'),
  /** Set when this write was undone: the id of the entry recording the undo. */
  undoneBy: z.catch(z.optional(z.string()), undefined),
  /** For an undo: the entry it undid. */
  undoOf: z.catch(z.optional(z.string()), undefined),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** What an undo did, in words for the user, and the history entry that records it. */
export interface UndoReply {
  message: string;
  /** The postback the undo wrote (a re-created postback has a new id). */
  pixelId: number;
  /** Its row as the server answered (absent when the undo deleted it), so an open page shows it at once. */
  pixel?: PixelView;
  entryId?: string;
}
