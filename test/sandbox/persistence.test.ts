// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxControl } from '../../sandbox/control';
import { DEMO_KEYS, startSandbox } from '../../sandbox/server';
import { affiliateBody, call, field, networkBody } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ef-sandbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('--data persistence', () => {
  it('keeps created, replaced and deleted postbacks across a restart', async () => {
    const dataFile = join(dir, 'nested', 'state.json');
    const first = await startSandbox({ seed: 'demo', dataFile });
    const created = await call(first.origin, 'POST', '/v1/affiliates/pixels', {
      key: DEMO_KEYS.affiliate,
      body: affiliateBody(),
    });
    const id = Number(field(created.body, 'network_pixel_id'));
    await call(first.origin, 'PUT', '/v1/networks/pixels/1032', {
      key: DEMO_KEYS.network,
      body: networkBody({ network_affiliate_id: 3, description: 'edited' }),
    });
    await call(first.origin, 'DELETE', '/v1/networks/pixels/1001', { key: DEMO_KEYS.network });
    await createSandboxControl(first.origin).setPartnerPostbacksDisabled(true);
    await first.close();

    const second = await startSandbox({ seed: 'demo', dataFile });
    try {
      expect(
        (await call(second.origin, 'GET', `/v1/affiliates/pixels/${id}`, { key: DEMO_KEYS.affiliate }))
          .status,
      ).toBe(200);
      const edited = await call(second.origin, 'GET', '/v1/networks/pixels/1032', { key: DEMO_KEYS.network });
      expect(field(edited.body, 'description')).toBe('edited');
      expect(
        (await call(second.origin, 'GET', '/v1/networks/pixels/1001', { key: DEMO_KEYS.network })).status,
      ).toBe(404);
      expect((await createSandboxControl(second.origin).state()).partnerPostbacksDisabled).toBe(true);
      const next = await call(second.origin, 'POST', '/v1/networks/pixels', {
        key: DEMO_KEYS.network,
        body: networkBody(),
      });
      expect(field(next.body, 'network_pixel_id')).toBe(id + 1);
    } finally {
      await second.close();
    }
  });

  it('writes atomically: only the data file is left behind, and it is a complete JSON document', async () => {
    const dataFile = join(dir, 'state.json');
    const sandbox = await startSandbox({ dataFile });
    for (let i = 0; i < 5; i += 1) {
      await call(sandbox.origin, 'POST', '/v1/networks/pixels', {
        key: DEMO_KEYS.network,
        body: networkBody(),
      });
    }
    await sandbox.close();
    expect(readdirSync(dir)).toEqual(['state.json']);
    const saved = JSON.parse(readFileSync(dataFile, 'utf8'));
    expect(saved).toMatchObject({ format: 'everflow-sandbox', version: 1, seed: 'empty', nextPixelId: 6 });
    expect(saved.pixels).toHaveLength(5);
  });

  it('reset goes back to the seed and persists that too', async () => {
    const dataFile = join(dir, 'state.json');
    const sandbox = await startSandbox({ seed: 'demo', dataFile });
    await call(sandbox.origin, 'DELETE', '/v1/networks/pixels/1001', { key: DEMO_KEYS.network });
    await createSandboxControl(sandbox.origin).reset();
    await sandbox.close();
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).pixels).toHaveLength(47);
  });

  it('refuses to start on a file that is not a sandbox data file, leaving it untouched', async () => {
    const dataFile = join(dir, 'state.json');
    writeFileSync(dataFile, '{"hello": "world"}');
    await expect(startSandbox({ dataFile })).rejects.toThrow(/not an Everflow sandbox data file/);
    writeFileSync(dataFile, '{broken');
    await expect(startSandbox({ dataFile })).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(dataFile, 'utf8')).toBe('{broken');
  });
});
