import { voluumTemplateInput } from './demo-inputs';
import { expect, test } from './fixtures';
import { seriousA11y } from './network-helpers';
import {
  openPopupFor,
  PORTAL_HOST,
  PORTAL_RULES,
  serverPixels,
  setUpAffiliate,
  startPortal,
} from './popup-helpers';
import { callFromPage } from './protocol';

test.use({ hostResolverRules: PORTAL_RULES });

type R<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
const TRACKER_HOST = 'trk.demopartner.voluumtrk.com';

test('global postbacks are listed apart as "Also fires here", and a new one to their host is warned of (issue 15.4)', async ({
  context,
  worker,
  extensionId,
  sandbox,
  serve,
}) => {
  const portal = await startPortal(serve);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const { profileId } = await setUpAffiliate(page, sandbox.baseUrl, false);
  // The default template sends to the host the demo partner's global postbacks already send to.
  const t = await callFromPage<R<{ id: string }>>(
    page,
    'templates.save',
    voluumTemplateInput({
      postbackUrl: `https://${TRACKER_HOST}/postback?cid={sub1}&payout={payout_amount}`,
    }),
  );
  if (!t.ok) throw new Error(t.error.message);
  await callFromPage(page, 'settings.update', { defaultTemplateIds: { [profileId]: t.value.id } });
  await page.close();

  const pixels = await serverPixels(sandbox.baseUrl);
  const globals = pixels.filter((p) => p.pixel_level === 'global');
  expect(globals).toHaveLength(4);
  const offerId = pixels.find((p) => p.pixel_level === 'specific')!.network_offer_id;
  const own = pixels.filter((p) => p.pixel_level !== 'global' && p.network_offer_id === offerId);
  const { popup } = await openPopupFor(
    context,
    worker,
    extensionId,
    portal.urlFor(PORTAL_HOST, `/offers/${offerId}`),
  );

  const ownList = popup.getByRole('list', { name: 'Postbacks' });
  const alsoList = popup.getByRole('list', { name: 'Also fires here' });
  await expect(popup.getByRole('heading', { name: 'Also fires here' })).toBeVisible();
  await expect(alsoList.getByRole('switch')).toHaveCount(globals.length);
  await expect(ownList.getByRole('switch')).toHaveCount(own.length);
  for (const g of globals)
    await expect(alsoList.locator(`[data-pixel-id="${g.network_pixel_id}"]`)).toHaveCount(1);

  // Event postbacks name their event (issue 15.4): the offer's "Upsell", and "every event" for the global one.
  await expect(ownList.getByText('Event: Upsell')).toBeVisible();
  await expect(alsoList.getByText('Event: every event')).toBeVisible();

  // The active global conversion postbacks to that host (the S2S one and the image pixel) are named.
  const sameHost = globals.filter(
    (p) =>
      p.pixel_status === 'active' &&
      p.pixel_type === 'conversion' &&
      JSON.stringify([p.postback_url, p.html_code]).includes(TRACKER_HOST),
  );
  expect(sameHost).toHaveLength(2);
  const warning = popup.getByText(/Likely double count/);
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(TRACKER_HOST);
  for (const p of sameHost) await expect(warning).toContainText(`#${p.network_pixel_id}`);
  expect(await seriousA11y(popup)).toEqual([]);
  await popup.screenshot({ path: test.info().outputPath('popup-also-fires.png'), fullPage: true });
});
