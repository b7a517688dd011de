import * as z from 'zod/mini';
import { PixelView } from '../model/pixel';
import { guardStale } from '../rows/stale-guard';
import type { CacheEntry } from '../storage/schemas';
import { type CacheTx, cacheKeys, cacheTransaction, type StoredPages } from './cache';
import { firesForOffer } from './pixel-mapping';

// The cached postback lists of a profile (`pixels:<profileId>` and `pixels:<profileId>:<query>`), kept right
// when writes and list fetches overlap: a write patches every list at once (only the stored page that holds the
// row is rewritten) and is written to the profile's patch log (`pixelPatches:<profileId>`), and a fetch that
// started before a write stores the written row instead of the stale one it read (`guardStale`). The log lives
// apart from the lists so it also covers a list's very first fetch, when there is no cached list yet.

const PixelList = z.array(PixelView);
/** The patch log: by pixel id, when it was written and what it became (null: deleted). */
const PatchLog = z.record(z.string(), z.object({ at: z.number(), pixel: z.nullable(PixelView) }));
type PatchLog = z.infer<typeof PatchLog>;
/** How long a patch is remembered: far longer than any list fetch can take. */
const PATCH_MEMORY_MS = 10 * 60_000;

/** The rows of a cached list, or undefined when the entry is missing or not a list of pixels. */
export function cachedPixels(entry: CacheEntry | undefined): PixelView[] | undefined {
  const parsed = entry && PixelList.safeParse(entry.value);
  return parsed?.success ? parsed.data : undefined;
}

function isListOf(key: string, profileId: string): boolean {
  const base = cacheKeys.pixels(profileId);
  return key === base || key.startsWith(`${base}:`);
}

/** Whether a row belongs in the list under `key`; undefined when the key's query is not one we know. */
function belongsIn(key: string, profileId: string, pixel: PixelView): boolean | undefined {
  if (key === cacheKeys.pixels(profileId) || key === cacheKeys.networkPixels(profileId, 'all')) return true;
  const offer = /^offer:(\d+)$/.exec(key.slice(cacheKeys.pixels(profileId).length + 1));
  return offer ? firesForOffer(pixel, Number(offer[1])) : undefined;
}

async function recentLog(tx: CacheTx, profileId: string, now: number): Promise<PatchLog> {
  const parsed = PatchLog.safeParse((await tx.read(cacheKeys.pixelPatches(profileId)))?.value);
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, e]) => now - e.at < PATCH_MEMORY_MS));
}

/**
 * The worker's parsed copy of the lists it read or wrote lately, by cache key, each valid while the stored
 * entry has the same revision. Reading 10 000 rows from storage and checking each with zod takes long; while
 * the worker lives, the popup's start and the pages' cached reads skip both.
 */
const parsedLists = new Map<string, { rev: number; rows: PixelView[]; fetchedAt: number }>();
const PARSED_LISTS_KEPT = 4;

function remember(key: string, list: { rev: number; rows: PixelView[]; fetchedAt: number }) {
  parsedLists.delete(key);
  parsedLists.set(key, list);
  for (const old of parsedLists.keys()) {
    if (parsedLists.size <= PARSED_LISTS_KEPT) break;
    parsedLists.delete(old);
  }
}

/** A cached postback list, checked (or the worker's checked copy of it), or undefined when none is cached. */
export function readPixelList(key: string): Promise<{ rows: PixelView[]; fetchedAt: number } | undefined> {
  return cacheTransaction(async (tx) => {
    const rev = tx.rev(key);
    const kept = parsedLists.get(key);
    if (rev && kept?.rev === rev) return kept;
    const entry = await tx.read(key);
    const rows = cachedPixels(entry);
    if (!entry || !rows) {
      parsedLists.delete(key);
      return undefined;
    }
    const list = { rev: entry.rev, rows, fetchedAt: entry.fetchedAt };
    remember(key, list);
    return list;
  });
}

const idOf = (row: unknown) => (row as { id?: unknown } | null)?.id;

/**
 * The pages of one cached list with `pixel` put in (or a deleted id taken out): replaced where it is, added to
 * the first page where it now belongs (newest first), removed where it no longer does. Only changed pages.
 */
function patchPages(
  pages: StoredPages,
  id: number,
  pixel: PixelView | null,
  belongs: boolean | undefined,
): Map<number, unknown[]> {
  const changed = new Map<number, unknown[]>();
  let present = false;
  pages.forEach((page, i) => {
    const at = page.findIndex((row) => idOf(row) === id);
    if (at < 0) return;
    present = true;
    changed.set(
      i,
      pixel && belongs !== false
        ? page.map((row, j) => (j === at ? pixel : row))
        : page.filter((_, j) => j !== at),
    );
  });
  if (!present && pixel && belongs === true) {
    const first = [pixel, ...(pages[0] ?? [])];
    changed.set(
      0,
      first.sort((a, b) => Number(idOf(b)) - Number(idOf(a))),
    );
  }
  return changed;
}

/**
 * Put one changed pixel (or remove a deleted one, given its id) into every cached list of its profile, in one
 * serialised step that rewrites only the pages holding it. The profile's patch log records it, so a fetch
 * already in flight does not bring the old row back.
 */
export function patchPixelLists(profileId: string, pixel: PixelView | number, now: number): Promise<void> {
  const id = typeof pixel === 'number' ? pixel : pixel.id;
  const row = typeof pixel === 'number' ? null : pixel;
  return cacheTransaction(async (tx) => {
    const log = await recentLog(tx, profileId, now);
    const revs = await tx.patchLists(
      (key) => isListOf(key, profileId),
      (key, pages) => patchPages(pages, id, row, row ? belongsIn(key, profileId, row) : false),
    );
    // The worker's copies follow the same patch (no second read, no second check).
    for (const [key, { from, to: rev }] of revs) {
      const kept = parsedLists.get(key);
      if (!kept || kept.rev !== from) {
        parsedLists.delete(key);
        continue;
      }
      const changed = patchPages([kept.rows], id, row, row ? belongsIn(key, profileId, row) : false);
      remember(key, { ...kept, rev, rows: (changed.get(0) as PixelView[] | undefined) ?? kept.rows });
    }
    tx.write(cacheKeys.pixelPatches(profileId), { ...log, [id]: { at: now, pixel: row } }, now);
  });
}

/**
 * Store a freshly fetched list of `profileId` under `key`. Rows written after `startedAt` (the moment the fetch
 * began) are taken from the patch log instead, because the fetch may have read them before the change: kept as
 * written, added if the fetch missed them, dropped if they were deleted or no longer belong in this list.
 */
export function storeFetchedPixels(
  profileId: string,
  key: string,
  fetched: PixelView[],
  startedAt: number,
  now: number,
): Promise<PixelView[]> {
  return cacheTransaction(async (tx) => {
    const log = await recentLog(tx, profileId, now);
    const writes = new Map(Object.entries(log).map(([id, e]) => [Number(id), { at: e.at, row: e.pixel }]));
    const stored = guardStale(fetched, writes, startedAt, (row) =>
      belongsIn(key, profileId, row),
    ) as PixelView[];
    remember(key, { rev: tx.write(key, stored, now), rows: stored, fetchedAt: now });
    return stored;
  });
}
