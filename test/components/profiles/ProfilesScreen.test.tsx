import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfilesScreen } from '../../../components/profiles/ProfilesScreen';
import type { ProfileView } from '../../../lib/model/profile';
import { err, ok } from '../../../lib/result';
import { fakeDrafts } from '../fakes/drafts';
import { fakePermissions, fakeProfiles, profileView } from '../fakes/profiles';

afterEach(cleanup);

function setup(opts: { profiles?: ProfileView[]; granted?: string[]; answer?: boolean; item?: string } = {}) {
  const { api, current } = fakeProfiles(opts.profiles);
  const { permissions, log } = fakePermissions(opts.granted, opts.answer);
  const drafts = fakeDrafts();
  function Host() {
    const [item, setItem] = useState(opts.item);
    return (
      <ProfilesScreen
        api={api}
        permissions={permissions}
        drafts={drafts.store}
        item={item}
        navigate={setItem}
      />
    );
  }
  render(<Host />);
  return { api, current, permissions, log, drafts };
}

/** The error line a field points to with aria-describedby (undefined when it has none). */
function errorOf(label: string): string | undefined {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  const id = ids.find((x) => x.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? undefined) : undefined;
}

async function fill(name: string, key: string) {
  fireEvent.input(await screen.findByLabelText('Profile name'), { target: { value: name } });
  fireEvent.input(screen.getByLabelText('API key'), { target: { value: key } });
}

describe('ProfilesScreen', () => {
  it('opens the form when there is no profile, saves, and shows the account name', async () => {
    const { api } = setup();
    await fill('Acme', 'demo-affiliate-key');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(
      await screen.findByText('Saved “Acme”. The key works: Demo Partner, affiliate account.'),
    ).toBeTruthy();
    expect(api.save).toHaveBeenCalledWith({
      name: 'Acme',
      role: 'affiliate',
      region: 'us',
      portalDomains: [],
      apiKey: 'demo-affiliate-key',
    });
    const card = within(screen.getByRole('list', { name: 'Your profiles' })).getByRole('listitem');
    expect(card.textContent).toContain('Demo Partner, affiliate account');
    expect(card.textContent).toContain('Key last checked');
    expect(card.textContent).toContain('2026');
  });

  it('shows the specific reason on failure next to the field and keeps everything typed', async () => {
    setup();
    await fill('Acme', 'wrong-key');
    fireEvent.input(screen.getByLabelText('Portal domains (optional)'), {
      target: { value: 'acme.everflowclient.io' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(errorOf('API key')).toBe('Everflow refused this API key.'));
    // Once, next to the field: not again in a box (issue 15.5).
    expect(screen.getAllByText('Everflow refused this API key.')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    const key = screen.getByLabelText('API key') as HTMLInputElement;
    expect(key.value).toBe('wrong-key');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Profile name') as HTMLInputElement).value).toBe('Acme');
    expect((screen.getByLabelText('Portal domains (optional)') as HTMLInputElement).value).toBe(
      'acme.everflowclient.io',
    );
  });

  it('offers a one-click "Save as a network profile" for a network key saved as an affiliate (issue 15.5)', async () => {
    const { api } = setup();
    vi.mocked(api.save).mockImplementation(async (input) =>
      input.role === 'affiliate'
        ? err({
            kind: 'realm',
            message: 'This is a network key, but this profile is for an affiliate.',
            field: 'role',
          })
        : ok(profileView({ ...input, id: 'p1', role: 'network' })),
    );
    await fill('Acme', 'demo-affiliate-key');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    const again = await screen.findByRole('button', { name: 'Save as a network profile' });
    expect(screen.getAllByText(/This is a network key/)).toHaveLength(1);
    fireEvent.click(again);
    await waitFor(() =>
      expect(api.save).toHaveBeenLastCalledWith(expect.objectContaining({ role: 'network' })),
    );
    expect(api.save).toHaveBeenCalledTimes(2);
  });

  it('while the browser asks for the host permission, says so (not "Checking the key")', async () => {
    const { permissions } = setup();
    let answer!: (yes: boolean) => void;
    vi.mocked(permissions.request).mockImplementation(
      () =>
        new Promise<boolean>((r) => {
          answer = r;
        }),
    );
    await fill('EU net', 'demo-affiliate-key');
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'eu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    const status = await screen.findByText(/Your browser is asking for access to api-eu\.eflow\.team/);
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.queryByText(/Checking the key/)).toBeNull();
    answer(true);
    await screen.findByText(/Saved “EU net”/);
  });

  it('masks the key and reveals it on request', async () => {
    setup();
    const key = (await screen.findByLabelText('API key')) as HTMLInputElement;
    expect(key.type).toBe('password');
    const show = screen.getByRole('button', { name: 'Show key' });
    fireEvent.click(show);
    expect(key.type).toBe('text');
    expect(show.getAttribute('aria-pressed')).toBe('true');
  });

  it('asks for the EU host permission first thing in the click, before anything is sent', async () => {
    const { api, log } = setup();
    await fill('EU net', 'demo-affiliate-key');
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'eu' } });
    vi.mocked(api.save).mockImplementation(async (input) => {
      log.push('save');
      return (await fakeProfiles().api.save(input)) as never;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    // Synchronously, within the click.
    expect(log).toEqual(['request https://api-eu.eflow.team/*']);
    await screen.findByText(/Saved “EU net”/);
    expect(log).toEqual(['request https://api-eu.eflow.team/*', 'save']);
  });

  it('asks again for the US host when it was withheld, and not when it is allowed', async () => {
    const withheld = setup();
    await fill('US net', 'demo-affiliate-key');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(withheld.log).toEqual(['request https://api.eflow.team/*']);
    await screen.findByText(/Saved “US net”/);
    cleanup();
    const allowed = setup({ granted: ['https://api.eflow.team/*'] });
    await fill('US net', 'demo-affiliate-key');
    await waitFor(() =>
      expect(allowed.permissions.contains).toHaveBeenCalledWith(['https://api.eflow.team/*']),
    );
    await Promise.resolve();
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText(/Saved “US net”/);
    expect(allowed.permissions.request).not.toHaveBeenCalled();
  });

  it('does not send the profile when the permission is refused, and says why', async () => {
    const { api } = setup({ answer: false });
    await fill('EU net', 'demo-affiliate-key');
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'eu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(errorOf('Region')).toMatch(/Access to api-eu\.eflow\.team was not allowed/));
    expect(screen.getAllByText(/was not allowed/)).toHaveLength(1);
    expect(api.save).not.toHaveBeenCalled();
  });

  it('skips the prompt for a custom address that is already allowed (the pattern has no port: Firefox takes none)', async () => {
    const { permissions, api } = setup({ granted: ['http://127.0.0.1/*'] });
    await fill('Sandbox', 'demo-affiliate-key');
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'custom' } });
    fireEvent.input(screen.getByLabelText('API base URL'), { target: { value: 'http://127.0.0.1:8787/v1' } });
    await waitFor(() => expect(permissions.contains).toHaveBeenCalledWith(['http://127.0.0.1/*']));
    await Promise.resolve();
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText(/Saved “Sandbox”/);
    expect(permissions.request).not.toHaveBeenCalled();
    expect(api.save).toHaveBeenCalledWith(
      expect.objectContaining({ customBaseUrl: 'http://127.0.0.1:8787/v1' }),
    );
  });

  it('keeps a draft of the form (never the key) and restores it', async () => {
    const { drafts } = setup();
    await fill('Half typed', 'secret-key-value');
    await waitFor(() => expect(drafts.store.save).toHaveBeenCalled(), { timeout: 2000 });
    const saved = drafts.data.get('options.profile:new')?.value;
    expect(saved).toMatchObject({ name: 'Half typed' });
    expect(JSON.stringify(saved)).not.toContain('secret-key-value');
    cleanup();
    const { api } = fakeProfiles();
    render(
      <ProfilesScreen
        api={api}
        permissions={fakePermissions().permissions}
        drafts={drafts.store}
        item="new"
        navigate={() => {}}
      />,
    );
    await waitFor(() =>
      expect((screen.getByLabelText('Profile name') as HTMLInputElement).value).toBe('Half typed'),
    );
    expect(screen.getByText(/Restored your unsaved changes/)).toBeTruthy();
  });

  it('asks before removing, tells what goes with the profile, and removes on confirmation', async () => {
    const { api } = setup({
      profiles: [profileView(), profileView({ id: 'p2', name: 'Beta', isDefault: false })],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Acme Network' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove “Acme Network”?' });
    expect(dialog.textContent).toContain('its API key (••••-key)');
    expect(dialog.textContent).toContain('Your templates stay');
    expect(dialog.textContent).toContain('the next profile becomes the default');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Acme Network' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove profile' }));
    expect(await screen.findByText('Removed “Acme Network”.')).toBeTruthy();
    expect(api.remove).toHaveBeenCalledWith('p1');
    expect(screen.queryByText('Acme Network')).toBeNull();
  });

  it('makes another profile the default', async () => {
    const { api } = setup({
      profiles: [profileView(), profileView({ id: 'p2', name: 'Beta', isDefault: false })],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Make default Beta' }));
    expect(await screen.findByText('“Beta” is now the default profile.')).toBeTruthy();
    expect(api.setDefault).toHaveBeenCalledWith('p2');
    expect(screen.queryByRole('button', { name: 'Make default Beta' })).toBeNull();
  });

  it('asks for the key again when an edit moves the profile to another API host', async () => {
    const { api } = setup({
      profiles: [profileView()],
      granted: ['https://api.eflow.team/*', 'https://api-eu.eflow.team/*'],
      item: 'p1',
    });
    const key = (await screen.findByLabelText('API key')) as HTMLInputElement;
    expect(key.placeholder).toBe('••••-key');
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'eu' } });
    expect(key.placeholder).toBe('');
    expect(screen.getByText(/The API host changed, so paste the API key again/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(errorOf('API key')).toMatch(/The API host changed/));
    expect(screen.getAllByText(/The API host changed/)).toHaveLength(1);
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(api.save).not.toHaveBeenCalled();
    // Back on the key's own host, an empty field keeps the stored key again.
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'us' } });
    expect(key.placeholder).toBe('••••-key');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() =>
      expect(api.save).toHaveBeenCalledWith(expect.not.objectContaining({ apiKey: expect.anything() })),
    );
  });

  it('says why a key is missing: unreadable key store, forgotten on close, or simply absent', async () => {
    setup({
      profiles: [
        profileView({ hasKey: false, keyLost: 'unreadable' }),
        profileView({ id: 'p2', name: 'Beta', hasKey: false, keyLost: 'forgotten', isDefault: false }),
        profileView({ id: 'p3', name: 'Gamma', hasKey: false, isDefault: false }),
      ],
    });
    const cards = await within(await screen.findByRole('list', { name: 'Your profiles' })).findAllByRole(
      'listitem',
    );
    const text = cards.map((c) => c.textContent ?? '');
    expect(text[0]).toContain('The stored keys could not be read; re-enter them.');
    expect(text[0]).not.toContain('forgotten');
    expect(text[1]).toContain('forgotten when the browser closed');
    expect(text[2]).toContain('Missing. Edit the profile');
    expect(text[2]).not.toContain('forgotten');
  });
});

describe('ProfilesScreen: a key check the user waits for (walk defect 1)', () => {
  it('says at once that it checks, drops the earlier banner, and shows the failure', async () => {
    const { api } = setup({ profiles: [profileView()] });
    const checkButton = await screen.findByRole('button', { name: 'Check key Acme Network' });
    fireEvent.click(checkButton);
    expect(await screen.findByText(/The key of “Acme Network” works/)).toBeTruthy();
    let answer: (r: Awaited<ReturnType<typeof api.check>>) => void = () => {};
    vi.mocked(api.check).mockImplementationOnce(() => new Promise((r) => (answer = r)));
    fireEvent.click(checkButton);
    expect(await screen.findByText('Checking the key of “Acme Network” with Everflow…')).toBeTruthy();
    expect(screen.queryByText(/The key of “Acme Network” works/)).toBeNull();
    answer(err({ kind: 'timeout', message: 'Everflow did not answer in time.' }));
    expect(
      await screen.findByText(
        'The key of “Acme Network” did not pass the check: Everflow did not answer in time.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Checking the key of/)).toBeNull();
  });

  it('Save drops the banner of an earlier action when it starts', async () => {
    const { api } = setup({ profiles: [profileView()] });
    fireEvent.click(await screen.findByRole('button', { name: 'Check key Acme Network' }));
    expect(await screen.findByText(/The key of “Acme Network” works/)).toBeTruthy();
    vi.mocked(api.save).mockImplementationOnce(() => new Promise(() => {}));
    fireEvent.click(screen.getByRole('button', { name: 'Edit Acme Network' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Checking the key with Everflow…')).toBeTruthy();
    expect(screen.queryByText(/The key of “Acme Network” works/)).toBeNull();
  });
});

describe('ProfilesScreen: a banner belongs to the action that made it (walk defect 4)', () => {
  it('"Saved …" goes when Add profile opens the form for a second one', async () => {
    setup();
    await fill('Acme', 'demo-affiliate-key');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText(/Saved “Acme”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    await screen.findByRole('heading', { name: 'Add a profile' });
    expect(screen.queryByText(/Saved “Acme”/)).toBeNull();
  });
});

describe('ProfilesScreen: the key hint and the card (walk defect 7)', () => {
  it('says where each kind of key comes from', async () => {
    setup();
    const hint = () => {
      const ids = screen.getByLabelText('API key').getAttribute('aria-describedby')?.split(' ') ?? [];
      return document.getElementById(ids.find((x) => x.endsWith('-hint')) ?? '')?.textContent;
    };
    await screen.findByLabelText('Profile name');
    expect(hint()).toContain('the network issues affiliate keys');
    fireEvent.click(screen.getByLabelText('Network key'));
    expect(hint()).not.toContain('affiliate keys');
    expect(hint()).toContain('network API key');
  });

  it('lists the portal domains of a profile on its card', async () => {
    setup({ profiles: [profileView({ portalDomains: ['partners.brand.test', 'acme.everflowclient.io'] })] });
    const card = within(await screen.findByRole('list', { name: 'Your profiles' })).getAllByRole(
      'listitem',
    )[0]!;
    expect(card.textContent).toContain('Portal domains');
    expect(card.textContent).toContain('partners.brand.test');
    expect(card.textContent).toContain('acme.everflowclient.io');
  });
});
