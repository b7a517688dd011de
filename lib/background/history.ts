import type { HistoryEntry } from '../model/history';
import type { Realm } from '../model/vocabulary';
import { historyItem } from '../storage/history-items';
import { mapSecrets, maskSecret } from '../templates/secret-fields';
import { batchedUpdater } from './serial';
import { withoutReadOnly } from './undo-helpers';

/** The bounds of the history: the last 1 000 writes, and nothing older than 30 days, whichever is smaller. */
export const HISTORY_MAX_ENTRIES = 1000;
export const HISTORY_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Who asked for a write. Pages leave it out (`user`); jobs and undo say so. */
export interface WriteOrigin {
  source: HistoryEntry['source'];
  jobId?: string;
  /** For an undo: the history entry being undone. */
  undoOf?: string;
}

/** One write, as a service reports it. */
export interface WriteRecord {
  /** The profile; with its role, the server-owned keys of `before` and `after` are left out. */
  profile: { id: string; name: string; role?: Realm };
  pixelId: number;
  offerId: number;
  action: HistoryEntry['action'];
  before: Readonly<Record<string, unknown>> | null;
  after: Readonly<Record<string, unknown>> | null;
  origin?: WriteOrigin | undefined;
}

export interface HistoryDeps {
  now: () => number;
  newId: () => string;
}

/**
 * A copy of a raw postback with every secret masked ("••••1234"), at any depth and in key/value rows, by the one
 * rule of lib/templates/secret-fields.ts: an integration token (a Meta `access_token`) never reaches the history
 * unmasked. Masked rather than removed, so an undo knows where a secret was and puts the server's back there.
 */
export function maskedRaw(
  raw: Readonly<Record<string, unknown>> | null,
  realm?: Realm,
): Record<string, unknown> | null {
  if (!raw) return null;
  // The keys the server owns (ids, timestamps, the offer and partner summaries) are never written back, so an undo
  // never needs them; leaving them out halves what each write stores (the pixel id is kept on the entry).
  const kept = realm ? withoutReadOnly(raw, realm) : { ...raw };
  return mapSecrets(kept, (hit) => maskSecret(hit.value));
}

/** Keep the newest `HISTORY_MAX_ENTRIES` entries younger than `HISTORY_MAX_AGE_MS`. */
export function prune(entries: HistoryEntry[], now: number): HistoryEntry[] {
  return entries.filter((e) => now - e.at <= HISTORY_MAX_AGE_MS).slice(0, HISTORY_MAX_ENTRIES);
}

// The only writer of the history item: changes queued while a write is in flight go together in the next one.
const update = batchedUpdater<HistoryEntry[]>(async (fns) => {
  await historyItem.update((entries) => fns.reduce((value, fn) => fn(value), entries));
});

/** Change the history in one serialised read-modify-write (batched with changes queued meanwhile). */
export function updateHistory(fn: (entries: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
  return update(fn);
}

/**
 * Record one write (newest first). Undo entries also mark the entry they undid. Never throws: a history that
 * could not be written must not turn a saved postback into an error.
 */
export async function recordWrite(w: WriteRecord, deps: HistoryDeps): Promise<HistoryEntry | undefined> {
  const entry: HistoryEntry = {
    id: deps.newId(),
    at: deps.now(),
    profileId: w.profile.id,
    profileName: w.profile.name,
    pixelId: w.pixelId,
    offerId: w.offerId,
    action: w.action,
    before: maskedRaw(w.before, w.profile.role),
    after: maskedRaw(w.after, w.profile.role),
    source: w.origin?.source ?? 'user',
    ...(w.origin?.jobId ? { jobId: w.origin.jobId } : {}),
    ...(w.origin?.undoOf ? { undoOf: w.origin.undoOf } : {}),
  };
  try {
    await updateHistory((entries) =>
      prune(
        [entry, ...entries.map((e) => (e.id === w.origin?.undoOf ? { ...e, undoneBy: entry.id } : e))],
        entry.at,
      ),
    );
    return entry;
  } catch {
    return undefined;
  }
}

/** The history, newest first, optionally for one profile and/or one job. */
export async function listHistory(
  filter: { profileId?: string | undefined; jobId?: string | undefined } = {},
): Promise<HistoryEntry[]> {
  const entries = await historyItem.getValue();
  return entries.filter(
    (e) =>
      (filter.profileId === undefined || e.profileId === filter.profileId) &&
      (filter.jobId === undefined || e.jobId === filter.jobId),
  );
}
