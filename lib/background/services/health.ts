/**
 * The health watch's service (issue 18.1): what the pages show ("Needs attention"), "Check now", dismiss, and
 * "Switch back on".
 */

import type { AppError } from '../../model/errors';
import type { HealthReply, NoticeView } from '../../model/health';
import { DEFAULT_HEALTH_WATCH } from '../../model/settings';
import { err, ok, type Result } from '../../result';
import { healthRunItem, noticesItem } from '../../storage/health';
import { profilesItem, settingsItem } from '../../storage/items';
import { appError } from '../app-error';
import { updateHealth } from '../health/store';
import { type SweepDeps, sweepOnce } from '../health/sweep';
import { toPixelView } from '../pixel-mapping';
import { type PixelDeps, setPixelStatus } from './pixels';

/** What the pages show. */
export async function healthList(): Promise<Result<HealthReply, AppError>> {
  const [notices, run, profiles, settings] = await Promise.all([
    noticesItem.getValue(),
    healthRunItem.getValue(),
    profilesItem.getValue(),
    settingsItem.getValue(),
  ]);
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const views: NoticeView[] = notices.flatMap((n) => {
    const p = byId.get(n.profileId);
    return p ? [{ ...n, profileName: p.name, side: p.role }] : [];
  });
  return ok({
    notices: views,
    flagged: views.filter((n) => n.kind === 'switched_off').length,
    ...(run.lastCheckAt === undefined ? {} : { lastCheckAt: run.lastCheckAt }),
    errors: run.errors.map((e) => ({ ...e, profileName: byId.get(e.profileId)?.name ?? e.profileId })),
    enabled: (settings.healthWatch ?? DEFAULT_HEALTH_WATCH).enabled,
  });
}

/**
 * The sweep's dependencies over the real clients: every profile, every postback (all pages), through the client's
 * shared limiter. The sweep does not go through the page cache: rewriting the cache for every profile would cost
 * more than the requests themselves (measured in test/bench/health.bench.ts).
 */
export function sweepDeps(deps: PixelDeps): SweepDeps {
  return {
    profiles: () => profilesItem.getValue(),
    list: async (profileId) => {
      // A background sweep: no end-to-end deadline (a big list takes longer than 10 s at the key's pace); each
      // request keeps its own timeout and retries.
      const c = await deps.clientFor(profileId, { deadlineMs: null });
      if (!c.ok) return c;
      const r =
        c.value.side === 'affiliate'
          ? await c.value.client.affiliate.listPixels()
          : await c.value.client.network.searchAllPixels({});
      if (!r.ok) return err(appError(r.error));
      // An unreadable row or the page cap hides postbacks that may still exist: they are not "deleted".
      const { items, unreadable } = r.value;
      return ok({
        rows: items.map(toPixelView),
        unreadableIds: unreadable.flatMap((u) => (u.id === undefined ? [] : [u.id])),
        incomplete:
          ('truncated' in r.value && r.value.truncated === true) ||
          unreadable.some((u) => u.id === undefined),
      });
    },
    now: deps.now,
  };
}

/** Run the check at once (or join the one under way), then answer like `healthList`. */
export async function healthCheckNow(
  deps: PixelDeps,
  onFlagged?: (count: number) => Promise<void>,
): Promise<Result<HealthReply, AppError>> {
  const report = await sweepOnce(sweepDeps(deps));
  if (report.newlyFlagged.length && onFlagged) await onFlagged(report.newlyFlagged.length);
  return healthList();
}

/** Dismiss one notice (the user saw it; nothing changes on Everflow). */
export async function healthDismiss(id: string): Promise<Result<HealthReply, AppError>> {
  await updateHealth(undefined, (_s, notices) => ({ notices: notices.filter((n) => n.id !== id) }));
  return healthList();
}

/** "Switch back on": one click sets the flagged postback active; the write's own hook clears the flag. */
export async function healthSwitchOn(id: string, deps: PixelDeps): Promise<Result<HealthReply, AppError>> {
  const notice = (await noticesItem.getValue()).find((n) => n.id === id);
  if (notice?.kind !== 'switched_off')
    return err({ kind: 'not_found', message: 'That notice is gone: the list was updated. Check again.' });
  const r = await setPixelStatus(
    { profileId: notice.profileId, pixelId: notice.pixelId, status: 'active' },
    deps,
  );
  if (!r.ok) return r;
  return healthList();
}
