import { expect, test } from './fixtures';
import { PORTAL_RULES, serverPixel, setUpPortal } from './popup-helpers';

test.use({ hostResolverRules: PORTAL_RULES });

test('Edit changes only what the form changed: the PUT carries every other field as it was', async ({
  context,
  worker,
  extensionId,
  sandbox,
  serve,
}) => {
  const { pixels, openOffer } = await setUpPortal({ context, worker, extensionId, sandbox, serve });
  const target = pixels.find((p) => p.pixel_level === 'specific' && p.delivery_method === 'postback')!;
  const before = await serverPixel(sandbox.baseUrl, target.network_pixel_id);
  const { popup } = await openOffer(target.network_offer_id);

  await popup.getByRole('button', { name: `Edit postback ${target.network_pixel_id}` }).click();
  const url = popup.getByRole('textbox', { name: 'Postback URL' });
  await expect(url).toHaveValue(String(before.postback_url));
  const next = `${before.postback_url}&edited=1`;
  await url.fill(next);
  await sandbox.control.clearRequests();
  await popup.getByRole('button', { name: 'Save postback' }).click();
  await expect(
    popup.getByRole('status').filter({ hasText: `Saved postback #${target.network_pixel_id}` }),
  ).toBeVisible();

  const puts = (await sandbox.control.requests()).filter((r) => r.method === 'PUT');
  expect(puts).toHaveLength(1);
  const sent = puts[0]!.body as Record<string, unknown>;
  expect(sent.postback_url).toBe(next);
  const after = await serverPixel(sandbox.baseUrl, target.network_pixel_id);
  const { postback_url: _a, time_saved: _b, ...restBefore } = before;
  const { postback_url: _c, time_saved: _d, ...restAfter } = after;
  expect(restAfter).toEqual(restBefore);
});

test('Edit on a global Meta postback shows its method, fields and "All offers", and Save keeps every field (walk defect 2)', async ({
  context,
  worker,
  extensionId,
  sandbox,
  serve,
}) => {
  const { pixels, offerId, openOffer } = await setUpPortal({ context, worker, extensionId, sandbox, serve });
  const target = pixels.find((p) => p.pixel_level === 'global' && p.delivery_method === 'facebook')!;
  const before = await serverPixel(sandbox.baseUrl, target.network_pixel_id);
  const { popup } = await openOffer(offerId);

  await popup.getByRole('button', { name: `Edit postback ${target.network_pixel_id}` }).click();
  await expect(popup.getByRole('combobox', { name: 'Delivery method' })).toHaveValue('facebook');
  await expect(popup.getByRole('textbox', { name: 'Pixel id' })).toHaveValue(
    String((before.facebook_pixel as Record<string, unknown>).pixel_id),
  );
  await expect(popup.getByText(/Access token: Set \(••••/)).toBeVisible();
  await expect(popup.getByRole('combobox', { name: 'Offer' })).toHaveCount(0);
  await expect(popup.getByRole('group', { name: 'Offer' })).toContainText('All offers');
  await sandbox.control.clearRequests();
  await popup.getByRole('button', { name: 'Save postback' }).click();
  await expect(
    popup.getByRole('status').filter({ hasText: `Saved postback #${target.network_pixel_id}` }),
  ).toBeVisible();
  expect((await sandbox.control.requests()).filter((r) => r.method === 'PUT')).toHaveLength(1);
  const after = await serverPixel(sandbox.baseUrl, target.network_pixel_id);
  const { time_saved: _b, ...restBefore } = before;
  const { time_saved: _d, ...restAfter } = after;
  // The token included: the page only ever had it masked, and the server keeps its own.
  expect(restAfter).toEqual(restBefore);
});

test('when the network has switched off partner postbacks, creating says so and links to the portal', async ({
  context,
  worker,
  extensionId,
  sandbox,
  serve,
}) => {
  const { offerId, openOffer, portalUrl } = await setUpPortal({
    context,
    worker,
    extensionId,
    sandbox,
    serve,
  });
  await sandbox.control.setPartnerPostbacksDisabled(true);
  const { popup } = await openOffer(offerId);
  await popup.getByRole('button', { name: 'Create postback' }).click();
  const error = popup.locator('.create .action-error');
  await expect(error).toHaveAttribute('data-kind', 'forbidden');
  await expect(error).toContainText(/disabled|switched off|not allowed/i);
  await expect(error.getByRole('link', { name: 'Open the partner portal' })).toHaveAttribute(
    'href',
    new URL(portalUrl('/')).origin,
  );
  await expect(error).toContainText('Nothing you typed is lost');
});

test('at 400 px nothing is cut or scrolls sideways: row badges, offer line, first-postback panel, macro picker (walk defect 6)', async ({
  context,
  worker,
  extensionId,
  sandbox,
  serve,
}) => {
  const { pixels, openOffer } = await setUpPortal({ context, worker, extensionId, sandbox, serve }, false);
  // The offer with the most rows, so badges of every kind are on screen.
  const counts = new Map<number, number>();
  for (const p of pixels)
    if (p.pixel_level === 'specific')
      counts.set(p.network_offer_id, (counts.get(p.network_offer_id) ?? 0) + 1);
  const offerId = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const { popup } = await openOffer(offerId);
  await expect(popup.getByRole('switch').first()).toBeVisible();
  await expect(popup.locator('.create--first')).toBeVisible();
  await popup.screenshot({ path: test.info().outputPath('popup-400-first.png') });

  const sideways = () =>
    popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await sideways()).toBe(0);
  // Every badge ends before the row's first link (Edit).
  const cut = await popup.locator('.row').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const link = row.querySelector(':scope > .link-button')!.getBoundingClientRect();
      return (
        [...row.querySelectorAll('.row__meta > *')]
          // Past the links, or shortened with an ellipsis.
          .filter(
            (b) => b.getBoundingClientRect().right > link.left + 0.5 || b.scrollWidth > b.clientWidth + 0.5,
          )
          .map((b) => b.textContent)
      );
    }),
  );
  expect(cut).toEqual([]);
  // The first-postback panel holds its links; "Change offer" stays on one line.
  const panel = await popup.locator('.create--first').boundingBox();
  const link = await popup
    .getByRole('button', { name: 'or make templates in Options → Templates' })
    .boundingBox();
  expect(link!.x + link!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
  const change = await popup.getByRole('button', { name: 'Change offer' }).boundingBox();
  expect(change!.height).toBeLessThan(30);

  // The macro picker of the edit form fits the popup.
  await popup
    .locator('.row')
    .first()
    .getByRole('button', { name: /^Edit postback/ })
    .click();
  await popup.getByRole('button', { name: 'Insert macro' }).first().click();
  const picker = await popup.locator('.macro-picker__popover').boundingBox();
  expect(picker!.x + picker!.width).toBeLessThanOrEqual(400);
  expect(await sideways()).toBe(0);
  await popup.screenshot({ path: test.info().outputPath('popup-400-macro-picker.png') });
});
