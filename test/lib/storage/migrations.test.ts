import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { parseList } from '../../../lib/storage/repair';
import { defineValidatedItem } from '../../../lib/storage/validated-item';

// Every item starts at version 1, so the product has no real migration yet. These tests pin the mechanism the
// first one will use: seed the old shape, read through a v2 item, and check the migrated value is written back,
// and that a fresh install never runs a migration on data that never existed (wxt #1775, fixed in storage 1.2.8).
const V2 = z.object({ id: z.string(), name: z.string(), region: z.enum(['us', 'eu']) });

function defineV2(onMigrate: () => void) {
  return defineValidatedItem('local:migrating', {
    fallback: [],
    version: 2,
    migrations: {
      2: (old: Array<{ id: string; title: string; eu?: boolean }>) => {
        onMigrate();
        return old.map((o) => ({ id: o.id, name: o.title, region: o.eu ? 'eu' : 'us' }));
      },
    },
    parse: (raw) => parseList(V2, raw),
  });
}

describe('storage migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates the v1 shape to v2 and writes it back', async () => {
    await fakeBrowser.storage.local.set({
      migrating: [{ id: 'a', title: 'Acme', eu: true }],
      migrating$: { v: 1 },
    });
    let runs = 0;
    const item = defineV2(() => runs++);
    expect(await item.getValue()).toEqual([{ id: 'a', name: 'Acme', region: 'eu' }]);
    expect(runs).toBe(1);
    const stored = await fakeBrowser.storage.local.get(['migrating', 'migrating$']);
    expect(stored.migrating).toEqual([{ id: 'a', name: 'Acme', region: 'eu' }]);
    expect(stored.migrating$).toEqual({ v: 2 });
  });

  it('does not run migrations on a fresh install', async () => {
    let runs = 0;
    const item = defineV2(() => runs++);
    expect(await item.getValue()).toEqual([]);
    await item.setValue([{ id: 'b', name: 'B', region: 'us' }]);
    expect(runs).toBe(0);
    expect(await storage.getMeta('local:migrating')).toEqual({ v: 2 });
  });
});
