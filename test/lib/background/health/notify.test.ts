import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flaggedMessage, notifyFlagged } from '../../../../lib/background/health/notify';
import { settingsItem } from '../../../../lib/storage/items';

const apis = (granted: boolean) => ({
  hasPermission: vi.fn(async () => granted),
  create: vi.fn(async () => 'id'),
  iconUrl: 'icon.png',
});

describe('health watch notification', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is off by default', async () => {
    const a = apis(true);
    expect(await notifyFlagged(a, 2)).toBe(false);
    expect(a.create).not.toHaveBeenCalled();
  });

  it('notifies when turned on and the permission is granted, never without the permission', async () => {
    await settingsItem.setValue({
      defaultTemplateIds: {},
      forgetKeysOnClose: false,
      healthWatch: { enabled: true, everyMinutes: 30, notify: true },
    });
    const refused = apis(false);
    expect(await notifyFlagged(refused, 1)).toBe(false);
    const a = apis(true);
    expect(await notifyFlagged(a, 2)).toBe(true);
    expect(a.create).toHaveBeenCalledWith(
      'health-watch',
      expect.objectContaining({ message: flaggedMessage(2), title: 'Postbacks need attention' }),
    );
    expect(flaggedMessage(1)).toMatch(/^A postback was switched off/);
  });
});
