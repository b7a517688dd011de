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
 * Pages of 500 a sweep reads from a network's list: in effect all of them (500 000 postbacks). The cap only keeps a
 * server that never says it is done from holding the sweep forever; a list cut there is reported as partial.
 */
export const SWEEP_MAX_PAGES = 1000;

/** How long "Check now" waits for one answer from Everflow before reporting that profile as not checked. */
export const CHECK_NOW_NO_ANSWER_MS = 10_000;
/** Profiles "Check now" checks at once (each key keeps its own rate limit; one hung profile holds up no other). */
const CHECK_NOW_PROFILES_AT_ONCE = 4;

/**
 * Who runs the sweep. `background` (the alarm): no end-to-end deadline, each request keeps the client's timeout
 * and retries, since a big list takes longer than a user would wait. `interactive` ("Check now"): a request with no
 * answer within 10 s fails at once, without retries, so a hung profile is reported within about 10 s while the
 * others are still checked (several at once).
 */
export type SweepMode = 'background' | 'interactive';

/**
 * The sweep's dependencies over the real clients: every profile, every postback (all pages), through the client's
 * shared limiter. The sweep does not go through the page cache: rewriting the cache for every profile would cost
 * more than the requests themselves (measured in test/bench/health.bench.ts).
 */
export function sweepDeps(deps: PixelDeps, mode: SweepMode = 'background'): SweepDeps {
  const interactive = mode === 'interactive';
  return {
    profiles: () => profilesItem.getValue(),
    list: async (profileId) => {
      const c = await deps.clientFor(
        profileId,
        interactive
          ? { deadlineMs: null, requestTimeoutMs: CHECK_NOW_NO_ANSWER_MS, retries: 0 }
          : { deadlineMs: null },
      );
      if (!c.ok) return c;
      const r =
        c.value.side === 'affiliate'
          ? await c.value.client.affiliate.listPixels()
          : await c.value.client.network.searchAllPixels({ maxPages: SWEEP_MAX_PAGES });
      if (!r.ok) {
        if (interactive && r.error.kind === 'timeout')
          return err({
            kind: 'timeout',
            message: `no answer within ${CHECK_NOW_NO_ANSWER_MS / 1000} s. Everflow may be slow or down; try again later (the periodic check keeps trying).`,
          });
        return err(appError(r.error));
      }
      // An unreadable row or the page cap hides postbacks that may still exist: they are not "deleted".
      const { items, unreadable } = r.value;
      const total = 'total' in r.value && typeof r.value.total === 'number' ? r.value.total : undefined;
      return ok({
        rows: items.map(toPixelView),
        unreadableIds: unreadable.flatMap((u) => (u.id === undefined ? [] : [u.id])),
        incomplete:
          ('truncated' in r.value && r.value.truncated === true) ||
          unreadable.some((u) => u.id === undefined),
        read: items.length + unreadable.length,
        ...(total === undefined ? {} : { total }),
      });
    },
    now: deps.now,
    ...(interactive ? { concurrency: CHECK_NOW_PROFILES_AT_ONCE } : {}),
  };
}

/**
 * How long "Check now" waits for a check before it answers that the check goes on in the background: a little
 * over the time a hung profile takes to be reported, so that report is seen.
 */
export const CHECK_NOW_WAIT_MS = CHECK_NOW_NO_ANSWER_MS + 2_000;

/**
 * Run the check at once (or join the one under way), then answer like `healthList`. `mode` says who asked: the
 * user's "Check now" (default) or the alarm. The user's call waits at most `waitMs`: joining an alarm's sweep of
 * many profiles (no end-to-end deadline) must not leave "Checking…" on screen for minutes.
 */
export async function healthCheckNow(
  deps: PixelDeps,
  onFlagged?: (count: number) => Promise<void>,
  mode: SweepMode = 'interactive',
  waitMs = CHECK_NOW_WAIT_MS,
): Promise<Result<HealthReply, AppError>> {
  const sweep = sweepOnce(sweepDeps(deps, mode), onFlagged);
  if (mode === 'background') {
    await sweep;
    return healthList();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), waitMs);
  });
  const first = await Promise.race([sweep.then(() => 'done' as const), outOfTime]);
  clearTimeout(timer);
  if (first === 'late') {
    return err({
      kind: 'timeout',
      message: `The check is still running in the background (it has taken over ${Math.round(waitMs / 1000)} s). Its results show here when it ends: press Check now again in a moment.`,
    });
  }
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
