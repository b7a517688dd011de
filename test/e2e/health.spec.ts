// The health watch in the browser against the sandbox (issue 18.1).
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import type { InExtension } from './chrome-global';
import { expect, test } from './fixtures';
import { serverPixels, setUpAffiliate } from './popup-helpers';

type BadgeChrome = InExtension['chrome'] & { action: { getBadgeText(d: object): Promise<string> } };
async function seriousA11y(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

const badge = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { chrome: BadgeChrome }).chrome.action.getBadgeText({}));

test('a postback switched off outside the extension is flagged after "Check now"; "Switch back on" clears it', async ({
  openOptions,
  openPopup,
  worker,
  sandbox,
}) => {
  const options = await openOptions('#health');
  await setUpAffiliate(options, sandbox.baseUrl, false);
  const check = options.getByRole('button', { name: 'Check now' });
  await check.click();
  await expect(options.getByText(/Last checked/)).toBeVisible();
  await expect(options.getByText('No postback was switched off outside the extension.')).toBeVisible();

  const target = (await serverPixels(sandbox.baseUrl)).find(
    (p) => p.pixel_status === 'active' && p.pixel_level === 'specific',
  )!;
  // As Everflow does after failed deliveries: straight on the server, not through the extension.
  await sandbox.control.setPixelStatus(target.network_pixel_id, 'inactive');
  await check.click();
  const item = options.locator(`.attention__item[data-pixel-id="${target.network_pixel_id}"]`);
  await expect(item).toContainText('possibly by Everflow after failed deliveries');
  await expect(item).toContainText(`#${target.network_offer_id}`);
  // The screen's heading says "Needs attention" once; the list's own heading names what it holds.
  await expect(options.getByRole('heading', { name: 'Needs attention' })).toHaveCount(1);
  await expect(
    options.getByRole('heading', { name: 'Switched off outside the extension (1)' }),
  ).toBeVisible();
  await expect.poll(() => badge(worker)).toBe('1');
  expect(await seriousA11y(options)).toEqual([]);
  await item.getByRole('button', { name: 'Test-fire' }).click();
  await expect(options.getByRole('dialog')).toContainText('Will send');
  expect(await seriousA11y(options)).toEqual([]);
  await options.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // The popup shows it on top too.
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Needs attention (1)' })).toBeVisible();
  await popup.close();

  await options.getByRole('button', { name: `Switch back on: postback ${target.network_pixel_id}` }).click();
  await expect(item).toHaveCount(0);
  await expect.poll(() => badge(worker)).toBe('');
  expect((await sandbox.control.pixel(target.network_pixel_id)).pixel_status).toBe('active');
});

test('a toggle made through the extension is not flagged', async ({
  openOptions,
  openPopup,
  worker,
  sandbox,
}) => {
  const options = await openOptions('#health');
  await setUpAffiliate(options, sandbox.baseUrl, false);
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(options.getByText(/Last checked/)).toBeVisible();
  const target = (await serverPixels(sandbox.baseUrl)).find((p) => p.pixel_status === 'active')!;

  const popup = await openPopup();
  const toggle = popup.getByRole('switch', { name: `Postback ${target.network_pixel_id}` });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect
    .poll(async () => (await sandbox.control.pixel(target.network_pixel_id)).pixel_status)
    .toBe('inactive');

  // Wait for this second check to finish (the list's check time moves on): the text below was already there from
  // the first check, so reading it earlier would prove nothing.
  const attention = options.locator('section.attention');
  const before = await attention.getAttribute('data-last-check');
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(attention).not.toHaveAttribute('data-last-check', before ?? '');
  await expect(options.getByRole('button', { name: 'Check now' })).toBeEnabled();
  await expect(attention).toHaveAttribute('data-flagged', '0');
  await expect(options.getByText('No postback was switched off outside the extension.')).toBeVisible();
  await expect.poll(() => badge(worker)).toBe('');
});
