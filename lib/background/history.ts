import { type HistoryEntry, historyItem } from '../storage/history-items';
import { batchedUpdater } from './serial';

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
  profile: { id: string; name: string };
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

/** Keys that hold an integration's secret (a Meta `access_token`, …): never stored in the history. */
const SECRET_KEY = /token|secret|password|api_?key/i;

/** True for a key whose value is a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A deep copy of a raw postback without any secret-looking key, at any depth. */
export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, v]) => [key, stripSecrets(v)]),
  );
}

function stripped(raw: Readonly<Record<string, unknown>> | null): Record<string, unknown> | null {
  return raw ? (stripSecrets(raw) as Record<string, unknown>) : null;
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
    before: stripped(w.before),
    after: stripped(w.after),
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
