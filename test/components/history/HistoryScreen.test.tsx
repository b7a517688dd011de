import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HistoryApi, HistoryScreen } from '../../../components/history/HistoryScreen';
import type { HistoryEntry } from '../../../lib/model/history';
import { err, ok } from '../../../lib/result';

const entry = (id: string, patch: Partial<HistoryEntry>): HistoryEntry => ({
  id,
  at: 1_800_000_000_000,
  profileId: 'p1',
  profileName: 'Acme',
  pixelId: 12,
  offerId: 11,
  action: 'status',
  before: { pixel_status: 'active' },
  after: { pixel_status: 'inactive' },
  source: 'user',
  ...patch,
});

function fakeApi(entries: HistoryEntry[]): HistoryApi {
  return {
    list: vi.fn(async () => ok(entries)),
    undo: vi.fn(async () => ok({ message: 'Postback 12 is active again.', pixelId: 12 })),
    undoJob: vi.fn(async () =>
      ok({
        id: 'u',
        kind: 'undo' as const,
        title: 'Undo “Apply”',
        state: 'running' as const,
        createdAt: 1,
        updatedAt: 1,
        steps: [],
      }),
    ),
  };
}

describe('HistoryScreen', () => {
  afterEach(cleanup);

  it('lists the writes, filters by profile and job, and undoes a whole job', async () => {
    const api = fakeApi([
      entry('e3', {
        action: 'create',
        jobId: 'job-1',
        source: 'job',
        before: null,
        after: { postback_url: 'https://t.example/a' },
      }),
      entry('e2', { profileId: 'p2', profileName: 'Beta', undoneBy: 'e9' }),
      entry('e1', {}),
    ]);
    render(<HistoryScreen api={api} />);
    expect(await screen.findAllByRole('row')).toHaveLength(4);
    expect(screen.getByText('https://t.example/a')).toBeTruthy();
    expect(screen.getByText('undone')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'p2' } });
    expect(screen.getAllByRole('row')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Job'), { target: { value: 'job-1' } });
    expect(screen.getAllByRole('row')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Undo this whole job' }));
    expect((await screen.findByRole('status')).textContent).toContain('Undo “Apply”');
    expect(api.undoJob).toHaveBeenCalledWith('job-1');
  });

  it('asks before undoing over a later change', async () => {
    const api = fakeApi([entry('e1', {})]);
    vi.mocked(api.undo).mockResolvedValueOnce(
      err({ kind: 'changed', message: 'Postback 12 has changed since this write.' }),
    );
    render(<HistoryScreen api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo: switched postback 12' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('changed since');
    fireEvent.click(within(alert).getByRole('button', { name: 'Undo anyway' }));
    expect((await screen.findByRole('status')).textContent).toContain('active again');
    expect(vi.mocked(api.undo).mock.calls).toEqual([
      ['e1', false],
      ['e1', true],
    ]);
  });
});
