import type { PixelChanges } from '../../everflow/roundtrip';
import type { AppError } from '../../model/errors';
import type { HistoryEntry, UndoReply } from '../../model/history';
import { err, ok, type Result } from '../../result';
import { appError } from '../client-for';
import { noteOwnWrite } from '../health/own-writes';
import { listHistory, recordWrite, type WriteOrigin } from '../history';
import { patchPixelLists } from '../pixel-cache';
import { toPixelView } from '../pixel-mapping';
import { unchangedSince, withoutReadOnly, withSecretsFrom, writableFields } from '../undo-helpers';
import type { PixelDeps } from './pixels';

const changedError = (entry: HistoryEntry): AppError => ({
  kind: 'changed',
  message: `Postback ${entry.pixelId} has changed since this write. Undo anyway (the later changes are lost)?`,
});

/**
 * Undo one recorded write: a toggle or edit puts the previous object back through the round trip, a create is
 * deleted (network) or switched off (affiliate keys cannot delete), a delete is re-created (with a new id). Refuses
 * with kind `changed` when the postback changed since the write, unless `confirm`.
 */
export async function undoWrite(
  input: { entryId: string; confirm?: boolean; origin?: WriteOrigin },
  deps: PixelDeps,
): Promise<Result<UndoReply, AppError>> {
  const entry = (await listHistory()).find((e) => e.id === input.entryId);
  if (!entry) return err({ kind: 'not_found', message: 'That write is no longer in the history.' });
  if (entry.undoneBy) return err({ kind: 'already_undone', message: 'This write was already undone.' });
  const c = await deps.clientFor(entry.profileId);
  if (!c.ok) return c;
  const { side, client, profile } = c.value;
  const origin: WriteOrigin = { ...(input.origin ?? { source: 'undo' }), undoOf: entry.id };
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const remember = (w: Omit<Parameters<typeof recordWrite>[0], 'profile' | 'origin'>) =>
    recordWrite({ ...w, profile, origin }, { now: deps.now, newId });

  if (entry.action === 'delete') {
    if (!entry.before) return err({ kind: 'bad_request', message: 'The deleted postback was not recorded.' });
    if (side !== 'network')
      return err({ kind: 'bad_request', message: 'Only network keys delete postbacks.' });
    const body = writableFields(entry.before, 'network');
    const r = await client.network.createPixel(body as Parameters<typeof client.network.createPixel>[0]);
    if (!r.ok) return err(appError(r.error));
    const pixel = toPixelView(r.value.pixel);
    await patchPixelLists(profile.id, pixel, deps.now());
    await noteOwnWrite(profile.id, pixel, deps.now());
    const saved = await remember({
      pixelId: pixel.id,
      offerId: pixel.offerId,
      action: 'create',
      before: null,
      after: r.value.pixel.raw,
    });
    const integration = pixel.deliveryMethod !== 'postback' && pixel.deliveryMethod !== 'html';
    return ok({
      message:
        `Re-created as postback ${pixel.id}: a re-created postback gets a new id (${entry.pixelId} is gone).` +
        (integration ? ' Its access token was never stored: enter it again if it had one.' : ''),
      pixelId: pixel.id,
      pixel,
      ...(saved ? { entryId: saved.id } : {}),
    });
  }

  const current = await client[side].getPixel(entry.pixelId);
  if (!current.ok) return err(appError(current.error));
  if (!input.confirm && (!entry.after || !unchangedSince(current.value.raw, entry.after, side))) {
    return err(changedError(entry));
  }

  if (entry.action === 'create' && side === 'network') {
    const r = await client.network.deletePixel(entry.pixelId);
    if (!r.ok) return err(appError(r.error));
    await patchPixelLists(profile.id, entry.pixelId, deps.now());
    await noteOwnWrite(profile.id, entry.pixelId, deps.now());
    const saved = await remember({
      pixelId: entry.pixelId,
      offerId: entry.offerId,
      action: 'delete',
      before: current.value.raw,
      after: null,
    });
    return ok({
      message: `Deleted postback ${entry.pixelId}.`,
      pixelId: entry.pixelId,
      ...(saved ? { entryId: saved.id } : {}),
    });
  }

  // A create by an affiliate key is switched off: the affiliate API has no delete (api-reference §2.6).
  const changes: PixelChanges =
    entry.action === 'create'
      ? { pixel_status: 'inactive' }
      : entry.action === 'status'
        ? { pixel_status: entry.before?.pixel_status === 'active' ? 'active' : 'inactive' }
        : (withSecretsFrom(withoutReadOnly(entry.before ?? {}, side), current.value.raw) as PixelChanges);
  const r = await client[side].updatePixel(entry.pixelId, changes);
  if (!r.ok) return err(appError(r.error));
  const pixel = toPixelView(r.value);
  await patchPixelLists(profile.id, pixel, deps.now());
  await noteOwnWrite(profile.id, pixel, deps.now());
  const saved = await remember({
    pixelId: pixel.id,
    offerId: pixel.offerId,
    action: entry.action === 'update' ? 'update' : 'status',
    before: current.value.raw,
    after: r.value.raw,
  });
  const message =
    entry.action === 'create'
      ? `Switched postback ${pixel.id} off: affiliate keys cannot delete postbacks (the affiliate API has no delete).`
      : entry.action === 'status'
        ? `Postback ${pixel.id} is ${pixel.status} again.`
        : `Postback ${pixel.id} is back as it was.`;
  return ok({ message, pixelId: pixel.id, pixel, ...(saved ? { entryId: saved.id } : {}) });
}

/**
 * Undo the newest write the user made to one postback (the popup's "Undo" toast, which knows the postback but not
 * the history entry). Refuses like `undoWrite` when the postback changed since.
 */
export async function undoLatest(
  input: { profileId: string; pixelId: number; confirm?: boolean },
  deps: PixelDeps,
): Promise<Result<UndoReply, AppError>> {
  const latest = (await listHistory({ profileId: input.profileId })).find(
    (e) => e.pixelId === input.pixelId && e.source === 'user',
  );
  if (!latest || latest.undoneBy) {
    return err({ kind: 'not_found', message: `There is no write to postback ${input.pixelId} to undo.` });
  }
  return undoWrite({ entryId: latest.id, ...(input.confirm ? { confirm: true } : {}) }, deps);
}
