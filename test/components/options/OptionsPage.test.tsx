import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage, type OptionsServices } from '../../../components/options/OptionsPage';
import { parseHash, toHash } from '../../../components/options/route';
import { ok } from '../../../lib/result';
import { fakeDrafts } from '../fakes/drafts';
import { fakePartnerPostbacks } from '../fakes/partner-postbacks';
import { fakePermissions, fakeProfiles, profileView } from '../fakes/profiles';
import { fakeTemplates } from '../fakes/templates';

afterEach(cleanup);
beforeEach(() => {
  location.hash = '';
});

function services(): OptionsServices {
  const profiles = fakeProfiles([profileView()]);
  return {
    profiles: profiles.api,
    templates: fakeTemplates().api,
    settings: {
      get: vi.fn(async () => ok({ defaultTemplateIds: {}, forgetKeysOnClose: false })),
      update: vi.fn(async (patch) => ok({ defaultTemplateIds: {}, forgetKeysOnClose: false, ...patch })),
      listProfiles: profiles.api.list,
      setDefaultProfile: profiles.api.setDefault,
    },
    drafts: fakeDrafts().store,
    permissions: fakePermissions().permissions,
    partnerPostbacks: fakePartnerPostbacks().api,
    bulk: fakeBulk(),
    history: {
      list: vi.fn(async () => ok([])),
      undo: vi.fn(),
      undoJob: vi.fn(),
    },
  };
}

function fakeBulk(): OptionsServices['bulk'] {
  return {
    profiles: vi.fn(async () => ok([])),
    templates: vi.fn(async () => ok([])),
    offers: vi.fn(async () => ok({ items: [], page: 1, pageSize: 500, total: 0 })),
    offer: vi.fn(),
    previewApply: vi.fn(),
    startApply: vi.fn(),
    jobs: vi.fn(async () => ok([])),
    control: vi.fn(),
    undoJob: vi.fn(),
    find: vi.fn(async () => ok({ matches: [], failures: [] })),
    previewReplace: vi.fn(),
    startReplace: vi.fn(),
    startToggle: vi.fn(),
  };
}

describe('route', () => {
  it('reads and writes the address hash', () => {
    expect(parseHash('')).toEqual({ section: 'profiles' });
    expect(parseHash('#templates/new')).toEqual({ section: 'templates', item: 'new' });
    expect(parseHash('#nowhere')).toEqual({ section: 'profiles' });
    expect(toHash({ section: 'profiles', item: 'a b' })).toBe('#profiles/a%20b');
    expect(parseHash(toHash({ section: 'profiles', item: 'a b' }))).toEqual({
      section: 'profiles',
      item: 'a b',
    });
  });

  it('falls back to the section when the item is not valid percent-encoding', () => {
    expect(parseHash('#templates/%E0')).toEqual({ section: 'templates' });
    expect(parseHash('#profiles/%')).toEqual({ section: 'profiles' });
  });
});

describe('OptionsPage', () => {
  it('opens on a mangled address instead of going blank', async () => {
    location.hash = '#templates/%E0';
    render(<OptionsPage services={services()} />);
    expect(await screen.findByRole('button', { name: 'New template' })).toBeTruthy();
  });

  it('has one main heading, a section navigation, and follows the hash', async () => {
    const s = services();
    render(<OptionsPage services={s} />);
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual([
      'Postback Companion for Everflow',
    ]);
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Profiles');
    expect(await screen.findByRole('heading', { name: 'Acme Network' })).toBeTruthy();

    location.hash = '#templates';
    fireEvent(window, new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('button', { name: 'New template' })).toBeTruthy();
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Templates');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Templates'));
  });

  it('saves a setting as soon as it changes', async () => {
    location.hash = '#settings';
    const s = services();
    render(<OptionsPage services={s} />);
    fireEvent.click(await screen.findByLabelText('Forget API keys when the browser closes'));
    await waitFor(() => expect(s.settings.update).toHaveBeenCalledWith({ forgetKeysOnClose: true }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
  });
});
