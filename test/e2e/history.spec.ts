import { BULK_URL, jobs, setUpBulk } from './bulk-helpers';
import { expect, test } from './fixtures';
import { PORTAL_RULES, serverPixel, setUpPortal } from './popup-helpers';
import { callFromPage } from './protocol';

// History and undo in the browser against the sandbox (issue 17.5): each undo is checked on what Everflow (the
// sandbox) holds afterwards.

type R<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

test.describe('undo from the popup', () => {
  test.use({ hostResolverRules: PORTAL_RULES });

  test('the toast after a toggle offers Undo, which switches the postback back on', async ({
    context,
    worker,
    extensionId,
    sandbox,
    serve,
  }) => {
    const { pixels, openOffer } = await setUpPortal({ context, worker, extensionId, sandbox, serve }, false);
    const target = pixels.find((p) => p.pixel_level === 'specific' && p.pixel_status === 'active')!;
    const { popup } = await openOffer(target.network_offer_id);
    const toggle = popup.getByRole('switch', { name: `Postback ${target.network_pixel_id}` });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(toggle).toBeEnabled(); // confirmed by the background
    expect((await serverPixel(sandbox.baseUrl, target.network_pixel_id)).pixel_status).toBe('inactive');

    const toast = popup.locator('.undo-toast');
    await expect(toast).toContainText(`Switched postback #${target.network_pixel_id} off.`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'active again' })).toBeVisible();
    await expect
      .poll(async () => (await serverPixel(sandbox.baseUrl, target.network_pixel_id)).pixel_status)
      .toBe('active');
    // The open popup shows it too (the background's write updates the rows through the cache).
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
  });
});

test('the History screen undoes an edit, and asks first when the postback changed since', async ({
  openOptions,
  sandbox,
}) => {
  const page = await openOptions('#history');
  const { profileId } = await setUpBulk(page, sandbox.baseUrl);
  const target = (await sandbox.control.state()).pixels.find(
    (p) => p.network_affiliate_id === 7 && p.delivery_method === 'postback' && p.pixel_level === 'specific',
  )!;
  const draft = {
    deliveryMethod: 'postback',
    type: 'conversion',
    level: 'specific',
    status: target.pixel_status,
    offerId: target.network_offer_id,
    postbackUrl: `${target.postback_url}&edited=1`,
  };
  const edited = await callFromPage<R<unknown>>(page, 'pixels.update', {
    profileId,
    pixelId: target.network_pixel_id,
    draft,
  });
  expect(edited.ok).toBe(true);
  expect((await sandbox.control.pixel(target.network_pixel_id)).postback_url).toContain('&edited=1');
  // Changed in the portal since the edit.
  const otherStatus = target.pixel_status === 'active' ? 'inactive' : 'active';
  await sandbox.control.setPixelStatus(target.network_pixel_id, otherStatus);
  await page.reload();

  const row = page.locator('tr[data-action="update"]').first();
  await expect(row).toContainText(`Edited postback ${target.network_pixel_id}`);
  await expect(row).toContainText('&edited=1');
  await row.getByRole('button', { name: `Undo: edited postback ${target.network_pixel_id}` }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('has changed since');
  expect((await sandbox.control.pixel(target.network_pixel_id)).postback_url).toContain('&edited=1');

  await alert.getByRole('button', { name: 'Undo anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'back as it was' })).toBeVisible();
  const after = await sandbox.control.pixel(target.network_pixel_id);
  expect(after.postback_url).toBe(target.postback_url);
  await expect(page.locator(`tr[data-entry-id]`).filter({ hasText: 'undone' })).toHaveCount(1);
});

test.describe('undo a whole job', () => {
  test.use({ sandboxOptions: { seed: 'empty' } });

  test('undoing a bulk job from the History screen switches off every postback it created (affiliate key)', async ({
    openOptions,
    sandbox,
  }) => {
    const page = await openOptions('#history');
    const { profileId, templateId, offers } = await setUpBulk(page, sandbox.baseUrl);
    const targets = offers.slice(0, 5).map((o) => ({ profileId, offerId: o.id, offerName: o.name }));
    const started = await callFromPage<R<{ id: string }>>(page, 'jobs.startApply', { templateId, targets });
    if (!started.ok) throw new Error(started.error.message);
    await expect.poll(async () => (await jobs(page))[0]?.state, { timeout: 30_000 }).toBe('done');
    const created = (await sandbox.control.state()).pixels.filter((p) => p.postback_url === BULK_URL);
    expect(created).toHaveLength(5);
    expect(created.every((p) => p.pixel_status === 'active')).toBe(true);

    await page.reload();
    await page.getByLabel('Job').selectOption(started.value.id);
    await expect(page.locator('tr[data-action="create"]')).toHaveCount(5);
    await page.getByRole('button', { name: 'Undo this whole job' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'started (5 steps)' })).toBeVisible();
    await expect
      .poll(async () => (await jobs(page)).find((j) => j.kind === 'undo')?.state, { timeout: 30_000 })
      .toBe('done');

    // Affiliate keys cannot delete: each created postback is switched off, and nothing else changed.
    const after = (await sandbox.control.state()).pixels.filter((p) => p.postback_url === BULK_URL);
    expect(after.map((p) => p.network_pixel_id).sort()).toEqual(
      created.map((p) => p.network_pixel_id).sort(),
    );
    expect(after.every((p) => p.pixel_status === 'inactive')).toBe(true);
    const undo = (await jobs(page)).find((j) => j.kind === 'undo')!;
    expect(undo.steps.every((s) => s.state === 'done' && /cannot delete/.test(s.reason ?? ''))).toBe(true);
  });
});
