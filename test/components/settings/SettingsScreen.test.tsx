import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SettingsApi, SettingsScreen } from '../../../components/settings/SettingsScreen';
import type { Settings } from '../../../lib/model/settings';
import { ok } from '../../../lib/result';

afterEach(cleanup);

function api(requestNotifications: () => Promise<boolean>) {
  let settings: Settings = { defaultTemplateIds: {}, forgetKeysOnClose: false };
  const a: SettingsApi = {
    get: vi.fn(async () => ok(settings)),
    update: vi.fn(async (patch) => {
      settings = { ...settings, ...patch };
      return ok(settings);
    }),
    listProfiles: vi.fn(async () => ok([])),
    setDefaultProfile: vi.fn(async () => ok(true as const)),
    requestNotifications: vi.fn(requestNotifications),
  };
  return a;
}

describe('Settings → Health watch', () => {
  it('is on, every 30 minutes, with no notification by default; the period can change', async () => {
    const a = api(async () => true);
    render(<SettingsScreen api={a} />);
    const on = await screen.findByLabelText(/Check my postbacks/);
    expect((on as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Check every') as HTMLSelectElement).value).toBe('30');
    expect((screen.getByLabelText(/browser notification/) as HTMLInputElement).checked).toBe(false);
    fireEvent.change(screen.getByLabelText('Check every'), { target: { value: '60' } });
    await waitFor(() =>
      expect(a.update).toHaveBeenCalledWith({
        healthWatch: { enabled: true, everyMinutes: 60, notify: false },
      }),
    );
    fireEvent.click(screen.getByLabelText(/Check my postbacks/));
    await waitFor(() =>
      expect(a.update).toHaveBeenLastCalledWith({
        healthWatch: { enabled: false, everyMinutes: 60, notify: false },
      }),
    );
  });

  it('asks for the notifications permission from the click, and stays off when refused', async () => {
    const a = api(async () => false);
    render(<SettingsScreen api={a} />);
    fireEvent.click(await screen.findByLabelText(/browser notification/));
    expect(a.requestNotifications).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not allow notifications/);
    expect(a.update).not.toHaveBeenCalled();

    const granted = api(async () => true);
    cleanup();
    render(<SettingsScreen api={granted} />);
    fireEvent.click(await screen.findByLabelText(/browser notification/));
    await waitFor(() =>
      expect(granted.update).toHaveBeenCalledWith({
        healthWatch: { enabled: true, everyMinutes: 30, notify: true },
      }),
    );
  });
});

describe('Settings → Time limit for actions you start', () => {
  it('shows 10 s by default, explained, and saves another limit in ms', async () => {
    const a = api(async () => true);
    render(<SettingsScreen api={a} />);
    const select = (await screen.findByLabelText('Time limit for actions you start')) as HTMLSelectElement;
    expect(select.value).toBe('10');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '10 seconds',
      '15 seconds',
      '20 seconds',
      '30 seconds',
      '45 seconds',
      '60 seconds',
    ]);
    expect(select.getAttribute('aria-describedby')).toBeTruthy();
    const hint = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/retries included/);
    fireEvent.change(select, { target: { value: '30' } });
    await waitFor(() => expect(a.update).toHaveBeenCalledWith({ requestDeadlineMs: 30_000 }));
    await waitFor(() =>
      expect((screen.getByLabelText('Time limit for actions you start') as HTMLSelectElement).value).toBe(
        '30',
      ),
    );
  });

  it('keeps showing a stored limit that is not in the list', async () => {
    const a = api(async () => true);
    await a.update({ requestDeadlineMs: 5000 });
    vi.mocked(a.update).mockClear();
    render(<SettingsScreen api={a} />);
    const select = (await screen.findByLabelText('Time limit for actions you start')) as HTMLSelectElement;
    expect(select.value).toBe('5');
    expect(select.options[0]?.textContent).toBe('5 seconds');
    expect(a.update).not.toHaveBeenCalled();
  });
});
