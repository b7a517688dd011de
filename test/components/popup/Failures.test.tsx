import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { formatAsOf } from '../../../components/ui/format';
import { err } from '../../../lib/result';
import { deferred, fakeApi } from './fake-api';

const offline = err({
  kind: 'offline',
  message: 'Could not reach Everflow. Check your internet connection.',
});

describe('Popup: failures that say so', () => {
  afterEach(cleanup);

  it('a row says "Switching off…" from the first frame, and a failure offers Retry, which sends it again', async () => {
    const api = fakeApi();
    const answer = deferred<Awaited<ReturnType<typeof api.setStatus>>>();
    vi.mocked(api.setStatus).mockReturnValueOnce(answer.promise);
    render(<Popup api={api} />);
    const toggle = await screen.findByRole('switch', { name: 'Postback 1' });
    // After the opening refresh has come back (a list read after the click would be a different story).
    await waitFor(() => expect(api.listPixels).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    fireEvent.click(toggle);
    // Before any answer (the next render after the click, so the first frame).
    expect(await screen.findByText('Switching off…')).toBeTruthy();
    await act(async () =>
      answer.resolve(err({ kind: 'timeout', message: 'Everflow did not answer in time.' })),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Everflow did not answer in time.');
    expect(screen.queryByText('Switching off…')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry switching postback 1' }));
    await waitFor(() => expect(api.setStatus).toHaveBeenCalledTimes(2));
    expect(vi.mocked(api.setStatus).mock.calls[1]).toEqual(['p', 1, 'inactive']);
  });

  it('a failed refresh says how old the list on screen is, with advice for the host, and Retry asks again', async () => {
    const fetchedAt = new Date('2026-12-03T10:42:00').getTime();
    const api = fakeApi({ rowsFetchedAt: fetchedAt });
    vi.mocked(api.listPixels).mockResolvedValueOnce(offline);
    render(<Popup api={api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`Showing the list as of ${formatAsOf(fetchedAt)}.`);
    expect(alert.textContent).toContain('EU-hosted');
    expect(screen.getAllByRole('switch')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(api.listPixels).toHaveBeenCalledTimes(2);
    expect(screen.getAllByRole('switch')).toHaveLength(2);
  });

  it('a profile with a custom API host gets no region advice', async () => {
    const api = fakeApi({
      profiles: [
        { id: 'p', name: 'Own', role: 'affiliate', portalDomains: [], isDefault: true, apiHost: 'custom' },
      ],
    });
    vi.mocked(api.listPixels).mockResolvedValueOnce(offline);
    render(<Popup api={api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toMatch(/region|EU/);
    expect(alert.textContent).toContain('API address');
  });
});

describe('formatAsOf', () => {
  it('is the time alone today, and carries the day before', () => {
    const now = new Date('2026-12-03T12:00:00').getTime();
    expect(formatAsOf(new Date('2026-12-03T10:42:00').getTime(), now)).toMatch(/10:42/);
    expect(formatAsOf(new Date('2026-12-02T10:42:00').getTime(), now)).toMatch(/2.*10:42|10:42.*2/);
  });
});
