import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoProfileInput } from './demo-inputs';
import { expect, test } from './fixtures';
import {
  AFFILIATE_KEY as KEY,
  openPopupFor,
  PORTAL_RULES,
  serverPixels,
  setUpFromOptions,
  setUpPortal,
  startPortal,
} from './popup-helpers';
import { callFromPage } from './protocol';

// Issue 15: the fast path where affiliates really stand. A white-label portal no profile names, a first postback
// with no template, and an API that hangs.
const WHITE_LABEL = 'partners.brand.test';
test.use({ hostResolverRules: [...PORTAL_RULES, `MAP ${WHITE_LABEL} 127.0.0.1`] });

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function offerWithoutPostbacks(baseUrl: string): Promise<number> {
  const used = new Set((await serverPixels(baseUrl)).map((p) => p.network_offer_id));
  const offers = (await (
    await fetch(`${baseUrl}/affiliates/offersrunnable?page_size=100`, { headers: KEY })
  ).json()) as {
    offers: { network_offer_id: number }[];
  };
  return offers.offers.map((o) => o.network_offer_id).find((id) => !used.has(id))!;
}

test('a white-label portal: one click says which profile it is for, then the offer shows', async ({
  context,
  worker,
  extensionId,
  sandbox,
  serve,
}) => {
  const portal = await startPortal(serve);
  await setUpFromOptions(context, extensionId, sandbox.baseUrl);
  // A second profile, so the question has two answers to lay out.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const second = await callFromPage<{ ok: boolean }>(options, 'profiles.save', {
    ...demoProfileInput(sandbox.baseUrl, []),
    name: 'Second affiliate account',
  });
  expect(second.ok).toBe(true);
  await options.close();
  const offerId = (await serverPixels(sandbox.baseUrl)).find(
    (p) => p.pixel_level === 'specific',
  )!.network_offer_id;
  // A hash-routed offer page on a host that no profile names.
  const url = portal.urlFor(WHITE_LABEL, `/affiliate/#/offers/${offerId}`);
  const { popup } = await openPopupFor(context, worker, extensionId, url);
  const ask = popup.getByRole('region', { name: 'Which profile this portal belongs to' });
  await expect(ask).toContainText(`Offer ${offerId} — which profile is this portal for?`);
  // Walk defect 5: the question is the whole answer until it is answered, and its buttons sit in one row.
  await expect(popup.getByText('No offer on this page')).toHaveCount(0);
  await expect(popup.getByRole('switch')).toHaveCount(0);
  const tops = await ask
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThan(1);
  expect(new Set(tops).size).toBe(1);
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.screenshot({ path: test.info().outputPath('popup-portal-question.png') });
  if (process.env.UPDATE_SCREENSHOTS === '1')
    await popup.screenshot({ path: 'docs/screenshots/popup-portal-question.png' });

  await ask.getByRole('button', { name: 'Demo affiliate' }).click();
  await expect(ask).toHaveCount(0);
  await expect(popup.locator('.offer__name')).toHaveAttribute('data-offer-id', String(offerId));
  await expect(popup.getByRole('switch').first()).toBeVisible();
  // Stored on the profile, through the profile save (no key typed): the next visit asks nothing.
  const profiles = await callFromPage<{ ok: true; value: { portalDomains: string[] }[] }>(
    popup,
    'profiles.list',
    undefined,
  );
  expect(profiles.value[0]!.portalDomains).toContain(WHITE_LABEL);
  await popup.reload();
  await expect(popup.locator('.offer__name')).toHaveAttribute('data-offer-id', String(offerId));
  await expect(popup.getByText(/which profile is this portal for\?/)).toHaveCount(0);
});

test('the first postback from a fresh profile with no template, in five clicks or fewer', async ({
  context,
  worker,
  extensionId,
  sandbox,
  serve,
}) => {
  const { openOffer } = await setUpPortal({ context, worker, extensionId, sandbox, serve }, false);
  const offerId = await offerWithoutPostbacks(sandbox.baseUrl);
  let clicks = 0;
  // Click 1: the toolbar button on the offer page.
  const { popup } = await openOffer(offerId);
  clicks++;
  const first = popup.getByRole('region', { name: 'Your first postback' });
  await expect(first).toBeVisible();
  // Click 2: pick the tracker.
  await first.getByLabel('Tracker', { exact: true }).selectOption({ label: 'RedTrack' });
  clicks++;
  // Click 3: into the field, and paste the tracker domain.
  await first.getByLabel('Tracker domain or postback URL').click();
  clicks++;
  await first.getByLabel('Tracker domain or postback URL').fill('trk.zen-media.test');
  await expect(first.locator('.preview__url')).toContainText(
    'https://trk.zen-media.test/postback?clickid={sub1}',
  );
  expect(await seriousViolations(popup)).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS === '1')
    await popup.screenshot({ path: 'docs/screenshots/popup-first-postback.png' });
  // Click 4: create.
  await first.getByRole('button', { name: 'Create postback' }).click();
  clicks++;
  await expect(popup.getByRole('status').filter({ hasText: 'made it the default' })).toBeVisible();
  expect(clicks).toBeLessThanOrEqual(5);

  const created = (await serverPixels(sandbox.baseUrl)).filter((p) => p.network_offer_id === offerId);
  expect(created).toHaveLength(1);
  expect(created[0]!.postback_url).toBe(
    'https://trk.zen-media.test/postback?clickid={sub1}&sum={payout_amount}',
  );
  // Saved as a template named after the tracker, the profile's default: the panel is now the usual one.
  await expect(popup.getByRole('combobox', { name: 'Template' })).toHaveValue(/.+/);
  await expect(popup.locator('.create__pick option:checked')).toHaveText('RedTrack');
  await expect(popup.locator('.create__default')).toHaveText('Default');
});

test('a hung API: the toggle says what it does at once, fails within the deadline with its message, rolls back', async ({
  context,
  worker,
  extensionId,
  sandbox,
  serve,
}) => {
  const { pixels, openOffer } = await setUpPortal({ context, worker, extensionId, sandbox, serve });
  const target = pixels.find((p) => p.pixel_level === 'specific' && p.pixel_status === 'active')!;
  const { popup } = await openOffer(target.network_offer_id);
  const toggle = popup.getByRole('switch', { name: `Postback ${target.network_pixel_id}` });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(popup.getByText('Checking for changes…')).toHaveCount(0);
  await sandbox.control.inject({ kind: 'hang', match: { path: '/v1/affiliates/pixels' } });

  const row = popup.locator(`[data-pixel-id="${target.network_pixel_id}"]`);
  const heightBefore = (await row.boundingBox())!.height;
  const started = Date.now();
  await toggle.click();
  await expect(row.getByText('Switching off…')).toBeVisible({ timeout: 500 });
  expect((await row.boundingBox())!.height).toBe(heightBefore);
  await expect(row.getByRole('alert')).toContainText('Everflow did not answer in time', { timeout: 15_000 });
  const took = Date.now() - started;
  expect(took).toBeLessThan(11_500);
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(
    row.getByRole('button', { name: `Retry switching postback ${target.network_pixel_id}` }),
  ).toBeVisible();
  test.info().annotations.push({ type: 'hung toggle failed after (ms)', description: String(took) });
  expect(await seriousViolations(popup)).toEqual([]);
});

test('layout at 400×600: five rows or more under the folded create panel, Save in view while editing', async ({
  context,
  worker,
  extensionId,
  sandbox,
  serve,
}) => {
  const { offerId, openOffer } = await setUpPortal({ context, worker, extensionId, sandbox, serve });
  const { popup } = await openOffer(offerId);
  // The offer's own rows and the global ones; the "All postbacks" view when the offer has fewer than five.
  await expect(popup.getByRole('button', { name: 'Create postback' })).toBeEnabled();
  if ((await popup.getByRole('switch').count()) < 5)
    await popup.getByRole('button', { name: 'All postbacks' }).click();
  await popup.getByRole('button', { name: 'This offer' }).click();
  await popup.getByRole('button', { name: 'All postbacks' }).click();
  await popup.getByRole('button', { name: 'This offer' }).click();
  await expect(popup.getByRole('button', { name: 'Create postback' })).toBeEnabled();
  const tops = await popup
    .locator('.rows > li')
    .evaluateAll((rows) => rows.map((r) => Math.round(r.getBoundingClientRect().bottom)));
  const visible = tops.filter((bottom) => bottom <= 600).length;
  test.info().annotations.push({ type: 'rows fully visible at 600 px', description: String(visible) });
  expect(
    visible,
    `rows fully visible: ${visible} of ${tops.length}, bottoms ${tops.slice(0, 8).join(',')}`,
  ).toBeGreaterThanOrEqual(Math.min(tops.length, 5));
  await popup.screenshot({ path: test.info().outputPath('popup-layout.png') });
  if (process.env.UPDATE_SCREENSHOTS === '1') await popup.screenshot({ path: 'docs/screenshots/popup.png' });

  // A long URL opens to its whole length.
  const url = popup.locator('.rows > li .row__url-toggle').first();
  await url.click();
  await expect(url).toHaveAttribute('aria-expanded', 'true');
  await expect(popup.getByRole('button', { name: 'Copy URL' })).toBeVisible();

  // Edit: Save stays in the viewport (sticky), whatever the form's length.
  await popup
    .locator('.rows > li')
    .first()
    .getByRole('button', { name: /^Edit postback/ })
    .click();
  const save = popup.locator('.edit .create__actions .button--primary');
  await expect(save).toBeVisible();
  await expect(save).toBeInViewport();
  expect(await seriousViolations(popup)).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS === '1')
    await popup.screenshot({ path: 'docs/screenshots/popup-edit.png' });
});
