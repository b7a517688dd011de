// Bulk jobs (issue 17.5): the job runner in-process against the sandbox, with browser storage faked in memory
// (the runner, the history and the cache write through @wxt-dev/storage exactly as in the worker).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BenchRow } from './bench-types';

/**
 * Choices, stated honestly:
 * - Like create.bench.ts, the limit is scaled from Everflow's 5 req/s to 50 req/s with 1-second windows, so the
 *   run takes seconds; the client's limiter paces at the same 50 req/s. The ratio is what counts.
 * - "The worker stopped" is the runner torn down (it records nothing more, its in-flight requests finish or not)
 *   and a new runner started from storage, as the worker's start does.
 * - Storage is the in-memory fake browser, so storage costs of a real browser are not in the figure.
 */
const RATE = 50;
const OFFERS = Number(process.env.BENCH_OFFERS ?? 500);
const URL_ = 'https://trk.example/pb?cid={sub1}&tx={transaction_id}';

(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

async function modules() {
  const [{ makeClientFor }, runner, jobs, items, keys, limiter, find, sandbox, control] = await Promise.all([
    import('../../lib/background/client-for'),
    import('../../lib/background/jobs/runner'),
    import('../../lib/background/services/jobs'),
    import('../../lib/storage/items'),
    import('../../lib/storage/keys'),
    import('../../lib/everflow/limiter'),
    import('../../lib/background/services/find'),
    import('../../sandbox/server'),
    import('../../sandbox/control'),
  ]);
  return {
    makeClientFor,
    ...runner,
    ...jobs,
    ...items,
    ...keys,
    ...limiter,
    ...find,
    ...sandbox,
    ...control,
  };
}
type M = Awaited<ReturnType<typeof modules>>;

async function addProfiles(m: M, baseUrl: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `p${i + 1}`);
  await m.profilesItem.setValue(
    ids.map((id, i) => ({
      id,
      name: `Network ${i + 1}`,
      role: 'affiliate' as const,
      region: 'custom' as const,
      customBaseUrl: baseUrl,
      portalDomains: [],
      keyHint: 'key',
      createdAt: 0,
    })),
  );
  for (const id of ids) await m.setKey(id, m.DEMO_KEYS.affiliate, false);
  return ids;
}

interface ApplyFigures {
  wallMs: number;
  sent: number;
  injected429: number;
  failed: number;
  notDone: number;
  duplicates: number;
  missing: number;
  recoveredAfterStop: number;
}

/** One bulk apply of the template to every runnable offer, the runner stopped `stops` times mid-job. */
async function apply(m: M, baseUrl: string, control: ReturnType<M['createSandboxControl']>, stops: number) {
  fakeBrowser.reset();
  await control.reset();
  const [profileId] = await addProfiles(m, baseUrl, 1);
  await m.templatesItem.setValue([
    {
      id: 't',
      name: 'S2S',
      side: 'affiliate',
      tracker: 'custom',
      deliveryMethod: 'postback',
      pixelType: 'conversion',
      level: 'specific',
      postbackUrl: URL_,
      htmlCode: '',
      delayMs: 0,
      notes: '',
      description: '',
      createdAt: 0,
      updatedAt: 0,
    },
  ]);
  const limiter = m.createLimiter({ ratePerSecond: RATE, windowMs: 1000 });
  const clientFor = m.makeClientFor((i, init) => fetch(i, init), undefined, { limiter });
  let n = 0;
  const deps = { clientFor, now: () => Date.now(), newId: () => `id-${++n}` };
  const offers = await clientFor(profileId as string).then(async (c) => {
    if (!c.ok) throw new Error(c.error.message);
    const r = await c.value.client.affiliate.runnableOffers({ page: 1, pageSize: 500 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.items.slice(0, OFFERS);
  });
  if (offers.length < OFFERS) throw new Error(`only ${offers.length} runnable offers`);
  await control.clearRequests();
  await control.inject({
    kind: 'status',
    status: 429,
    retryAfter: 0,
    ratio: 0.1,
    match: { method: 'POST', path: '/v1/affiliates/pixels' },
  });
  const started = performance.now();
  let runner = m.createJobRunner(deps);
  const job = await m.startApply(
    { templateId: 't', targets: offers.map((o) => ({ profileId: profileId as string, offerId: o.id })) },
    { ...deps, runner },
  );
  if (!job.ok) throw new Error(job.error.message);
  for (let stop = 1; stop <= stops; stop++) {
    // Stop at a third and at two thirds of the creates.
    const at = Math.round((OFFERS * stop) / (stops + 1));
    const loop = runner.kick();
    for (;;) {
      const j = await runner.store.get(job.value.id);
      if ((j?.steps.filter((s) => s.state === 'done').length ?? 0) >= at) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    runner.stop();
    await loop;
    runner = m.createJobRunner(deps);
  }
  await runner.kick();
  const wallMs = performance.now() - started;
  const finished = await runner.store.get(job.value.id);
  const log = await control.requests();
  const pixels = (await control.state()).pixels.filter((p) => p.postback_url === URL_);
  const perOffer = new Map<number, number>();
  for (const p of pixels) perOffer.set(p.network_offer_id, (perOffer.get(p.network_offer_id) ?? 0) + 1);
  return {
    wallMs,
    sent: log.length,
    injected429: log.filter((e) => e.faults.includes('status:429')).length,
    failed: finished?.steps.filter((s) => s.state === 'failed').length ?? -1,
    notDone: finished?.steps.filter((s) => s.state !== 'done').length ?? -1,
    duplicates: [...perOffer.values()].reduce((a, c) => a + (c - 1), 0),
    missing: offers.filter((o) => !perOffer.has(o.id)).length,
    recoveredAfterStop: finished?.steps.filter((s) => /not sent again/.test(s.reason ?? '')).length ?? 0,
  } satisfies ApplyFigures;
}

/** Find across 50 profiles × 200 postbacks: time to the first profile's matches and to all of them. */
async function findAcross(m: M) {
  const sandbox = await m.startSandbox({
    port: 0,
    seed: 'empty',
    pixels: 200,
    rateLimit: { affiliatePerSecond: 10_000, windowSeconds: 1 },
  });
  try {
    fakeBrowser.reset();
    await addProfiles(m, sandbox.baseUrl, 50);
    const clientFor = m.makeClientFor((i, init) => fetch(i, init), undefined, { limiter: 'none' });
    const deps = { clientFor, now: () => Date.now() };
    const time = async (refresh: boolean) => {
      const started = performance.now();
      let first = 0;
      const r = await m.findEverywhere({ text: 'transaction_id', refresh }, deps, (found) => {
        if (found.length && !first) first = performance.now() - started;
      });
      if (!r.ok) throw new Error(r.error.message);
      return { first, all: performance.now() - started, matches: r.value.matches.length };
    };
    const fresh = await time(true);
    const cached = await time(false);
    return { fresh, cached };
  } finally {
    await sandbox.close();
  }
}

export async function bench(): Promise<BenchRow[]> {
  const m = await modules();
  const sandbox = await m.startSandbox({
    port: 0,
    seed: 'empty',
    offers: 600,
    rateLimit: { affiliatePerSecond: RATE, windowSeconds: 1 },
  });
  const rows: BenchRow[] = [];
  try {
    const control = m.createSandboxControl(sandbox.origin);
    for (const stops of [0, 2]) {
      const f = await apply(m, sandbox.baseUrl, control, stops);
      const floorMs = (f.sent / RATE) * 1000;
      const label = `bulk apply ×${OFFERS} offers (job runner, ${RATE} req/s, 10 % injected 429)${stops ? `, runner stopped ${stops}× mid-job` : ''}`;
      rows.push(
        {
          name: `${label}: wall time`,
          value: f.wallMs,
          unit: 'ms',
          baseline: { name: `floor = ${f.sent} requests ÷ ${RATE} req/s`, value: floorMs },
          ratio: f.wallMs / floorMs,
          ...(stops ? {} : { goal: '≤ 1.05× floor', pass: f.wallMs / floorMs <= 1.05 }),
        },
        { name: `${label}: failed steps`, value: f.failed, unit: 'count', goal: '0', pass: f.failed === 0 },
        {
          name: `${label}: duplicates`,
          value: f.duplicates,
          unit: 'count',
          goal: '0',
          pass: f.duplicates === 0,
        },
        {
          name: `${label}: lost (offers without their postback, steps not done)`,
          value: f.missing + f.notDone,
          unit: 'count',
          goal: '0',
          pass: f.missing + f.notDone === 0,
        },
        { name: `${label}: 429s injected`, value: f.injected429, unit: 'count' },
      );
      if (stops) {
        rows.push({
          name: `${label}: creates found saved after a stop (not sent again)`,
          value: f.recoveredAfterStop,
          unit: 'count',
        });
      }
    }
  } finally {
    await sandbox.close();
  }
  const f = await findAcross(m);
  rows.push(
    {
      name: `find across 50 profiles × 200 postbacks, fresh (50 list requests): first match`,
      value: f.fresh.first,
      unit: 'ms',
    },
    { name: `same: all ${f.fresh.matches} matches`, value: f.fresh.all, unit: 'ms' },
    { name: 'same from the cache: first match', value: f.cached.first, unit: 'ms' },
    { name: `same from the cache: all ${f.cached.matches} matches`, value: f.cached.all, unit: 'ms' },
  );
  return rows;
}
