// @vitest-environment node
// A property test over random interleavings: saves, edits, deletes, duplicates and reads (which repair what
// they find) run at once against storage that answers in an order fast-check's scheduler picks, handing
// objects back with sorted keys as Chrome does. Whatever the order, every acknowledged write is in storage,
// every acknowledged removal is gone, and no key outlives its profile.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popupStart } from '../../../../lib/background/services/popup-start';
import {
  listProfiles,
  type ProfileDeps,
  removeProfile,
  repairProfileStores,
  saveProfile,
} from '../../../../lib/background/services/profiles';
import {
  duplicateTemplate,
  removeTemplate,
  saveTemplate,
} from '../../../../lib/background/services/templates';
import type { TemplateInput } from '../../../../lib/model/template';
import { ok } from '../../../../lib/result';
import { profilesItem, settingsItem, templatesItem } from '../../../../lib/storage/items';
import { chromeLikeStorage } from '../../storage/chrome-like-storage';

type Command =
  | { kind: 'add'; name: string }
  | { kind: 'edit'; target: 'P0' | 'P1'; name: string }
  | { kind: 'delete' }
  | { kind: 'read'; how: 'list' | 'popup' | 'items' | 'repair' }
  | { kind: 'templateSave'; name: string }
  | { kind: 'templateDuplicate' }
  | { kind: 'templateDelete' };

const name = fc.stringMatching(/^[a-z]{1,6}$/);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name }),
  fc.record({
    kind: fc.constant('edit' as const),
    target: fc.constantFrom('P0' as const, 'P1' as const),
    name,
  }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({
    kind: fc.constant('read' as const),
    how: fc.constantFrom('list' as const, 'popup' as const, 'items' as const, 'repair' as const),
  }),
  fc.record({ kind: fc.constant('templateSave' as const), name }),
  fc.constant({ kind: 'templateDuplicate' as const }),
  fc.constant({ kind: 'templateDelete' as const }),
);

const account = { name: 'Acme', id: 7, networkId: 3, realm: 'affiliate', checkedAt: 5 };
const storedProfile = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  role: 'affiliate',
  region: 'us',
  portalDomains: [],
  keyHint: 'ey-0',
  account,
  createdAt: 1,
  ...extra,
});
const templateInput = (n: string): TemplateInput => ({
  name: n,
  side: 'affiliate',
  tracker: 'custom',
  deliveryMethod: 'postback',
  pixelType: 'conversion',
  level: 'specific',
  postbackUrl: 'https://t.example/pb',
  htmlCode: '',
  delayMs: 0,
  notes: '',
  description: '',
});

/** The state before each run: valid records (with accounts), one corrupt field each list, and an orphan key. */
async function seed(): Promise<void> {
  await fakeBrowser.storage.local.set({
    profiles: [storedProfile('P0'), storedProfile('P1', { region: 'mars' }), storedProfile('P2')],
    apiKeys: { P0: 'key-0', P1: 'key-1', P2: 'key-2', orphan: 'key-orphan' },
    settings: { defaultProfileId: 'P2', defaultTemplateIds: {}, forgetKeysOnClose: false },
    templates: [
      { ...templateInput('T0'), id: 'T0', createdAt: 1, updatedAt: 1, delayMs: 'soon' },
      { ...templateInput('T1'), id: 'T1', createdAt: 1, updatedAt: 1 },
    ],
  });
}

describe('storage under random interleavings', () => {
  it('keeps every acknowledged write and removal, and no key without its profile', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(command, { minLength: 1, maxLength: 10 }),
        async (s, cmds) => {
          fakeBrowser.reset();
          await seed();
          let n = 0;
          const pause = (what: string) => s.schedule(Promise.resolve(), what);
          const deps: ProfileDeps = {
            detect: async () => {
              await pause('key check');
              return ok({ realm: 'affiliate', accountId: 7, accountName: 'Acme', networkId: 3 });
            },
            hasOrigin: async () => true,
            now: () => 10,
            newId: () => `new${++n}`,
          };
          const tdeps = { now: () => 10, newId: () => `tnew${++n}` };
          const acked = {
            adds: [] as string[],
            edits: { P0: ['P0'], P1: ['P1'] } as Record<string, string[]>,
          };
          const ackedT = { saves: [] as string[], duplicates: 0, deleted: false };
          let deleted = false;

          const run = async (c: Command): Promise<void> => {
            switch (c.kind) {
              case 'add': {
                const r = await saveProfile(
                  {
                    name: c.name,
                    role: 'affiliate',
                    region: 'us',
                    portalDomains: [],
                    apiKey: `key-${c.name}`,
                  },
                  deps,
                );
                if (r.ok) acked.adds.push(r.value.id);
                return;
              }
              case 'edit': {
                const r = await saveProfile(
                  { id: c.target, name: c.name, role: 'affiliate', region: 'us', portalDomains: [] },
                  deps,
                );
                if (r.ok) acked.edits[c.target]?.push(c.name);
                return;
              }
              case 'delete':
                if ((await removeProfile('P2')).ok) deleted = true;
                return;
              case 'read':
                if (c.how === 'list') await listProfiles();
                else if (c.how === 'popup') await popupStart({});
                else if (c.how === 'repair') await repairProfileStores();
                else
                  await Promise.all([
                    profilesItem.getValue(),
                    templatesItem.getValue(),
                    settingsItem.getValue(),
                  ]);
                return;
              case 'templateSave': {
                const r = await saveTemplate(templateInput(c.name), tdeps);
                if (r.ok) ackedT.saves.push(r.value.id);
                return;
              }
              case 'templateDuplicate':
                if ((await duplicateTemplate('T0', tdeps)).ok) ackedT.duplicates++;
                return;
              case 'templateDelete':
                if ((await removeTemplate('T1')).ok) ackedT.deleted = true;
                return;
            }
          };

          const restore = chromeLikeStorage(pause);
          try {
            await s.waitFor(Promise.all(cmds.map(run)));
          } finally {
            restore();
          }
          // A repair pass after the dust settles (orphans left from before the run, e.g. with no reads in it).
          await repairProfileStores();

          const profiles = await profilesItem.getValue();
          const ids = profiles.map((p) => p.id);
          const keys = Object.keys((await fakeBrowser.storage.local.get('apiKeys')).apiKeys ?? {});
          expect(ids.filter((id) => acked.adds.includes(id)).sort()).toEqual([...acked.adds].sort());
          expect(ids).toHaveLength(2 + (deleted ? 0 : 1) + acked.adds.length);
          for (const p of ['P0', 'P1'])
            expect(acked.edits[p]).toContain(profiles.find((x) => x.id === p)?.name);
          expect(ids.includes('P2')).toBe(!deleted);
          expect(keys.sort()).toEqual([...ids].sort());
          expect(ids).toContain((await settingsItem.getValue()).defaultProfileId);

          const templates = await templatesItem.getValue();
          const tids = templates.map((t) => t.id);
          for (const id of ackedT.saves) expect(tids).toContain(id);
          expect(tids).toContain('T0');
          expect(tids.includes('T1')).toBe(!ackedT.deleted);
          expect(templates).toHaveLength(
            1 + (ackedT.deleted ? 0 : 1) + ackedT.saves.length + ackedT.duplicates,
          );
          expect(new Set(tids).size).toBe(tids.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
