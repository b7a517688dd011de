/**
 * One health-watch sweep (issue 18.1): list every profile's postbacks, all pages, compare with the last snapshot,
 * and note what changed outside the extension. Profiles are swept one after another; every request goes through
 * the client's shared limiter for that key, so a sweep stays inside each network's rate limit however many
 * postbacks there are, and pages the user opens meanwhile pace together with it.
 */

import type { AppError } from '../../model/errors';
import type { Notice } from '../../model/health';
import type { PixelView } from '../../model/pixel';
import type { Result } from '../../result';
import { healthRunItem } from '../../storage/health';
import type { Profile } from '../../storage/schemas';
import { diffSnapshot, type ListGap } from './diff';
import { mergeNotices, noticeFor, noticeId, updateHealth } from './store';

/** One profile's postbacks as a sweep read them. */
export interface SweptList extends ListGap {
  rows: PixelView[];
  /** With `incomplete`: rows read (readable or not) and, when the server said, how many it holds. */
  read?: number;
  total?: number;
}

/** What a sweep reads and writes through: the profiles, each profile's list, a clock. */
export interface SweepDeps {
  profiles: () => Promise<readonly Profile[]>;
  /** Every postback of a profile, fresh (all pages), and what the list could not show. */
  list: (profileId: string) => Promise<Result<SweptList, AppError>>;
  now: () => number;
  /** Profiles swept at once (default 1: one after another). */
  concurrency?: number;
}

/** What one sweep did: profiles checked, new flags, and the profiles it could not check (or only in part). */
export interface SweepReport {
  checkedProfiles: number;
  /** Flags raised by this sweep (postbacks switched off outside the extension). */
  newlyFlagged: Notice[];
  errors: Array<{ profileId: string; message: string }>;
}

/** What one profile's sweep found: the new flags, and why it was only partly checked, if it was. */
interface ProfileSwept {
  flagged: Notice[];
  partial?: string;
}

/** Words for a list cut short: how much of it was compared. */
export function partialMessage(list: SweptList): string {
  const of = list.total === undefined ? 'more' : String(list.total);
  return `partially checked (${list.read ?? list.rows.length} of ${of} postbacks): the rest could not be read, so nothing is said about them.`;
}

/** Sweep one profile: fetch, diff, store. Returns the new flags. */
async function sweepProfile(profileId: string, deps: SweepDeps): Promise<Result<ProfileSwept, AppError>> {
  const startedAt = deps.now();
  const listed = await deps.list(profileId);
  if (!listed.ok) return listed;
  const now = deps.now();
  let flagged: Notice[] = [];
  await updateHealth(profileId, (snapshot, notices) => {
    const d = diffSnapshot(snapshot, listed.value.rows, startedAt, now, listed.value);
    flagged = d.switchedOff.map((p) => noticeFor(profileId, p.id, 'switched_off', p, now));
    const add = [
      ...flagged,
      ...d.deleted.map((x) => noticeFor(profileId, x.id, 'deleted', x.entry, now)),
      ...d.created.map((p) => noticeFor(profileId, p.id, 'created', p, now)),
    ];
    const drop = new Set([
      ...d.switchedOn.map((p) => noticeId(profileId, p.id, 'switched_off')),
      ...d.deleted.map((x) => noticeId(profileId, x.id, 'switched_off')),
    ]);
    // A flag already standing keeps its first "noticed" time; only really new ones are reported.
    const standing = new Set(notices.map((n) => n.id));
    flagged = flagged.filter((n) => !standing.has(n.id));
    return { snapshot: d.next, notices: mergeNotices(notices, add, drop) };
  });
  return {
    ok: true,
    value: { flagged, ...(listed.value.incomplete ? { partial: partialMessage(listed.value) } : {}) },
  };
}

/** Sweep every profile. Profiles removed since the last sweep lose their snapshot and notices. */
export async function runSweep(deps: SweepDeps): Promise<SweepReport> {
  const profiles = await deps.profiles();
  const report: SweepReport = { checkedProfiles: 0, newlyFlagged: [], errors: [] };
  const results: Array<Result<ProfileSwept, AppError>> = [];
  let next = 0;
  const worker = async () => {
    while (next < profiles.length) {
      const i = next++;
      results[i] = await sweepProfile(profiles[i]!.id, deps);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 1) }, worker));
  // Reported in the profiles' order, whatever order they finished in.
  for (const [i, p] of profiles.entries()) {
    const r = results[i]!;
    if (r.ok) {
      report.checkedProfiles++;
      report.newlyFlagged.push(...r.value.flagged);
      // Checked, but not all of it: the run says so with the errors the pages show.
      if (r.value.partial) report.errors.push({ profileId: p.id, message: r.value.partial });
    } else {
      report.errors.push({ profileId: p.id, message: r.error.message });
    }
  }
  const ids = new Set(profiles.map((p) => p.id));
  const before = await healthRunItem.getValue();
  for (const gone of before.profileIds.filter((id) => !ids.has(id)))
    await updateHealth(gone, () => ({ snapshot: null }));
  await updateHealth(undefined, (_s, notices) => ({ notices: notices.filter((n) => ids.has(n.profileId)) }));
  await healthRunItem.setValue({ lastCheckAt: deps.now(), errors: report.errors, profileIds: [...ids] });
  return report;
}

let running: Promise<SweepReport> | undefined;

/**
 * Run a sweep, or join the one under way (an alarm and "Check now" at once make one sweep). `onFlagged` hears of
 * new flags once per sweep, from the sweep itself: a caller that joins does not notify a second time.
 */
export function sweepOnce(
  deps: SweepDeps,
  onFlagged?: (count: number) => Promise<void>,
): Promise<SweepReport> {
  running ??= runSweep(deps)
    .then(async (report) => {
      if (report.newlyFlagged.length && onFlagged) await onFlagged(report.newlyFlagged.length);
      return report;
    })
    .finally(() => {
      running = undefined;
    });
  return running;
}
