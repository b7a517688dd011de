import { expect, test } from './fixtures';
import { setUpFromOptions } from './popup-helpers';

// Issue 16: an affiliate with 10 000 postbacks (the sandbox's `scale` seed).
test.use({ sandboxOptions: { seed: 'scale' } });

type StatePixel = Record<string, unknown> & { network_pixel_id: number; pixel_status: string };

test('10 000 postbacks: the popup opens, a search finds one, its switch flips, and only its status changes', async ({
  context,
  extensionId,
  sandbox,
  openPopup,
}) => {
  test.setTimeout(90_000);
  await setUpFromOptions(context, extensionId, sandbox.baseUrl, false);
  const before = (await sandbox.control.state()).pixels as unknown as StatePixel[];
  const mine = before.filter((p) => p.network_affiliate_id === 7);
  expect(mine.length).toBeGreaterThanOrEqual(10_000);
  const target = mine.filter((p) => p.pixel_status === 'active' && p.pixel_level === 'specific')[4321]!;

  const popup = await openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  const list = popup.getByRole('list', { name: 'Postbacks' });
  await expect(list).toBeVisible({ timeout: 30_000 });
  // Windowed: the list says where each row is among all of them, and renders only what is on screen.
  await expect(list.locator('li').first()).toHaveAttribute('aria-setsize', String(mine.length));
  expect(await list.locator('li').count()).toBeLessThan(60);

  await popup.getByRole('searchbox', { name: 'Search postbacks' }).fill(String(target.network_pixel_id));
  const toggle = popup.getByRole('switch', { name: `Postback ${target.network_pixel_id}` });
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(toggle).toBeEnabled(); // confirmed by the background

  const after = (await sandbox.control.state()).pixels as unknown as StatePixel[];
  const changed = after.filter(
    (p, i) => JSON.stringify({ ...p, time_saved: 0 }) !== JSON.stringify({ ...before[i], time_saved: 0 }),
  );
  expect(changed.map((p) => p.network_pixel_id)).toEqual([target.network_pixel_id]);
  const { pixel_status: s1, time_saved: _t1, ...restBefore } = target;
  const { pixel_status: s2, time_saved: _t2, ...restAfter } = changed[0]!;
  expect([s1, s2]).toEqual(['active', 'inactive']);
  expect(restAfter).toEqual(restBefore);
});
