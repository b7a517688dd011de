import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxControl, type SandboxControl } from '../../sandbox/control';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { BULK_URL, bulkPostbacksPerOffer, type JobRow } from '../e2e/bulk-helpers';
import { demoProfileInput, voluumTemplateInput } from '../e2e/demo-inputs';
import { byLabel, call, clickButton, type FirefoxWithExtension, launchFirefox, waitForText } from './firefox';

// A small bulk job in real Firefox (mirrors test/e2e/bulk.spec.ts, much smaller): Options → Bulk over three offers,
// one of which already has the postback, run by the background event page against the local sandbox.

let firefox: FirefoxWithExtension;
let sandbox: Sandbox;
let control: SandboxControl;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'empty' });
  control = createSandboxControl(sandbox.origin);
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await sandbox?.close();
});

/** Wait until the newest job is in `state`, reading it through the protocol. */
async function waitForJob(page: Page, state: string): Promise<JobRow> {
  const deadline = Date.now() + 60_000;
  let job = (await call<JobRow[]>(page, 'jobs.list'))[0];
  while (job?.state !== state && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    job = (await call<JobRow[]>(page, 'jobs.list'))[0];
  }
  expect(job?.state).toBe(state);
  return job!;
}

describe('bulk in Firefox', () => {
  it('a bulk job over three offers: one skipped, two created once each', async () => {
    const page = await firefox.openExtensionPage('options.html#bulk');
    const { id: profileId } = await call<{ id: string }>(
      page,
      'profiles.save',
      demoProfileInput(sandbox.baseUrl, []),
    );
    await call(page, 'templates.save', voluumTemplateInput({ postbackUrl: BULK_URL }));
    const offers = (
      await call<{ items: { id: number; name: string }[] }>(page, 'offers.list', {
        profileId,
        page: 1,
        pageSize: 500,
      })
    ).items;
    const picked = offers.slice(0, 3);
    expect(picked).toHaveLength(3);
    // One offer already has an equivalent postback (made in the portal): the job skips it.
    const existing = picked[1]!;
    await control.createPixel(
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
    await page.close();

    // A fresh page reads the profile and template added above.
    const bulk = await firefox.openExtensionPage('options.html#bulk');
    const template = await byLabel(bulk, 'Template');
    const value = await template.evaluate(
      (s, name) =>
        [...(s as HTMLSelectElement).options].find((o) => o.textContent?.trim() === name)?.value ?? '',
      'Voluum S2S',
    );
    expect(value).not.toBe('');
    await template.select(value);
    await bulk.waitForFunction(
      (n: number) => document.querySelectorAll('ul.bulk-offers input[type="checkbox"]').length === n,
      { timeout: 30_000 },
      offers.length,
    );
    const boxes = await bulk.$$('ul.bulk-offers input[type="checkbox"]');
    for (let i = 0; i < 3; i++) await boxes[i]!.click();
    await clickButton(bulk, 'Preview');
    await bulk.waitForFunction(() => document.querySelectorAll('.bulk-preview tbody tr').length === 3, {
      timeout: 30_000,
    });
    expect(
      await bulk.$$eval('.bulk-preview tr[data-action="skip"]', (r) => r.map((e) => e.textContent)),
    ).toEqual([expect.stringContaining('already does exactly this')]);
    await waitForText(bulk, '2 to create, 1 skipped.');

    await clickButton(bulk, 'Start');
    await waitForJob(bulk, 'done');
    await waitForText(bulk, '2 done · 1 skipped · 0 failed · 0 left', '.job__counts');

    const perOffer = await bulkPostbacksPerOffer(control);
    for (const o of picked) expect(perOffer.get(o.id), o.name).toBe(1);
    expect([...perOffer.values()].reduce((a, b) => a + b, 0)).toBe(3);
    // Everflow saved exactly the two creates.
    const saved = (await control.requests()).filter(
      (r) => r.method === 'POST' && r.path === '/v1/affiliates/pixels' && r.status === 200,
    );
    expect(saved).toHaveLength(2);
    await bulk.close();
  });
});
