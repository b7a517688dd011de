import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkApi } from '../../../components/bulk/api';
import { BulkScreen } from '../../../components/bulk/BulkScreen';
import { jobCsv } from '../../../components/bulk/report-csv';
import type { Job } from '../../../lib/model/jobs';
import type { Template } from '../../../lib/model/template';
import { err, ok } from '../../../lib/result';

const template = {
  id: 't1',
  name: 'Voluum',
  side: 'affiliate',
  tracker: 'voluum',
  deliveryMethod: 'postback',
  pixelType: 'conversion',
  level: 'specific',
  postbackUrl: 'https://trk.example/pb?cid={sub1}',
  htmlCode: '',
  delayMs: 0,
  notes: '',
  description: '',
  createdAt: 0,
  updatedAt: 0,
} satisfies Template;

const job: Job = {
  id: 'j1',
  kind: 'apply',
  title: 'Apply “Voluum”',
  state: 'done',
  createdAt: 1,
  updatedAt: 2,
  steps: [
    {
      key: 'a',
      profileId: 'p',
      kind: 'create',
      offerId: 11,
      label: 'Keto (11)',
      state: 'done',
      resultPixelId: 501,
    },
    {
      key: 'b',
      profileId: 'p',
      kind: 'create',
      offerId: 12,
      label: 'Slim (12)',
      state: 'skipped',
      reason: 'Postback 7 already does exactly this (active).',
    },
    {
      key: 'c',
      profileId: 'p',
      kind: 'create',
      offerId: 13,
      label: '=HYPERLINK("x")',
      state: 'failed',
      reason: 'Everflow had a server error.',
    },
  ],
};

function fakeApi(): BulkApi {
  return {
    profiles: vi.fn(async () =>
      ok([
        {
          id: 'p',
          name: 'Acme',
          role: 'affiliate' as const,
          region: 'us' as const,
          portalDomains: [],
          maskedKey: '••••1234',
          hasKey: true,
          isDefault: true,
          createdAt: 0,
        },
      ]),
    ),
    templates: vi.fn(async () => ok([template])),
    offers: vi.fn(async () =>
      ok({
        items: [
          { id: 11, name: 'Keto', status: 'active', events: [] },
          { id: 12, name: 'Slim', status: 'active', events: [] },
          { id: 13, name: 'Paused one', status: 'paused', events: [] },
        ],
        page: 1,
        pageSize: 500,
        total: 3,
      }),
    ),
    offer: vi.fn(),
    previewApply: vi.fn(async ({ targets }) =>
      ok(
        targets.map((t: { offerId: number; profileId: string }) => ({
          key: `${t.offerId}`,
          profileId: t.profileId,
          offerId: t.offerId,
          label: `Offer ${t.offerId}`,
          draft: {
            deliveryMethod: 'postback' as const,
            type: 'conversion' as const,
            level: 'specific' as const,
            status: 'active' as const,
          },
          action: t.offerId === 12 ? ('skip' as const) : ('create' as const),
          ...(t.offerId === 12 ? { reason: 'Postback 7 already does exactly this (active).' } : {}),
          findings: [],
        })),
      ),
    ),
    startApply: vi.fn(async () => ok({ ...job, state: 'running' as const })),
    jobs: vi.fn(async () => ok([job])),
    control: vi.fn(async () => ok(job)),
    undoJob: vi.fn(async () => ok(job)),
    find: vi.fn(async () => ok({ matches: [], failures: [] })),
    previewReplace: vi.fn(),
    startReplace: vi.fn(),
    startToggle: vi.fn(),
  };
}

describe('BulkScreen', () => {
  afterEach(cleanup);

  it('filters and selects offers, previews (create / skip), then starts a job', async () => {
    const api = fakeApi();
    render(<BulkScreen api={api} download={vi.fn()} />);
    fireEvent.change(await screen.findByLabelText('Template'), { target: { value: 't1' } });
    await screen.findByText('Keto');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'active' } });
    expect(screen.queryByText('Paused one')).toBeNull();
    fireEvent.click(screen.getByLabelText(/Select all shown \(2\)/));
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText(/skip: Postback 7 already/)).toBeTruthy();
    expect(screen.getByText('1 to create, 1 skipped.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(api.startApply).toHaveBeenCalled());
    expect(vi.mocked(api.startApply).mock.calls[0]?.[0]).toEqual({
      templateId: 't1',
      targets: [
        { profileId: 'p', offerId: 11, offerName: 'Keto' },
        { profileId: 'p', offerId: 12, offerName: 'Slim' },
      ],
    });
  });

  it('shows each job with its progress and report, exports CSV and retries the failed ones', async () => {
    const api = fakeApi();
    const download = vi.fn();
    render(<BulkScreen api={api} download={download} />);
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('value')).toBe('3');
    expect(screen.getByText('1 done · 1 skipped · 1 failed · 0 left')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the report' }));
    expect(screen.getByText('Everflow had a server error.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(download).toHaveBeenCalledWith('job-j1.csv', jobCsv(job));
    fireEvent.click(screen.getByRole('button', { name: 'Retry the failed ones' }));
    await waitFor(() => expect(api.control).toHaveBeenCalledWith('j1', 'retryFailed'));
  });

  it('keeps polling after a failed read (the worker restarting), then shows the progress', async () => {
    const api = fakeApi();
    vi.mocked(api.jobs)
      .mockResolvedValueOnce(err({ kind: 'unavailable', message: 'The background is starting.' }))
      .mockResolvedValue(ok([job]));
    render(<BulkScreen api={api} download={vi.fn()} />);
    expect(
      await screen.findByText('1 done · 1 skipped · 1 failed · 0 left', {}, { timeout: 3000 }),
    ).toBeTruthy();
  });

  it('writes a CSV a spreadsheet cannot run as a formula', () => {
    const csv = jobCsv(job);
    expect(csv.split('\r\n')[0]).toBe('"profile_id","offer_id","what","result","postback_id","reason"');
    expect(csv).toContain('"p","11","Keto (11)","created","501",""');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
