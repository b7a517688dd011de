import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import type { PopupProfile } from '../../../lib/model/replies';
import { err, ok } from '../../../lib/result';
import { fakeApi } from './fake-api';

const profile = (id: string, name: string, isDefault = false): PopupProfile => ({
  id,
  name,
  role: 'affiliate',
  portalDomains: [],
  isDefault,
  apiHost: 'everflow',
});

function onWhiteLabelPortal() {
  return fakeApi({
    tabUrl: 'https://partners.brand.test/#/offers/14',
    profiles: [profile('p', 'Acme', true), profile('q', 'Zen')],
    profileId: 'p',
    offer: undefined as never,
    rows: null,
    question: { host: 'partners.brand.test', offerId: 14, candidates: ['p', 'q'], guessed: false },
  });
}

describe('Popup on a portal no profile names', () => {
  afterEach(cleanup);

  it('asks in one line which profile it is for; one click stores the host on it and shows the offer', async () => {
    const api = onWhiteLabelPortal();
    vi.mocked(api.claimPortal).mockImplementation(async (host, id) =>
      ok({ id, portalDomains: [host] } as never),
    );
    vi.mocked(api.getOffer).mockResolvedValue(ok({ id: 14, name: 'Summer Sale', events: [] }));
    render(<Popup api={api} />);
    expect(await screen.findByText('Offer 14 — which profile is this portal for?')).toBeTruthy();
    // Walk defect 5: the URL names the offer, so no "No offer on this page", and no list before the answer.
    expect(screen.queryByText('No offer on this page')).toBeNull();
    expect(screen.queryAllByRole('switch')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Zen' }));
    await waitFor(() =>
      expect(screen.queryByText('Offer 14 — which profile is this portal for?')).toBeNull(),
    );
    expect(api.claimPortal).toHaveBeenCalledWith('partners.brand.test', 'q');
    expect(await screen.findByText('Summer Sale')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Profile' }) as HTMLSelectElement).value).toBe('q');
    expect(api.listPixels).toHaveBeenLastCalledWith('q', { offerId: 14 });
  });

  it('keeps asking and says why when storing the host failed', async () => {
    const api = onWhiteLabelPortal();
    vi.mocked(api.claimPortal).mockResolvedValue(
      err({ kind: 'offline', message: 'Could not reach Everflow.' }),
    );
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Acme' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not reach Everflow.');
    expect(screen.getByText('Offer 14 — which profile is this portal for?')).toBeTruthy();
  });

  it('remembers a profile picked in the header for the portal host, not as the default profile', async () => {
    const api = onWhiteLabelPortal();
    render(<Popup api={api} />);
    const select = (await screen.findByRole('combobox', { name: 'Profile' })) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'q' } });
    expect(api.pickProfile).toHaveBeenCalledWith('partners.brand.test', 'q');
  });

  it('does not remember a header pick on a site that is no portal', async () => {
    const api = fakeApi({
      tabUrl: 'https://news.example.com/blog/offers/2024',
      profiles: [profile('p', 'Acme', true), profile('q', 'Zen')],
      profileId: 'p',
      offer: undefined as never,
    });
    render(<Popup api={api} />);
    const select = (await screen.findByRole('combobox', { name: 'Profile' })) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'q' } });
    expect(select.value).toBe('q');
    expect(api.pickProfile).not.toHaveBeenCalled();
  });

  it('remembers a header pick on a host a profile claims', async () => {
    const api = fakeApi({
      tabUrl: 'https://partners.brand.test/dashboard',
      profiles: [{ ...profile('p', 'Acme', true), portalDomains: ['*.brand.test'] }, profile('q', 'Zen')],
      profileId: 'p',
      offer: undefined as never,
    });
    render(<Popup api={api} />);
    const select = (await screen.findByRole('combobox', { name: 'Profile' })) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'q' } });
    expect(api.pickProfile).toHaveBeenCalledWith('partners.brand.test', 'q');
  });
});
