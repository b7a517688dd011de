// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ProfileDeps, saveProfile } from '../../../../lib/background/services/profiles';
import { settingsForProfiles, updateSettings } from '../../../../lib/background/services/settings';
import { ok } from '../../../../lib/result';
import { chromeLikeStorage } from '../../storage/chrome-like-storage';

const base = { defaultTemplateIds: {}, forgetKeysOnClose: false };

describe('settingsForProfiles', () => {
  it('keeps consistent settings as they are', () => {
    const s = { ...base, defaultProfileId: 'a', defaultTemplateIds: { a: 't' } };
    expect(settingsForProfiles(s, ['a', 'b'])).toBe(s);
    expect(settingsForProfiles(base, [])).toBe(base);
  });

  it('points a gone or missing default at the first profile, and drops choices of gone profiles', () => {
    expect(settingsForProfiles({ ...base, defaultProfileId: 'gone' }, ['a', 'b'])).toEqual({
      ...base,
      defaultProfileId: 'a',
    });
    expect(settingsForProfiles(base, ['b'])).toEqual({ ...base, defaultProfileId: 'b' });
    expect(
      settingsForProfiles(
        { ...base, defaultProfileId: 'gone', defaultTemplateIds: { gone: 't', a: 'u' } },
        [],
      ),
    ).toEqual({ ...base, defaultTemplateIds: {} });
    expect(
      settingsForProfiles({ ...base, defaultProfileId: 'a', defaultTemplateIds: { gone: 't', a: 'u' } }, [
        'a',
      ]),
    ).toEqual({ ...base, defaultProfileId: 'a', defaultTemplateIds: { a: 'u' } });
  });

  it('forgets the portal hosts picked for a gone profile, and keeps the others', () => {
    const s = { ...base, defaultProfileId: 'a', profileByHost: { 'x.test': 'gone', 'y.test': 'a' } };
    expect(settingsForProfiles(s, ['a'])).toEqual({ ...s, profileByHost: { 'y.test': 'a' } });
    const kept = { ...base, defaultProfileId: 'a', profileByHost: { 'y.test': 'a' } };
    expect(settingsForProfiles(kept, ['a'])).toBe(kept);
  });
});

describe('updateSettings', () => {
  let restore: () => void;
  beforeEach(() => {
    fakeBrowser.reset();
    let turn = 0;
    restore = chromeLikeStorage(() => new Promise((r) => setTimeout(r, turn++ % 3)));
  });
  afterEach(() => restore());

  const deps: ProfileDeps = {
    detect: async () => ok({ realm: 'affiliate', accountId: 7, accountName: 'Acme' }),
    hasOrigin: async () => true,
    now: () => 1,
    newId: () => 'p1',
  };

  it('does not store a default profile that does not exist', async () => {
    await saveProfile(
      { name: 'a', role: 'affiliate', region: 'us', portalDomains: [], apiKey: 'key-a' },
      deps,
    );
    const r = await updateSettings({ defaultProfileId: 'nope' });
    expect(r.ok && r.value.defaultProfileId).toBe('p1');
  });
});
