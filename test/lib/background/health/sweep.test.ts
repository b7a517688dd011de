// @vitest-environment node
// One sweep over a network list longer than one request's pages: paged fully, or reported as partial.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runSweep, type SweptList, sweepOnce } from '../../../../lib/background/health/sweep';
import { SWEEP_MAX_PAGES, sweepDeps } from '../../../../lib/background/services/health';
import type { PixelView } from '../../../../lib/model/pixel';
import { healthRunItem, noticesItem } from '../../../../lib/storage/health';
import type { Profile } from '../../../../lib/storage/schemas';

const pixel = (id: number): PixelView => ({
  id,
  side: 'network',
  status: 'active',
  type: 'conversion',
  level: 'specific',
  deliveryMethod: 'postback',
  postbackUrl: 'https://trk.example.com/pb',
  htmlCode: '',
  delayMs: 0,
  offerId: 11,
  eventId: 0,
});
const profile = { id: 'p1', name: 'net', role: 'network' } as Profile;

beforeEach(() => fakeBrowser.reset());

describe('health sweep of a long list', () => {
  it('a list cut short is reported "partially checked (n of N)" and invents no "created" notices', async () => {
    let list: SweptList = { rows: [pixel(1), pixel(2)] };
    const deps = {
      profiles: async () => [profile],
      list: async () => ({ ok: true as const, value: list }),
      now: Date.now,
    };
    expect((await runSweep(deps)).errors).toEqual([]);
    // Next time only part of the list could be read, and other rows than before are in that part.
    list = { rows: [pixel(1), pixel(3)], incomplete: true, read: 2, total: 6200 };
    const report = await runSweep(deps);
    expect(report.checkedProfiles).toBe(1);
    expect(report.errors).toEqual([
      { profileId: 'p1', message: expect.stringMatching(/^partially checked \(2 of 6200/) },
    ]);
    expect(await noticesItem.getValue()).toEqual([]);
    expect((await healthRunItem.getValue()).errors).toEqual(report.errors);
  });

  it('the sweep pages a network list fully instead of stopping at 10 pages of 500', async () => {
    const asked: unknown[] = [];
    const network = {
      searchAllPixels: async (search: unknown) => {
        asked.push(search);
        return { ok: true, value: { items: [], unreadable: [], truncated: true, total: 7000 } };
      },
    };
    const clientFor = async () => ({ ok: true as const, value: { side: 'network', client: { network } } });
    const r = await sweepDeps({ clientFor: clientFor as never, now: Date.now }).list('p1');
    expect(asked).toEqual([{ maxPages: SWEEP_MAX_PAGES }]);
    expect(SWEEP_MAX_PAGES * 500).toBeGreaterThanOrEqual(100_000);
    expect(r).toMatchObject({ ok: true, value: { incomplete: true, read: 0, total: 7000 } });
  });

  it('"Check now" joining the alarm\'s sweep makes one sweep and one notification', async () => {
    let rows = [pixel(1), pixel(2)];
    let lists = 0;
    const deps = {
      profiles: async () => [profile],
      list: async () => {
        lists++;
        await new Promise((r) => setTimeout(r, 20));
        return { ok: true as const, value: { rows } };
      },
      now: Date.now,
    };
    await runSweep(deps);
    rows = [pixel(1), { ...pixel(2), status: 'inactive' as const }];
    lists = 0;
    const notified: number[] = [];
    const alarm = sweepOnce(deps, async (n) => void notified.push(n));
    const checkNow = sweepOnce(deps, async (n) => void notified.push(n));
    const [a, b] = await Promise.all([alarm, checkNow]);
    expect(a).toBe(b);
    expect(lists).toBe(1);
    expect(notified).toEqual([1]);
  });
});
