// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeClientFor } from '../../../lib/background/client-for';
import { listHistory } from '../../../lib/background/history';
import { createJobRunner } from '../../../lib/background/jobs/runner';
import type { Job } from '../../../lib/model/jobs';
import { createSandboxControl } from '../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { send, startBackground } from './harness';

type R<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { kind: string; message: string; field?: string } };
let sandbox: Sandbox;
const URL_ = 'https://trk.example.com/pb?cid={sub1}&tx={transaction_id}';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'empty', rateLimit: { affiliatePerSecond: 1000 } });
});
afterAll(async () => sandbox.close());
const control = () => createSandboxControl(sandbox.origin);

function value<T>(r: R<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function setup(): Promise<{
  profileId: string;
  templateId: string;
  offers: { id: number; name: string }[];
}> {
  const profileId = value(
    await send<R<{ id: string }>>('profiles.save', {
      name: 'Affiliate',
      role: 'affiliate',
      region: 'custom',
      customBaseUrl: sandbox.baseUrl,
      portalDomains: [],
      apiKey: 'demo-affiliate-key',
    }),
  ).id;
  const templateId = value(
    await send<R<{ id: string }>>('templates.save', {
      name: 'Voluum S2S',
      side: 'affiliate',
      tracker: 'voluum',
      deliveryMethod: 'postback',
      pixelType: 'conversion',
      level: 'specific',
      postbackUrl: URL_,
      htmlCode: '',
      delayMs: 0,
      notes: '',
      description: '',
    }),
  ).id;
  const offers = value(
    await send<R<{ items: { id: number; name: string }[] }>>('offers.list', { profileId, pageSize: 50 }),
  ).items;
  return { profileId, templateId, offers };
}

async function jobs(): Promise<Job[]> {
  return value(await send<R<Job[]>>('jobs.list'));
}

async function until(fn: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const pixelsOn = async (offerId: number) =>
  (await control().state()).pixels.filter((p) => p.network_offer_id === offerId && p.postback_url === URL_);

describe('bulk jobs', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await control().reset();
    await startBackground({ fetch: (i, init) => fetch(i, init) });
  });

  it('previews, runs and reports a bulk apply: created, skipped (equivalent exists) and failed', async () => {
    // One step at a time, so the injected 500s hit one offer's create (and its retry).
    await startBackground({ fetch: (i, init) => fetch(i, init), jobs: { concurrency: 1 } });
    const { profileId, templateId, offers } = await setup();
    const targets = offers.slice(0, 5).map((o) => ({ profileId, offerId: o.id, offerName: o.name }));
    const first = offers[0] as { id: number };
    const second = offers[1] as { id: number };
    await control().createPixel(
      {
        network_offer_id: first.id,
        network_affiliate_id: 7,
        delivery_method: 'postback',
        pixel_level: 'specific',
        pixel_status: 'active',
        pixel_type: 'conversion',
        postback_url: URL_,
      },
      'affiliate',
    );
    const preview = value(
      await send<R<{ action: string; offerId: number }[]>>('jobs.previewApply', { templateId, targets }),
    );
    expect(preview.map((p) => p.action)).toEqual(['skip', 'create', 'create', 'create', 'create']);
    // The second offer's create gets a 500: the client looks once (nothing saved) and never re-POSTs it.
    await control().inject({
      kind: 'status',
      status: 500,
      count: 1,
      match: { method: 'POST', path: '/v1/affiliates/pixels' },
    });
    const job = value(await send<R<Job>>('jobs.startApply', { templateId, targets }));
    await until(async () => (await jobs())[0]?.state === 'done');
    let done = (await jobs())[0] as Job;
    expect(done.steps.map((s) => s.state)).toEqual(['skipped', 'failed', 'done', 'done', 'done']);
    expect(done.steps[0]?.reason).toMatch(/already does exactly this/);
    expect(done.steps[1]?.reason).toBeTruthy();
    for (const o of offers.slice(2, 5)) expect(await pixelsOn(o.id)).toHaveLength(1);
    expect(await pixelsOn(second.id)).toHaveLength(0);
    // Retry the failed ones: looked up first (not found), then sent.
    value(await send<R<Job>>('jobs.control', { id: job.id, action: 'retryFailed' }));
    await until(async () => (await jobs())[0]?.state === 'done');
    done = (await jobs())[0] as Job;
    expect(done.steps.map((s) => s.state)).toEqual(['skipped', 'done', 'done', 'done', 'done']);
    expect(await pixelsOn(second.id)).toHaveLength(1);
    expect((await listHistory({ jobId: job.id })).map((e) => e.action)).toEqual([
      'create',
      'create',
      'create',
      'create',
    ]);
  });

  it('a stopped worker loses nothing and duplicates nothing: a create left `sending` is looked up first', async () => {
    const { profileId, templateId, offers } = await setup();
    const targets = offers.slice(0, 8).map((o) => ({ profileId, offerId: o.id }));
    const deps = {
      clientFor: makeClientFor((i, init) => fetch(i, init)),
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
    };
    // The first worker: stopped after its third POST, before it could record the outcome.
    let posts = 0;
    const stopAfterThird = createJobRunner({
      ...deps,
      concurrency: 1,
      clientFor: async (id) => {
        const c = await deps.clientFor(id);
        if (c.ok) {
          const create = c.value.client.affiliate.createPixel;
          c.value.client.affiliate.createPixel = async (...args) => {
            const r = await create(...args);
            if (++posts === 3) stopAfterThird.stop();
            return r;
          };
        }
        return c;
      },
    });
    const planned = value(
      await send<R<{ key: string; offerId: number; draft: Record<string, unknown> }[]>>('jobs.previewApply', {
        templateId,
        targets,
      }),
    );
    const job: Job = {
      id: 'job-1',
      kind: 'apply',
      title: 'Apply',
      state: 'running',
      createdAt: 1,
      updatedAt: 1,
      steps: planned.map((p) => ({ ...p, kind: 'create', profileId, label: '', state: 'pending' })),
    };
    await stopAfterThird.start(job);
    await stopAfterThird.kick();
    const stoppedAt = (await stopAfterThird.store.get(job.id)) as Job;
    expect(stoppedAt.steps.map((s) => s.state)).toEqual([
      'done',
      'done',
      'sending',
      ...Array(5).fill('pending'),
    ]);
    expect(await pixelsOn(offers[2]?.id ?? 0)).toHaveLength(1);
    // A new worker starts from storage.
    const b = createJobRunner({ ...deps, concurrency: 2 });
    await b.kick();
    const finished = (await b.store.get(job.id)) as Job;
    expect(finished.state).toBe('done');
    expect(finished.steps.every((s) => s.state === 'done')).toBe(true);
    expect(finished.steps[2]?.reason).toMatch(/not sent again/);
    for (const o of offers.slice(0, 8)) expect(await pixelsOn(o.id)).toHaveLength(1);
    // The history has the recovered create once.
    expect((await listHistory({ jobId: job.id })).filter((e) => e.action === 'create')).toHaveLength(8);
  });

  it('writes the jobs item once per create (its `sending` mark), and lists the postbacks once per run', async () => {
    await startBackground({ fetch: (i, init) => fetch(i, init), jobs: { concurrency: 1 } });
    const { profileId, templateId, offers } = await setup();
    const targets = offers.slice(0, 6).map((o) => ({ profileId, offerId: o.id }));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await control().clearRequests();
    const job = value(await send<R<Job>>('jobs.startApply', { templateId, targets }));
    await until(async () => (await jobs())[0]?.state === 'done');
    const writes = set.mock.calls.filter(([items]) => 'jobs' in (items as object)).length;
    // The job added, six `sending` marks, the end (each outcome rides along with the next write).
    expect(writes).toBeLessThanOrEqual(8);
    const stored = (await fakeBrowser.storage.local.get('jobs')).jobs as Record<string, Job>;
    expect(stored[job.id]?.steps.map((s) => s.state)).toEqual(Array(6).fill('done'));
    // And one list request for the run (plus the start's plan), not one per create.
    const lists = (await control().requests()).filter(
      (r) => r.method === 'GET' && r.path === '/v1/affiliates/pixels',
    );
    expect(lists.length).toBeLessThanOrEqual(2);
  });

  it('a job step has no page deadline: a create slower than the 3 s setting still lands, once', async () => {
    await startBackground({ fetch: (i, init) => fetch(i, init), jobs: { concurrency: 1 } });
    const { profileId, templateId, offers } = await setup();
    value(await send<R<unknown>>('settings.update', { requestDeadlineMs: 3000 }));
    await control().inject({
      kind: 'latency',
      ms: 3500,
      count: 1,
      match: { method: 'POST', path: '/v1/affiliates/pixels' },
    });
    const offer = offers[0] as { id: number };
    value(await send<R<Job>>('jobs.startApply', { templateId, targets: [{ profileId, offerId: offer.id }] }));
    await until(async () => (await jobs())[0]?.state === 'done', 15_000);
    const [step] = (await jobs())[0]?.steps ?? [];
    expect(step?.state, step?.reason).toBe('done');
    expect(step?.reason).toBeUndefined(); // saved on the first answer, not found by a recovery look-up
    expect(await pixelsOn(offer.id)).toHaveLength(1);
    await control().clearFaults();
  });

  it('pauses, resumes and cancels; the badge counts the steps left', async () => {
    const badge = vi.fn();
    await startBackground({ fetch: (i, init) => fetch(i, init), jobs: { badge, concurrency: 1 } });
    const { profileId, templateId, offers } = await setup();
    await control().inject({ kind: 'latency', ms: 100 });
    const targets = offers.slice(0, 6).map((o) => ({ profileId, offerId: o.id }));
    const job = value(await send<R<Job>>('jobs.startApply', { templateId, targets }));
    await until(async () => ((await jobs())[0]?.steps.filter((s) => s.state === 'done').length ?? 0) >= 1);
    value(await send<R<Job>>('jobs.control', { id: job.id, action: 'pause' }));
    await until(async () => !(await jobs())[0]?.steps.some((s) => s.state === 'sending'));
    const paused = (await jobs())[0] as Job;
    const left = paused.steps.filter((s) => s.state === 'pending').length;
    await new Promise((r) => setTimeout(r, 300));
    expect((await jobs())[0]?.steps.filter((s) => s.state === 'pending')).toHaveLength(left);
    expect(badge.mock.calls.some(([n]) => n >= 1 && n <= 5)).toBe(true);
    value(await send<R<Job>>('jobs.control', { id: job.id, action: 'resume' }));
    await until(
      async () => ((await jobs())[0]?.steps.filter((s) => s.state === 'pending').length ?? 0) < left,
    );
    value(await send<R<Job>>('jobs.control', { id: job.id, action: 'cancel' }));
    await until(async () => !(await jobs())[0]?.steps.some((s) => s.state === 'sending'));
    expect((await jobs())[0]?.state).toBe('cancelled');
    await control().clearFaults();
  });

  it('one postback per event, with the tracker’s event parameter filled per event', async () => {
    const { profileId, templateId, offers } = await setup();
    const offer = offers[0] as { id: number };
    const events = [
      { id: 901, name: 'FTD' },
      { id: 902, name: 'Deposit' },
    ];
    const preview = value(
      await send<R<{ draft: { postbackUrl: string; type: string; eventId: number } }[]>>(
        'jobs.previewApply',
        {
          templateId,
          targets: [{ profileId, offerId: offer.id, events }],
        },
      ),
    );
    expect(preview.map((p) => p.draft)).toMatchObject([
      { type: 'event', eventId: 901, postbackUrl: `${URL_}&et=FTD` },
      { type: 'event', eventId: 902, postbackUrl: `${URL_}&et=Deposit` },
    ]);
  });

  it('undoes a whole job, newest first, as a job', async () => {
    const { profileId, templateId, offers } = await setup();
    const targets = offers.slice(0, 3).map((o) => ({ profileId, offerId: o.id }));
    const job = value(await send<R<Job>>('jobs.startApply', { templateId, targets }));
    await until(async () => (await jobs()).find((j) => j.id === job.id)?.state === 'done');
    const undo = value(await send<R<Job>>('jobs.undo', { jobId: job.id }));
    await until(async () => (await jobs()).find((j) => j.id === undo.id)?.state === 'done');
    // Affiliate creates are switched off (the affiliate API has no delete).
    for (const o of offers.slice(0, 3)) expect((await pixelsOn(o.id))[0]?.pixel_status).toBe('inactive');
    expect(await send('jobs.undo', { jobId: job.id })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });
});
