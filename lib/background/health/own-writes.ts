/**
 * The extension's own writes, told to the health watch: after a successful create, edit, switch or delete, the
 * postback's snapshot entry follows, so the next sweep does not flag what the user did here. (The snapshot is what
 * tells the extension's writes from Everflow's: an entry it wrote during a sweep wins over that sweep's fetch.)
 */
import { log } from '../../log';
import type { PixelView } from '../../model/pixel';
import { entryOf } from './diff';
import { noticeId, updateHealth } from './store';

/**
 * Record one write of the extension: `pixel` as the server answered it, or the id of a deleted postback. A
 * profile the watch has not swept yet has no snapshot and nothing to update. Never throws: the write itself
 * succeeded, and a failure here only costs a possible false flag.
 */
export async function noteOwnWrite(profileId: string, pixel: PixelView | number, now: number): Promise<void> {
  const id = typeof pixel === 'number' ? pixel : pixel.id;
  try {
    await updateHealth(profileId, (snap, current) => {
      const key = String(id);
      const entry =
        typeof pixel === 'number'
          ? {
              ...(snap?.pixels[key] ?? { status: 'inactive' as const, offerId: 0 }),
              gone: true,
              ownWriteAt: now,
            }
          : entryOf(pixel, now);
      // Switched back on (or deleted) here: its flag has done its job.
      const clears =
        typeof pixel === 'number' || pixel.status === 'active'
          ? new Set([noticeId(profileId, id, 'switched_off')])
          : new Set<string>();
      return {
        ...(snap ? { snapshot: { ...snap, pixels: { ...snap.pixels, [key]: entry } } } : {}),
        ...(clears.size ? { notices: current.filter((n) => !clears.has(n.id)) } : {}),
      };
    });
  } catch (e) {
    log.warn(`health: could not note a write of postback ${id} (${e instanceof Error ? e.name : 'error'})`);
  }
}

/**
 * Record a status switch that failed without a clear answer (a timeout, or the connection lost after sending): the
 * PUT may have landed, so the intended status counts as the extension's own write and the next sweep does not
 * flag it as done elsewhere. Flags are left alone (the switch may not have happened). Never throws.
 */
export async function noteIntendedStatus(
  profileId: string,
  pixelId: number,
  status: 'active' | 'inactive',
  now: number,
): Promise<void> {
  try {
    await updateHealth(profileId, (snap) => {
      if (!snap) return {};
      const key = String(pixelId);
      const before = snap.pixels[key] ?? { status, offerId: 0 };
      return {
        snapshot: { ...snap, pixels: { ...snap.pixels, [key]: { ...before, status, ownWriteAt: now } } },
      };
    });
  } catch (e) {
    log.warn(
      `health: could not note a write of postback ${pixelId} (${e instanceof Error ? e.name : 'error'})`,
    );
  }
}
