import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../lib/manifest';

// Pins the permission set. Changing a permission changes the install prompt users see (and can disable the
// extension on update), so it must be a deliberate act: update this test and README "Permissions" together.
describe('manifest permissions', () => {
  for (const browser of ['chrome', 'firefox']) {
    it(`${browser} release build asks for exactly storage + activeTab + alarms + the US API host; EU, custom and tracker hosts and notifications optional`, () => {
      const m = buildManifest({ browser, demo: false });
      expect(m.permissions).toEqual(['storage', 'activeTab', 'alarms']);
      expect(m.optional_permissions).toEqual(['notifications']);
      expect(m.host_permissions).toEqual(['https://api.eflow.team/*']);
      expect(m.optional_host_permissions).toEqual([
        'https://api-eu.eflow.team/*',
        'https://*/*',
        'http://*/*',
      ]);
      expect(m).not.toHaveProperty('content_scripts');
      expect(Object.keys(m).sort()).toEqual(
        [
          'action',
          'default_locale',
          'description',
          'host_permissions',
          'icons',
          'name',
          'optional_host_permissions',
          'optional_permissions',
          'permissions',
          'short_name',
          ...(browser === 'firefox' ? ['browser_specific_settings'] : []),
        ].sort(),
      );
    });
  }

  it('only the demo build may reach loopback', () => {
    expect(buildManifest({ browser: 'chrome', demo: true }).host_permissions).toEqual([
      'https://api.eflow.team/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
  });

  it('Firefox gets a gecko id and declares the data it sends (the API key, to Everflow)', () => {
    const m = buildManifest({ browser: 'firefox', demo: false });
    expect(m.browser_specific_settings?.gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(m.browser_specific_settings?.gecko.data_collection_permissions).toEqual({
      required: ['authenticationInfo'],
    });
    expect(buildManifest({ browser: 'chrome', demo: false })).not.toHaveProperty('browser_specific_settings');
  });

  it('Firefox asks for no version older than the first that reads data_collection_permissions (140; Android 142)', () => {
    const m = buildManifest({ browser: 'firefox', demo: false });
    expect(Number.parseFloat(m.browser_specific_settings!.gecko.strict_min_version)).toBeGreaterThanOrEqual(
      140,
    );
    expect(
      Number.parseFloat(m.browser_specific_settings!.gecko_android.strict_min_version),
    ).toBeGreaterThanOrEqual(142);
  });
});
