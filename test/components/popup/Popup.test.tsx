import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { err, ok } from '../../../lib/result';
import { deferred, fakeApi, pixel } from './fake-api';

describe('Popup', () => {
  afterEach(cleanup);

  it('paints the rows of the start message at once, with one switch per postback', async () => {
    const api = fakeApi();
    render(<Popup api={api} />);
    expect(await screen.findByRole('switch', { name: 'Postback 1' })).toBeTruthy();
    expect(screen.getAllByRole('switch')).toHaveLength(2);
    expect(screen.getByText('Keto Burn')).toBeTruthy();
  });

  it('a toggle made while the opening refresh is in flight is not undone by that refresh', async () => {
    const api = fakeApi();
    const refresh = deferred<Awaited<ReturnType<typeof api.listPixels>>>();
    vi.mocked(api.listPixels).mockReturnValueOnce(refresh.promise);
    render(<Popup api={api} />);
    const toggle = await screen.findByRole('switch', { name: 'Postback 1' });
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    await waitFor(() => expect(toggle.hasAttribute('disabled')).toBe(false));
    // The list was read before the toggle reached the server: it still says "active".
    refresh.resolve(ok({ value: [pixel(1, 'active'), pixel(2)], fetchedAt: 1, fromCache: false }));
    await waitFor(() => expect(api.listPixels).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByRole('switch', { name: 'Postback 1' }).getAttribute('aria-checked')).toBe('false');
  });

  it('rolls a failed toggle back and shows the specific error next to the row', async () => {
    const api = fakeApi();
    vi.mocked(api.setStatus).mockResolvedValueOnce(
      err({ kind: 'rate_limited', message: 'Everflow is rate limiting this key. Try again in 30 s.' }),
    );
    render(<Popup api={api} />);
    const toggle = await screen.findByRole('switch', { name: 'Postback 2' });
    fireEvent.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toContain('rate limiting');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });

  it('keeps the rows when the refresh fails, and says why', async () => {
    const api = fakeApi();
    vi.mocked(api.listPixels).mockResolvedValueOnce(
      err({ kind: 'offline', message: 'Could not reach Everflow.' }),
    );
    render(<Popup api={api} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Could not reach Everflow');
    expect(screen.getAllByRole('switch')).toHaveLength(2);
  });

  it('asks for a profile when there is none, and opens the options page on the profiles section', async () => {
    const api = fakeApi({
      profiles: [],
      rows: null,
      offer: undefined as never,
      profileId: undefined as never,
    });
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a profile' }));
    expect(api.openOptions).toHaveBeenCalledWith('#profiles');
  });
});
