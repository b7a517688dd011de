import { BULK_URL, bulkPostbacksPerOffer, jobs, setUpBulk } from './bulk-helpers';
import { expect, test } from './fixtures';
import { stopServiceWorkers } from './protocol';

// Bulk jobs in the browser against the sandbox (issue 17.5): the Bulk screen, the job in the background worker,
// and what Everflow (the sandbox) holds at the end.

test.use({ sandboxOptions: { seed: 'empty' } });

test('a bulk job over 30 offers: one skipped, one 500 reported and retried, the worker stopped mid-job, no duplicate', async ({
  openOptions,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const page = await openOptions('#bulk');
  const { offers } = await setUpBulk(page, sandbox.baseUrl);
  const picked = offers.slice(0, 30);
  expect(picked).toHaveLength(30);
  // One offer already has an equivalent postback (made in the portal): the job skips it.
  const existing = picked[3]!;
  await sandbox.control.createPixel(
    {
      network_offer_id: existing.id,
      network_affiliate_id: 7,
      delivery_method: 'postback',
      pixel_level: 'specific',
      pixel_status: 'active',
      pixel_type: 'conversion',
      postback_url: BULK_URL,
    },
    'affiliate',
  );
  await page.reload(); // the screen reads the profile and template added above

  await page.getByRole('combobox', { name: 'Template', exact: true }).selectOption({ label: 'Voluum S2S' });
  const boxes = page.getByRole('list', { name: 'Offers' }).getByRole('checkbox');
  await expect(boxes).toHaveCount(offers.length);
  for (let i = 0; i < 30; i++) await boxes.nth(i).check();
  await expect(page.getByText('30 picked')).toBeVisible();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('table', { name: 'Preview' });
  await expect(preview.locator('tbody tr')).toHaveCount(30);
  await expect(preview.locator('tr[data-action="skip"]')).toHaveCount(1);
  await expect(preview.locator('tr[data-action="skip"]')).toContainText('already does exactly this');
  await expect(page.getByText('29 to create, 1 skipped.')).toBeVisible();

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();

  // Stop the worker mid-job, as the browser does; the page's next message wakes it, and the job resumes.
  await expect
    .poll(async () => (await jobs(page))[0]?.steps.filter((s) => s.state === 'done').length ?? 0, {
      timeout: 30_000,
      intervals: [100],
    })
    .toBeGreaterThanOrEqual(5);
  const before = (await jobs(page))[0]!;
  expect(before.state).toBe('running');
  expect(before.steps.filter((s) => s.state === 'pending').length).toBeGreaterThan(0);
  await stopServiceWorkers(page);
  // The first create after the restart answers 500: reported, nothing saved (a create is never re-POSTed).
  // (Injected after the stop: a 500 whose look-up the stop cut short is looked up and sent again on resume.)
  await sandbox.control.inject({
    kind: 'status',
    status: 500,
    count: 1,
    match: { method: 'POST', path: '/v1/affiliates/pixels' },
  });

  await expect.poll(async () => (await jobs(page))[0]?.state, { timeout: 60_000 }).toBe('done');
  const job = page.locator('.job').first();
  await expect(job.locator('.job__counts')).toHaveText('28 done · 1 skipped · 1 failed · 0 left');
  await job.getByRole('button', { name: 'Show the report' }).click();
  await expect(job.locator('.job__report tr[data-state="failed"]')).toHaveCount(1);
  await expect(job.locator('.job__report tr[data-state="failed"]')).toContainText(/server|500/i);
  await expect(job.locator('.job__report tr[data-state="skipped"]')).toContainText(existing.name);

  let perOffer = await bulkPostbacksPerOffer(sandbox.control);
  const failedStep = (await jobs(page))[0]!.steps.find((s) => s.state === 'failed')!;
  expect(perOffer.get(failedStep.offerId) ?? 0).toBe(0);
  for (const o of picked.filter((o) => o.id !== failedStep.offerId))
    expect(perOffer.get(o.id), o.name).toBe(1);

  // Retry the failed ones: looked up first (not there), then sent once.
  await job.getByRole('button', { name: 'Retry the failed ones' }).click();
  await expect(job.locator('.job__counts')).toHaveText('29 done · 1 skipped · 0 failed · 0 left', {
    timeout: 30_000,
  });
  perOffer = await bulkPostbacksPerOffer(sandbox.control);
  for (const o of picked) expect(perOffer.get(o.id), o.name).toBe(1);
  expect([...perOffer.values()].reduce((a, b) => a + b, 0)).toBe(30);
  // Everflow saved 29 creates, each once, the stop and the retry included.
  const saved = (await sandbox.control.requests()).filter(
    (r) => r.method === 'POST' && r.path === '/v1/affiliates/pixels' && r.status === 200,
  );
  expect(saved).toHaveLength(29);
  // The CSV report is one click away.
  const download = page.waitForEvent('download');
  await job.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^job-.+\.csv$/);
});

test.describe('find and replace', () => {
  test.use({ sandboxOptions: { seed: 'demo' } });

  test('a replace job with its preview changes every picked URL on the sandbox and nothing else', async ({
    openOptions,
    sandbox,
  }) => {
    const OLD = 'kt.demopartner-media.com';
    const NEW = 'kt.new-tracker.example';
    const page = await openOptions('#bulk');
    await setUpBulk(page, sandbox.baseUrl);
    const mine = (await sandbox.control.state()).pixels.filter((p) => p.network_affiliate_id === 7);
    const hits = mine.filter((p) => p.postback_url.includes(OLD));
    expect(hits.length).toBeGreaterThanOrEqual(3);
    await page.reload();

    await page.getByLabel('Find (host, path, macro or text)').fill(OLD);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(page.getByText(`${hits.length} postbacks match.`)).toBeVisible();
    const rows = page.locator('.find-rows input[type="checkbox"]');
    await expect(rows).toHaveCount(hits.length);
    await expect(page.locator('.find-rows mark').first()).toHaveText(OLD);
    for (let i = 0; i < hits.length; i++) await rows.nth(i).check();
    await page.getByLabel('Replace with').fill(NEW);
    await page.getByRole('button', { name: 'Preview the replace' }).click();
    const preview = page.getByRole('table', { name: 'Replace preview' });
    await expect(preview.locator('tbody tr')).toHaveCount(hits.length);
    for (const p of hits) {
      const row = preview.locator('tbody tr', { hasText: `#${p.network_pixel_id}` });
      await expect(row.locator('td').nth(1)).toHaveText(p.postback_url);
      await expect(row.locator('td').nth(2)).toHaveText(p.postback_url.replace(OLD, NEW));
    }
    await page.getByRole('button', { name: `Replace in ${hits.length} postbacks` }).click();
    await expect.poll(async () => (await jobs(page))[0]?.state, { timeout: 30_000 }).toBe('done');

    const after = (await sandbox.control.state()).pixels.filter((p) => p.network_affiliate_id === 7);
    for (const p of hits) {
      const now = after.find((x) => x.network_pixel_id === p.network_pixel_id)!;
      // The round trip kept every other field; only the URL changed.
      const { postback_url: u1, time_saved: _t1, ...rest1 } = p;
      const { postback_url: u2, time_saved: _t2, ...rest2 } = now;
      expect(u2).toBe(u1.replace(OLD, NEW));
      expect(rest2).toEqual(rest1);
    }
    const untouched = mine.filter((p) => !p.postback_url.includes(OLD));
    for (const p of untouched) {
      expect(after.find((x) => x.network_pixel_id === p.network_pixel_id)?.postback_url).toBe(p.postback_url);
    }
  });
});
