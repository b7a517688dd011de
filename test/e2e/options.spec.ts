import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { voluumTemplateInput } from './demo-inputs';
import { expect, test } from './fixtures';
import { callFromPage } from './protocol';

// The options page against the real background and the local Everflow sandbox (demo build: it may reach
// loopback, so sandbox profiles use region "custom" with the sandbox's base URL, already allowed at install).

type R<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Fill the profile form for the sandbox and press "Save profile". */
async function submitProfile(page: Page, baseUrl: string, name: string, key: string) {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('API key').fill(key);
  await page.getByLabel('Region').selectOption('custom');
  await page.getByLabel('API base URL').fill(baseUrl);
  await page.getByRole('button', { name: 'Save profile' }).click();
}

/** Add the demo affiliate profile through the protocol (for tests about other screens). */
async function addDemoProfile(page: Page, baseUrl: string) {
  const r = await callFromPage<R<{ id: string }>>(page, 'profiles.save', {
    name: 'Demo affiliate',
    role: 'affiliate',
    region: 'custom',
    customBaseUrl: baseUrl,
    portalDomains: ['partners.demo-network.test'],
    apiKey: 'demo-affiliate-key',
  });
  if (!r.ok) throw new Error(r.error.message);
}

/** Axe findings that matter: serious or critical. */
async function seriousA11y(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test.describe('profiles', () => {
  test('adding a profile with the demo affiliate key shows the account name', async ({
    openOptions,
    sandbox,
  }) => {
    const page = await openOptions('#profiles');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postback Companion for Everflow');
    await submitProfile(page, sandbox.baseUrl, 'Demo network', 'demo-affiliate-key');
    await expect(page.getByRole('status').filter({ hasText: 'Saved “Demo network”' })).toContainText(
      'Demo Partner',
    );
    const card = page.getByRole('list', { name: 'Your profiles' }).getByRole('listitem');
    await expect(card).toContainText('Demo Partner, affiliate account');
    await expect(card).toContainText('Key last checked');
    // Only the masked key is ever on the page.
    await expect(card).toContainText('••••');
    expect(await page.content()).not.toContain('demo-affiliate-key');
    // page.content() has attributes, not what was typed: read every field's live value too, with the saved
    // profile open for editing (its key field stays empty: the page never gets the key back).
    await page.getByRole('button', { name: 'Edit Demo network' }).click();
    await expect(page.getByLabel('Profile name')).toHaveValue('Demo network');
    const fields = await page.locator('input, textarea').all();
    expect(fields.length).toBeGreaterThan(2);
    for (const field of fields) expect(await field.inputValue()).not.toContain('demo-affiliate-key');
    await expect(page.getByLabel('API key')).toHaveValue('');
  });

  test('a wrong key gets the auth message and keeps what was typed', async ({ openOptions, sandbox }) => {
    const page = await openOptions('#profiles');
    await submitProfile(page, sandbox.baseUrl, 'Typo network', 'not-a-real-key');
    // Once, at the field it is about (issue 15.5): the field is focused and described by it.
    await expect(page.getByLabel('API key')).toHaveAccessibleDescription(
      /Everflow did not accept this API key/,
    );
    await expect(page.getByText(/Everflow did not accept this API key/)).toHaveCount(1);
    await expect(page.getByLabel('API key')).toHaveValue('not-a-real-key');
    await expect(page.getByLabel('API key')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Profile name')).toHaveValue('Typo network');
    await expect(page.getByLabel('API base URL')).toHaveValue(sandbox.baseUrl);
  });

  test('a network key on an affiliate profile gets the realm message', async ({ openOptions, sandbox }) => {
    const page = await openOptions('#profiles');
    await submitProfile(page, sandbox.baseUrl, 'Wrong realm', 'demo-network-key');
    await expect(page.getByText(/This is a network key, but this profile is for an affiliate/)).toHaveCount(
      1,
    );
    // One click saves it as the kind the key is, without retyping anything (issue 15.5).
    await page.getByRole('button', { name: 'Save as a network profile' }).click();
    await expect(page.getByRole('list', { name: 'Your profiles' })).toContainText('network account');
  });

  test('the profile form survives a reload (the key excepted)', async ({ openOptions }) => {
    const page = await openOptions('#profiles/new');
    await page.getByLabel('Profile name').fill('Half done');
    await page.getByLabel('Portal domains (optional)').fill('partners.example.com');
    await page.getByLabel('API key').fill('typed-key-1234');
    // Past the ~300 ms draft debounce.
    await page.waitForTimeout(800);
    await page.reload();
    await expect(page.getByLabel('Profile name')).toHaveValue('Half done');
    await expect(page.getByLabel('Portal domains (optional)')).toHaveValue('partners.example.com');
    await expect(page.getByLabel('API key')).toHaveValue('');
    await expect(page.getByText(/Restored your unsaved changes/)).toBeVisible();
  });
});

test.describe('templates', () => {
  test('a template from the Voluum preset, with the macro picker and a one-click fix', async ({
    openOptions,
  }) => {
    const page = await openOptions('#templates');
    await page.getByRole('button', { name: /^Voluum/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Set up the Voluum preset' });
    await dialog.getByLabel('Voluum tracking domain').fill('abcde.voluumtrk.com');
    await dialog.getByLabel('Sub slot that carries your click id').selectOption('sub2');
    await expect(dialog).toContainText('sub2={clickid}');
    await dialog.getByRole('button', { name: 'Use this preset' }).click();

    const url = page.getByLabel('Postback URL');
    await expect(url).toHaveValue(
      'https://abcde.voluumtrk.com/postback?cid={sub2}&payout={payout_amount}&txid={transaction_id}',
    );
    // Keyboard only: type at the end, open the picker, search, move with the arrows, insert with Enter.
    await url.press('End');
    await url.pressSequentially('&et=');
    await page.getByRole('button', { name: 'Insert macro' }).press('Enter');
    const search = page.getByRole('combobox', { name: 'Search macros' });
    await expect(search).toBeFocused();
    await search.fill('event name');
    await search.press('ArrowDown');
    await search.press('ArrowUp');
    await search.press('Enter');
    await expect(url).toBeFocused();
    await expect(url).toHaveValue(/&et=\{event_name\}$/);
    // {event_name} is not filled for conversions: the checker says so.
    await expect(page.locator('[data-rule="macro.not_for_pixel_type"]')).toBeVisible();

    // A miscased macro, and its one-click fix.
    await url.pressSequentially('&s={Sub3}');
    const finding = page.locator('[data-rule="macro.case_mismatch"]');
    await expect(finding).toContainText('lower-case');
    await finding.getByRole('button', { name: 'Fix: Use {sub3}' }).click();
    await expect(url).toHaveValue(/&s=\{sub3\}$/);
    await expect(finding).toHaveCount(0);
    await expect(page.getByRole('figure', { name: /What your tracker receives/ })).toContainText('cid=');

    await page.getByLabel('Template name').fill('Voluum main');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByText('Saved template “Voluum main”.')).toBeVisible();
    const card = page.getByRole('list', { name: 'Your templates' }).getByRole('listitem');
    await expect(card).toContainText('Voluum main');
    await expect(card).toContainText('&et={event_name}&s={sub3}');
  });

  test('export and import round trip, with no key in the file', async ({ openOptions, sandbox }) => {
    const page = await openOptions('#templates');
    await addDemoProfile(page, sandbox.baseUrl);
    await page.getByRole('button', { name: 'New template' }).click();
    await page.getByLabel('Template name').fill('Round trip');
    await page
      .getByLabel('Postback URL')
      .fill('https://trk.example.com/pb?clickid={sub1}&sum={payout_amount}');
    await page.getByLabel('Notes').fill('first version');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByText('Saved template “Round trip”.')).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export templates' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^postback-templates-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('demo-affiliate-key');
    expect(JSON.parse(text)).toMatchObject({
      format: 'postback-companion/templates',
      version: 1,
      templates: [{ name: 'Round trip', notes: 'first version' }],
    });

    // Change the template, then import the file: the preview shows the change and overwrites only when asked.
    await page.getByRole('button', { name: 'Edit Round trip' }).click();
    await page.getByLabel('Notes').fill('second version');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByText('Saved template “Round trip”.')).toBeVisible();
    await page.getByLabel('Import templates').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Import templates' });
    await expect(dialog).toContainText('0 new, 1 changed, 0 unchanged, 0 invalid');
    await expect(dialog).toContainText('Differs in: notes');
    await expect(dialog.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
    await dialog.getByLabel('Overwrite “Round trip”').check();
    await dialog.getByRole('button', { name: 'Import 1 template' }).click();
    await expect(page.getByText('Imported 1 template.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Your templates' })).toContainText('first version');

    // Deleted, then imported back as new.
    await page.getByRole('button', { name: 'Delete Round trip' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete template' }).click();
    await expect(page.getByText('Deleted template “Round trip”.')).toBeVisible();
    await page.getByLabel('Import templates').setInputFiles(file);
    await expect(dialog).toContainText('1 new, 0 changed');
    await dialog.getByRole('button', { name: 'Import 1 template' }).click();
    await expect(page.getByRole('list', { name: 'Your templates' })).toContainText('Round trip');
  });

  test('an invalid import entry is listed with its reason and nothing is written', async ({
    openOptions,
  }) => {
    const page = await openOptions('#templates');
    const bad = JSON.stringify({
      format: 'postback-companion/templates',
      version: 1,
      exportedAt: '2026-11-22T10:00:00.000Z',
      templates: [{ name: 'Smoke', deliveryMethod: 'smoke', pixelType: 'conversion', level: 'specific' }],
    });
    await page.getByLabel('Import templates').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bad),
    });
    const dialog = page.getByRole('dialog', { name: 'Import templates' });
    await expect(dialog).toContainText("row 1: delivery method 'smoke' is not one of postback, html");
    await expect(dialog.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    const stored = await callFromPage<R<unknown[]>>(page, 'templates.list');
    expect(stored).toEqual({ ok: true, value: [] });
  });

  test('a 5 000-level import file is refused in the page and nothing is stored (issue 13, defect 6)', async ({
    openOptions,
  }) => {
    const page = await openOptions('#templates');
    const deep = `${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const text = `{"format":"postback-companion/templates","version":1,"templates":[{"name":"Deep","deliveryMethod":"html","pixelType":"conversion","level":"specific","htmlCode":"<img>","integration":${deep}}]}`;
    await page.getByLabel('Import templates').setInputFiles({
      name: 'deep.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect(page.getByRole('alert')).toHaveText(
      '“deep.json” cannot be imported: the file is nested too deeply (over 16 levels).',
    );
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await callFromPage<R<unknown[]>>(page, 'templates.list')).toEqual({ ok: true, value: [] });
  });

  test('an imported Meta token is asked about, shown masked, kept out of template storage and exports (issue 13, defect 11)', async ({
    openOptions,
  }) => {
    const token = 'EAAGe2eMetaToken-7788';
    const page = await openOptions('#templates');
    const file = JSON.stringify({
      format: 'postback-companion/templates',
      version: 1,
      templates: [
        {
          name: 'Meta lead',
          side: 'network',
          deliveryMethod: 'facebook',
          pixelType: 'conversion',
          level: 'specific',
          integration: {
            network_affiliate_integration_facebook_business_id: 1,
            pixel_id: '871234560012345',
            event_name: 'Lead',
            user_data: [{ field: 'access_token', value: token }],
          },
        },
      ],
    });
    await page.getByLabel('Import templates').setInputFiles({
      name: 'meta.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    const dialog = page.getByRole('dialog', { name: 'Import templates' });
    await expect(dialog).toContainText('“Meta lead”: user_data[access_token] ••••7788');
    await expect(dialog.getByRole('button', { name: 'Import 1 template' })).toBeDisabled();
    await dialog.getByLabel('Keep them (stored with your API keys)').check();
    await dialog.getByRole('button', { name: 'Import 1 template' }).click();
    await expect(page.getByText('Imported 1 template.')).toBeVisible();
    expect(await page.content()).not.toContain(token);

    const storage = await page.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { storage: Record<'local' | 'sync', { get: (k: null) => Promise<unknown> }> };
        }
      ).chrome;
      return { local: await c.storage.local.get(null), sync: await c.storage.sync.get(null) };
    });
    const { templates, integrationSecrets } = storage.local as Record<string, unknown>;
    expect(JSON.stringify(templates)).not.toContain(token);
    expect(JSON.stringify(templates)).toContain('••••7788 [saved:');
    expect(JSON.stringify(integrationSecrets)).toContain(token);
    expect(JSON.stringify(storage.sync)).not.toContain(token);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export templates' }).click(),
    ]);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).not.toContain(token);
    expect(exported).not.toContain('saved:');
  });
});

test('no serious or critical accessibility findings on any screen', async ({ openOptions, sandbox }) => {
  const page = await openOptions('#profiles');
  await addDemoProfile(page, sandbox.baseUrl);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Your profiles' })).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByLabel('Profile name')).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);

  await page.goto(page.url().replace(/#.*$/, '#templates/new'));
  await page.getByLabel('Postback URL').fill('https://t.example.com/pb?cid={Sub1}&p={payout_amount}');
  await expect(page.locator('.finding').first()).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);

  await page.getByRole('button', { name: 'Insert macro' }).click();
  await expect(page.getByRole('listbox', { name: 'Macros' })).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.goto(page.url().replace(/#.*$/, '#templates'));
  await page.getByRole('button', { name: /^RedTrack/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);

  await page.goto(page.url().replace(/#.*$/, '#settings'));
  await expect(page.getByLabel('Forget API keys when the browser closes')).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);
});

test('screenshots of the profile and template screens, light and dark', async ({
  openOptions,
  sandbox,
}, info) => {
  const page = await openOptions('#profiles');
  await addDemoProfile(page, sandbox.baseUrl);
  await callFromPage(
    page,
    'templates.save',
    voluumTemplateInput({
      postbackUrl:
        'https://abcde.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}&txid={transaction_id}',
      notes: 'Tracking link: add sub1={clickid}',
    }),
  );
  // Docs screenshots are written only on request, so a test run never dirties the checkout.
  const write = process.env.UPDATE_SCREENSHOTS === '1';
  if (write) mkdirSync(SCREENSHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(page.url().replace(/#.*$/, '#profiles'));
    await page.reload();
    await expect(page.getByRole('list', { name: 'Your profiles' })).toContainText('Demo Partner');
    const profiles = await page.screenshot({ fullPage: true });
    await info.attach(`options-profiles-${scheme}.png`, { body: profiles, contentType: 'image/png' });

    await page.goto(page.url().replace(/#.*$/, '#templates/new'));
    await page
      .getByLabel('Postback URL')
      .fill('https://abcde.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}&tx={transactionid}');
    await page.getByLabel('Template name').fill('Voluum (new)');
    await expect(page.locator('[data-rule="macro.typo"]')).toBeVisible();
    const templates = await page.screenshot({ fullPage: true });
    await info.attach(`options-templates-${scheme}.png`, { body: templates, contentType: 'image/png' });
    writeFileSync(info.outputPath(`options-profiles-${scheme}.png`), profiles);
    writeFileSync(info.outputPath(`options-templates-${scheme}.png`), templates);
    if (write && scheme === 'light') {
      writeFileSync(`${SCREENSHOTS}options-profiles.png`, profiles);
      writeFileSync(`${SCREENSHOTS}options-templates.png`, templates);
    }
    // Cancel drops the editor's draft, so the next colour scheme starts clean.
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
});
