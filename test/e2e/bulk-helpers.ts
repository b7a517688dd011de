import type { Page } from '@playwright/test';
import type { SandboxControl } from '../../sandbox/control';
import { demoProfileInput, voluumTemplateInput } from './demo-inputs';
import { callFromPage } from './protocol';

// Shared by the bulk and history browser tests (issue 17.5): the demo affiliate, one S2S template, and the
// job list read through the protocol (which also wakes a stopped worker, as the options page's polling does).

type R<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

/** The template every bulk test applies. */
export const BULK_URL = 'https://trk.bulk-test.example/pb?cid={sub1}&tx={transaction_id}';

/** A job as `jobs.list` answers it (the fields these tests read). */
export interface JobRow {
  id: string;
  kind: string;
  state: string;
  steps: { key: string; offerId: number; state: string; resultPixelId?: number; reason?: string }[];
}

function value<T>(r: R<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Add the demo affiliate profile and a Voluum template to BULK_URL; returns their ids and the offers, in list order. */
export async function setUpBulk(page: Page, baseUrl: string) {
  const profileId = value(
    await callFromPage<R<{ id: string }>>(page, 'profiles.save', demoProfileInput(baseUrl, [])),
  ).id;
  const templateId = value(
    await callFromPage<R<{ id: string }>>(
      page,
      'templates.save',
      voluumTemplateInput({ postbackUrl: BULK_URL }),
    ),
  ).id;
  const offers = value(
    await callFromPage<R<{ items: { id: number; name: string }[] }>>(page, 'offers.list', {
      profileId,
      page: 1,
      pageSize: 500,
    }),
  ).items;
  return { profileId, templateId, offers };
}

/** Every job the background keeps, newest first. */
export async function jobs(page: Page): Promise<JobRow[]> {
  return value(await callFromPage<R<JobRow[]>>(page, 'jobs.list'));
}

/** The demo affiliate's postbacks on the sandbox with this URL, per offer. */
export async function bulkPostbacksPerOffer(control: SandboxControl): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const p of (await control.state()).pixels) {
    if (p.network_affiliate_id !== 7 || p.postback_url !== BULK_URL) continue;
    counts.set(p.network_offer_id, (counts.get(p.network_offer_id) ?? 0) + 1);
  }
  return counts;
}
