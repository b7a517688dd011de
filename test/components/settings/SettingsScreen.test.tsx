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
