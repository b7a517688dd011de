import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreatePanel } from '../../../components/popup/CreatePanel';
import type { Template } from '../../../lib/model/template';
import { err, ok } from '../../../lib/result';
import { fakeApi, pixel } from './fake-api';

function renderFirst(api = fakeApi()) {
  const onCreated = vi.fn();
  const onTemplate = vi.fn();
  const onNotice = vi.fn();
  render(
    <CreatePanel
      api={api}
      profileId="p"
      side="affiliate"
      templates={[]}
      offer={{ id: 11, name: 'Keto Burn', events: [] }}
      onCreated={onCreated}
      onTemplate={onTemplate}
      onNotice={onNotice}
    />,
  );
  return { api, onCreated, onTemplate, onNotice };
}

describe('CreatePanel with no template yet (the first postback)', () => {
  afterEach(cleanup);

  it('creates from tracker + domain, saves the template named after the tracker and makes it the default', async () => {
    const api = fakeApi();
    vi.mocked(api.createPixel).mockResolvedValue(ok({ pixel: pixel(99), recovered: false }));
    vi.mocked(api.saveTemplate).mockImplementation(async (t) =>
      ok({ ...t, id: 'new', createdAt: 1, updatedAt: 1 } as Template),
    );
    const { onCreated, onTemplate, onNotice } = renderFirst(api);
    fireEvent.change(await screen.findByLabelText('Tracker'), { target: { value: 'redtrack' } });
    fireEvent.input(screen.getByLabelText('Tracker domain or postback URL'), {
      target: { value: 'trk.zen.test' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create postback' }));
    await waitFor(() => expect(onNotice).toHaveBeenCalled());
    expect(api.createPixel).toHaveBeenCalledWith(
      'p',
      expect.objectContaining({
        offerId: 11,
        level: 'specific',
        postbackUrl: 'https://trk.zen.test/postback?clickid={sub1}&sum={payout_amount}',
      }),
      false,
    );
    expect(api.saveTemplate).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'RedTrack', tracker: 'redtrack', side: 'affiliate' }),
    );
    expect(api.setDefaultTemplate).toHaveBeenCalledWith('p', 'new');
    expect(onCreated).toHaveBeenCalledWith(pixel(99), false);
    expect(onTemplate).toHaveBeenCalledWith(expect.objectContaining({ id: 'new' }));
    expect(onNotice.mock.calls[0]![0]).toContain('made it the default');
  });

  it('creates nothing while the URL is not usable, and says why', async () => {
    const { api } = renderFirst();
    fireEvent.input(await screen.findByLabelText('Tracker domain or postback URL'), {
      target: { value: 'https://trk.test/postback?cid={transactionid}' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create postback' }));
    // The checker's own words, not a count ("1 error") or any text at all.
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Unknown macro {transactionid}; did you mean {transaction_id}?',
    );
    expect(api.createPixel).not.toHaveBeenCalled();
  });

  it('says what to paste when the text is neither a domain nor a postback URL', async () => {
    const { api } = renderFirst();
    fireEvent.change(await screen.findByLabelText('Tracker'), { target: { value: 'redtrack' } });
    fireEvent.input(screen.getByLabelText('Tracker domain or postback URL'), {
      target: { value: 'my tracker' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create postback' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That is not a domain. Paste your RedTrack tracking domain (e.g. trk.example.com) or the whole postback URL.',
    );
    expect(api.createPixel).not.toHaveBeenCalled();
  });

  it('on a failed create saves no template and keeps what was typed', async () => {
    const api = fakeApi();
    vi.mocked(api.createPixel).mockResolvedValue(
      err({ kind: 'offline', message: 'Could not reach Everflow.' }),
    );
    renderFirst(api);
    const input = (await screen.findByLabelText('Tracker domain or postback URL')) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'trk.zen.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create postback' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not reach Everflow.');
    expect(api.saveTemplate).not.toHaveBeenCalled();
    expect(input.value).toBe('trk.zen.test');
  });

  it('an unknown outcome offers "Check again", which looks for the postback and never creates it twice', async () => {
    const api = fakeApi();
    vi.mocked(api.createPixel).mockResolvedValue(
      err({ kind: 'unknown_outcome', message: 'Everflow did not confirm the create.', knownIds: [4, 5] }),
    );
    vi.mocked(api.findCreated).mockResolvedValue(ok({ pixel: pixel(99), recovered: true }));
    vi.mocked(api.saveTemplate).mockImplementation(async (t) =>
      ok({ ...t, id: 'new', createdAt: 1, updatedAt: 1 } as Template),
    );
    const { onCreated } = renderFirst(api);
    fireEvent.input(await screen.findByLabelText('Tracker domain or postback URL'), {
      target: { value: 'trk.zen.test' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create postback' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(pixel(99), true));
    expect(api.createPixel).toHaveBeenCalledTimes(1);
    expect(api.findCreated).toHaveBeenCalledWith('p', expect.objectContaining({ offerId: 11 }), [4, 5]);
  });
});
