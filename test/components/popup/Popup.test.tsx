import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { PostbackRow } from '../../../components/popup/PostbackRow';
import { err, ok } from '../../../lib/result';
import { deferred, fakeApi, pixel } from './fake-api';

// Rows render through a spy, so a test can count how often they render.
vi.mock('../../../components/popup/PostbackRow', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../components/popup/PostbackRow')>();
  return { ...real, PostbackRow: vi.fn(real.PostbackRow) };
});

describe('Popup', () => {
  afterEach(() => {
    cleanup();
    vi.mocked(PostbackRow).mockClear();
  });

  it('paints the rows of the start message at once, with one switch per postback', async () => {
    const api = fakeApi();
    render(<Popup api={api} />);
    expect(await screen.findByRole('switch', { name: 'Postback 1' })).toBeTruthy();
    expect(screen.getAllByRole('switch')).toHaveLength(2);
    expect(screen.getByText('Keto Burn')).toBeTruthy();
  });

  it('with the start answer already here, the first render is the list (no loading state, no second ask)', async () => {
    const api = fakeApi();
    const initial = await api.start();
    vi.mocked(api.start).mockClear();
    render(<Popup api={api} initial={initial} />);
    // Synchronously after render: no effect or promise had to run first.
    expect(screen.getAllByRole('switch')).toHaveLength(2);
    expect(screen.getByText('Keto Burn')).toBeTruthy();
    expect(api.start).not.toHaveBeenCalled();
  });

  it('shows a start failure handed to the first render', () => {
    const api = fakeApi();
    render(
      <Popup
        api={api}
        initial={err({ kind: 'unavailable', message: 'The extension background is not answering.' })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('not answering');
    expect(api.start).not.toHaveBeenCalled();
  });

  it('re-renders of the popup leave the rows alone (the list element is reused)', async () => {
    const api = fakeApi();
    const refresh = deferred<Awaited<ReturnType<typeof api.listPixels>>>();
    vi.mocked(api.listPixels).mockReturnValueOnce(refresh.promise);
    render(<Popup api={api} initial={await api.start()} />);
    expect(vi.mocked(PostbackRow)).toHaveBeenCalledTimes(2);
    // The refresh note appearing is a re-render of the popup; the two rows must not render again for it.
    await screen.findByText('Checking for changes…');
    expect(vi.mocked(PostbackRow)).toHaveBeenCalledTimes(2);
    refresh.resolve(ok({ value: [pixel(1), pixel(2)], fetchedAt: 1, fromCache: false }));
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

  it('lists the rows Everflow sent that could not be read, with a link to the portal, and keeps the rest', async () => {
    const api = fakeApi({
      profiles: [
        {
          id: 'p',
          name: 'Acme',
          role: 'affiliate',
          portalDomains: ['acme.everflowclient.io'],
          isDefault: true,
          apiHost: 'everflow',
        },
      ],
    });
    vi.mocked(api.listPixels).mockResolvedValueOnce(
      ok({
        value: [pixel(1), pixel(2)],
        fetchedAt: 1,
        fromCache: false,
        unreadable: [{ id: 1012, field: 'delay_ms' }],
      }),
    );
    render(<Popup api={api} />);
    const note = await screen.findByText(/could not be read/);
    expect(note.textContent).toContain('1 postback could not be read: #1012, delay_ms');
    const link = screen.getByRole('link', { name: 'Open them in the Everflow portal' }) as HTMLAnchorElement;
    expect(link.href).toBe('https://acme.everflowclient.io/');
    expect(screen.getAllByRole('switch')).toHaveLength(2);
  });

  it('says how many postbacks are shown of how many when the list stops at the page cap', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => pixel(i + 1));
    const api = fakeApi({ offer: undefined as never, rows });
    vi.mocked(api.listPixels).mockResolvedValueOnce(
      ok({ value: rows, fetchedAt: 1, fromCache: false, truncated: true, total: 6000 }),
    );
    render(<Popup api={api} />);
    expect((await screen.findByText(/Showing/)).textContent).toMatch(
      /^Showing 3 of 6.000 — search or filter to see the rest\.$/,
    );
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

  it('10 000 postbacks: only the rows on screen render, and a switch re-renders a few rows, not the list', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => pixel(10_000 - i, 'active'));
    const api = fakeApi({ rows: many, offer: undefined });
    vi.mocked(api.listPixels).mockResolvedValue(ok({ value: many, fetchedAt: 1, fromCache: false }));
    render(<Popup api={api} />);
    const target = await screen.findByRole('switch', { name: 'Postback 10000' });
    await waitFor(() => expect(api.listPixels).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getAllByRole('switch').length).toBeLessThan(40);
    vi.mocked(PostbackRow).mockClear();
    fireEvent.click(target);
    expect(target.getAttribute('aria-checked')).toBe('false');
    expect(api.setStatus).toHaveBeenCalledWith('p', 10_000, 'inactive');
    await waitFor(() => expect(target.hasAttribute('disabled')).toBe(false));
    // The rows on screen render again (the pending state, then the answer); never the 10 000.
    expect(vi.mocked(PostbackRow).mock.calls.length).toBeLessThan(200);
    // Its own write is not read again.
    expect(api.cachedPixels).not.toHaveBeenCalled();
    expect(api.listPixels).toHaveBeenCalledTimes(1);
    // The edit panel loads lazily once the list is painted: let it finish before the test ends.
    await import('../../../components/popup/EditPanel');
  });

  it('a start with only the first screen of a long list paints it, then reads the whole cached list', async () => {
    const all = Array.from({ length: 300 }, (_, i) => pixel(300 - i));
    all[299] = { ...pixel(1), description: 'The oldest one' };
    const api = fakeApi({ rows: all.slice(0, 200), rowsTotal: 300, offer: undefined });
    const whole = deferred<typeof all | null>();
    vi.mocked(api.cachedPixels).mockReturnValue(whole.promise);
    vi.mocked(api.listPixels).mockReturnValue(new Promise(() => {})); // Everflow is slow
    render(<Popup api={api} initial={await api.start()} />);
    // The first screen says the list's true length while the rest is on its way.
    expect(screen.getAllByRole('listitem')[0]!.getAttribute('aria-setsize')).toBe('300');
    expect(api.cachedPixels).toHaveBeenCalledWith('p', undefined);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'oldest' } });
    expect(screen.queryByRole('switch', { name: 'Postback 1' })).toBeNull();
    whole.resolve(all);
    // The oldest postback was not in the first screen: the search finds it once the whole list is in.
    expect(await screen.findByRole('switch', { name: 'Postback 1' })).toBeTruthy();
  });

  it('a list evicted from the cache says nothing is lost while it loads from Everflow', async () => {
    const api = fakeApi({ rows: null, evicted: true });
    const fresh = deferred<Awaited<ReturnType<typeof api.listPixels>>>();
    vi.mocked(api.listPixels).mockReturnValue(fresh.promise);
    render(<Popup api={api} />);
    expect(await screen.findByText(/Nothing is lost: Everflow has every postback/)).toBeTruthy();
    fresh.resolve(ok({ value: [pixel(1)], fetchedAt: 1, fromCache: false }));
    expect(await screen.findByRole('switch', { name: 'Postback 1' })).toBeTruthy();
    expect(screen.queryByText(/Nothing is lost/)).toBeNull();
    await import('../../../components/popup/CreatePanel');
    await import('../../../components/popup/EditPanel');
  });
});

describe('Popup: a status line belongs to the action that made it (walk defect 4)', () => {
  afterEach(cleanup);

  it('"Saved postback #1." goes when a later switch starts (and fails)', async () => {
    const api = fakeApi();
    vi.mocked(api.updatePixel).mockImplementation(async (_p, id) => ok(pixel(id)));
    vi.mocked(api.setStatus).mockResolvedValue(
      err({ kind: 'timeout', message: 'Everflow did not answer in time.' }),
    );
    render(<Popup api={api} initial={await api.start()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit postback 1' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save postback' }));
    expect(await screen.findByText('Saved postback #1.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('switch', { name: 'Postback 2' }));
    await screen.findByText(/did not answer in time/);
    expect(screen.queryByText('Saved postback #1.')).toBeNull();
  });

  it('"Saved postback #1." goes when a create starts (and fails)', async () => {
    const api = fakeApi({
      templates: [
        {
          id: 't',
          name: 'Voluum S2S',
          side: 'affiliate',
          tracker: 'voluum',
          deliveryMethod: 'postback',
          pixelType: 'conversion',
          level: 'specific',
          postbackUrl: 'https://trk.example.com/postback?cid={sub1}&txid={transaction_id}',
          htmlCode: '',
          delayMs: 0,
          notes: '',
          description: '',
          createdAt: 1,
          updatedAt: 1,
        },
      ],
      defaultTemplateIds: { p: 't' },
    });
    vi.mocked(api.updatePixel).mockImplementation(async (_p, id) => ok(pixel(id)));
    vi.mocked(api.createPixel).mockResolvedValue(
      err({ kind: 'server', message: 'Everflow had a server error (HTTP 500). Try again in a minute.' }),
    );
    render(<Popup api={api} initial={await api.start()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit postback 1' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save postback' }));
    expect(await screen.findByText('Saved postback #1.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Create postback' }));
    await screen.findByText(/server error/);
    expect(screen.queryByText('Saved postback #1.')).toBeNull();
  });
});
