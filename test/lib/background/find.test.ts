// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeClientFor } from '../../../lib/background/client-for';
import { createJobRunner } from '../../../lib/background/jobs/runner';
import { occurrences, replaceAll } from '../../../lib/background/services/find';
import { createEverflowClient } from '../../../lib/everflow/client';
import type { Job } from '../../../lib/model/jobs';
import { createSandboxControl } from '../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { send, startBackground } from './harness';

type R<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'empty', rateLimit: { affiliatePerSecond: 1000 } });
});
afterAll(async () => sandbox.close());
const control = () => createSandboxControl(sandbox.origin);

function value<T>(r: R<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function profile(name: string, apiKey: string, role: string): Promise<string> {
  return value(
    await send<R<{ id: string }>>('profiles.save', {
      name,
      role,
      region: 'custom',
      customBaseUrl: sandbox.baseUrl,
      portalDomains: [],
      apiKey,
    }),
  ).id;
}

const OLD = 'https://old-trk.example/pb?cid={sub1}&payout={payout_amount}';
async function seedPixel(offerId: number, url: string, realm: 'affiliate' | 'network' = 'affiliate') {
  return control().createPixel(
    {
      network_offer_id: offerId,
      network_affiliate_id: 7,
      delivery_method: 'postback',
      pixel_level: 'specific',
      pixel_status: 'active',
      pixel_type: 'conversion',
      postback_url: url,
      delay_ms: 5000,
    },
    realm,
  );
}

async function until(fn: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 20_000;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const jobDone = (id: string) => async () =>
  value(await send<R<Job[]>>('jobs.list')).find((j) => j.id === id)?.state === 'done';
const stored = async (id: number) => (await control().state()).pixels.find((p) => p.network_pixel_id === id);

describe('find and replace across every profile', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await control().reset();
    await startBackground({ fetch: (i, init) => fetch(i, init) });
  });

  it('finds a text in every profile, with where it is', async () => {
    const aff = await profile('Affiliate', 'demo-affiliate-key', 'affiliate');
    const net = await profile('Network', 'demo-network-key', 'network');
    const offers = value(
      await send<R<{ items: { id: number }[] }>>('offers.list', { profileId: aff, pageSize: 5 }),
    ).items;
    const a = await seedPixel(offers[0]?.id ?? 0, OLD);
    await seedPixel(offers[1]?.id ?? 0, 'https://new-trk.example/pb?cid={sub1}');
    const found = value(
      await send<R<{ matches: { profileId: string; pixel: { id: number }; ranges: number[][] }[] }>>(
        'pixels.findAll',
        { text: 'OLD-trk.example' },
      ),
    );
    // The affiliate's postback is also the network's (partner 7): one match per profile.
    expect(found.matches.map((m) => m.profileId).sort()).toEqual([aff, net].sort());
    expect(found.matches.every((m) => m.pixel.id === a.network_pixel_id)).toBe(true);
    expect(found.matches[0]?.ranges).toEqual([[8, 23]]);
  });

  it('previews a replace (before/after, findings), then saves each through the round trip', async () => {
    const aff = await profile('Affiliate', 'demo-affiliate-key', 'affiliate');
    const offers = value(
      await send<R<{ items: { id: number }[] }>>('offers.list', { profileId: aff, pageSize: 5 }),
    ).items;
    const a = await seedPixel(offers[0]?.id ?? 0, OLD);
    const b = await seedPixel(offers[1]?.id ?? 0, OLD);
    await send('pixels.findAll', { text: 'old-trk', refresh: true });
    const targets = [a, b].map((p) => ({ profileId: aff, pixelId: p.network_pixel_id }));
    const input = {
      find: 'old-trk.example/pb?cid={sub1}',
      replace: 'new-trk.example/pb?cid={sub2}',
      targets,
    };
    const preview = value(
      await send<R<{ before: string; after: string; findings: string[] }[]>>('jobs.previewReplace', input),
    );
    expect(preview).toHaveLength(2);
    expect(preview[0]).toMatchObject({
      before: OLD,
      after: 'https://new-trk.example/pb?cid={sub2}&payout={payout_amount}',
    });
    const job = value(await send<R<Job>>('jobs.startReplace', input));
    await until(jobDone(job.id));
    expect(await stored(a.network_pixel_id)).toMatchObject({
      postback_url: 'https://new-trk.example/pb?cid={sub2}&payout={payout_amount}',
      delay_ms: 5000,
      pixel_status: 'active',
    });
  });

  it('a replace job stopped mid-way resumes where it was: its done steps stay done', async () => {
    const aff = await profile('Affiliate', 'demo-affiliate-key', 'affiliate');
    const offers = value(
      await send<R<{ items: { id: number }[] }>>('offers.list', { profileId: aff, pageSize: 5 }),
    ).items;
    const seeded = await Promise.all(offers.slice(0, 4).map((o) => seedPixel(o.id, OLD)));
    const input = {
      find: 'old-trk.example',
      replace: 'new-trk.example',
      targets: seeded.map((p) => ({ profileId: aff, pixelId: p.network_pixel_id })),
    };
    const steps = value(
      await send<R<{ pixelId: number; before: string; after: string }[]>>('jobs.previewReplace', input),
    );
    const deps = {
      clientFor: makeClientFor((i, init) => fetch(i, init)),
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
    };
    // The first worker is stopped after its second PUT.
    let puts = 0;
    const first = createJobRunner({
      ...deps,
      concurrency: 1,
      clientFor: async (id, budget) => {
        const c = await deps.clientFor(id, budget);
        if (c.ok) {
          const update = c.value.client.affiliate.updatePixel;
          c.value.client.affiliate.updatePixel = async (...args) => {
            const r = await update(...args);
            if (++puts === 2) first.stop();
            return r;
          };
        }
        return c;
      },
    });
    await first.start({
      id: 'replace-1',
      kind: 'replace',
      title: 'Replace',
      state: 'running',
      createdAt: 1,
      updatedAt: 1,
      steps: steps.map((p) => ({
        key: `r:${p.pixelId}`,
        profileId: aff,
        kind: 'update',
        offerId: 0,
        label: '',
        pixelId: p.pixelId,
        fromUrl: p.before,
        toUrl: p.after,
        state: 'pending',
      })),
    });
    await first.kick();
    const second = createJobRunner({ ...deps, concurrency: 1 });
    await second.kick();
    const finished = (await second.store.get('replace-1')) as Job;
    expect(finished.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done']);
    // The first was recorded before the stop; the second's PUT landed but the stop lost its outcome.
    expect(finished.steps[0]?.reason).toBeUndefined();
    expect(finished.steps[1]?.reason).toMatch(/Already replaced/);
    const putsSent = (await control().requests()).filter((r) => r.method === 'PUT');
    expect(putsSent).toHaveLength(4);
    for (const p of seeded) {
      expect((await stored(p.network_pixel_id))?.postback_url).toBe(OLD.replace('old-trk', 'new-trk'));
    }
  });

  it('refuses to replace a URL that changed since the preview', async () => {
    const aff = await profile('Affiliate', 'demo-affiliate-key', 'affiliate');
    const offers = value(
      await send<R<{ items: { id: number }[] }>>('offers.list', { profileId: aff, pageSize: 5 }),
    ).items;
    const a = await seedPixel(offers[0]?.id ?? 0, OLD);
    await send('pixels.findAll', { text: 'old-trk', refresh: true });
    // Edited elsewhere (the portal) after the list was read: the cached list still has OLD.
    const elsewhere = createEverflowClient({
      baseUrl: sandbox.baseUrl,
      apiKey: 'demo-affiliate-key',
      limiter: 'none',
    });
    expect(
      (await elsewhere.affiliate.updatePixel(a.network_pixel_id, { postback_url: `${OLD}&x=1` })).ok,
    ).toBe(true);
    const job = value(
      await send<R<Job>>('jobs.startReplace', {
        find: 'old-trk',
        replace: 'new-trk',
        targets: [{ profileId: aff, pixelId: a.network_pixel_id }],
      }),
    );
    await until(jobDone(job.id));
    const [step] = value(await send<R<Job[]>>('jobs.list')).find((j) => j.id === job.id)?.steps ?? [];
    expect(step).toMatchObject({ state: 'failed', errorKind: 'changed' });
    expect((await stored(a.network_pixel_id))?.postback_url).toBe(`${OLD}&x=1`);
  });

  it('switches many postbacks off at once, as a job', async () => {
    const aff = await profile('Affiliate', 'demo-affiliate-key', 'affiliate');
    const offers = value(
      await send<R<{ items: { id: number }[] }>>('offers.list', { profileId: aff, pageSize: 5 }),
    ).items;
    const pixels = [await seedPixel(offers[0]?.id ?? 0, OLD), await seedPixel(offers[1]?.id ?? 0, OLD)];
    const job = value(
      await send<R<Job>>('jobs.startToggle', {
        status: 'inactive',
        targets: pixels.map((p) => ({ profileId: aff, pixelId: p.network_pixel_id })),
      }),
    );
    await until(jobDone(job.id));
    for (const p of pixels) expect((await stored(p.network_pixel_id))?.pixel_status).toBe('inactive');
  });

  it('replaces literally and case-insensitively', () => {
    expect(replaceAll('https://A.example/x?a=$1', 'a.EXAMPLE', 'b.example$&')).toBe(
      'https://b.example$&/x?a=$1',
    );
    expect(occurrences('aAa', 'a')).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});
