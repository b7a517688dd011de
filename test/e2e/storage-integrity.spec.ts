import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callFromPage } from './protocol';

type R<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

function saveSandboxProfile(page: Page, baseUrl: string, name: string) {
  return callFromPage<R<{ id: string }>>(page, 'profiles.save', {
    name,
    role: 'affiliate',
    region: 'custom',
    customBaseUrl: baseUrl,
    portalDomains: [],
    apiKey: 'demo-affiliate-key',
  });
}

test('8 profiles saved at once are all stored with their keys, and reading them repairs nothing', async ({
  openOptions,
  sandbox,
  readStorage,
  worker,
}) => {
  const repairs: string[] = [];
  worker.on('console', (m) => {
    if (m.text().includes('repaired')) repairs.push(m.text());
  });
  const page = await openOptions();
  expect((await saveSandboxProfile(page, sandbox.baseUrl, 'first')).ok).toBe(true);
  const saved = await Promise.all(
    Array.from({ length: 8 }, (_, i) => saveSandboxProfile(page, sandbox.baseUrl, `p${i}`)),
  );
  expect(saved.every((r) => r.ok)).toBe(true);
  // Chrome hands the stored profiles back with their keys sorted: reads must not take that for damage.
  for (let i = 0; i < 5; i++) await callFromPage(page, 'profiles.list');
  const profiles = (await readStorage('local', 'profiles')) as { id: string }[];
  expect(profiles).toHaveLength(9);
  const keys = (await readStorage('local', 'apiKeys')) as Record<string, string>;
  expect(Object.keys(keys).sort()).toEqual(profiles.map((p) => p.id).sort());
  expect(repairs).toEqual([]);
});

test('the popup falls back to an existing profile when the stored default is gone', async ({
  openOptions,
  openPopup,
  sandbox,
  seedStorage,
}) => {
  const options = await openOptions();
  expect((await saveSandboxProfile(options, sandbox.baseUrl, 'Sandbox')).ok).toBe(true);
  await seedStorage('local', {
    settings: { defaultProfileId: 'deleted-profile', defaultTemplateIds: {}, forgetKeysOnClose: false },
  });
  const popup = await openPopup();
  await expect(popup.getByRole('combobox', { name: 'Profile' })).toHaveValue(/.+/);
  await expect(popup.getByRole('button', { name: 'Add a profile' })).toHaveCount(0);
});

test('a corrupt key store says the keys could not be read, not that the browser forgot them', async ({
  openOptions,
  openPopup,
  sandbox,
  seedStorage,
}) => {
  const options = await openOptions();
  expect((await saveSandboxProfile(options, sandbox.baseUrl, 'Sandbox')).ok).toBe(true);
  await seedStorage('local', { apiKeys: 'not a key map' });
  const popup = await openPopup();
  const alert = popup.locator('.action-error[data-kind="no_key"]');
  await expect(alert).toContainText('The stored keys could not be read; re-enter them', { timeout: 15_000 });
  await expect(alert).not.toContainText('forgotten');
});
