// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setDefaultTemplate } from '../../../../lib/background/services/default-template';
import type { Template } from '../../../../lib/model/template';
import { profilesItem, settingsItem, templatesItem } from '../../../../lib/storage/items';

const template = (id: string, side: 'affiliate' | 'network'): Template => ({
  id,
  name: `T ${id}`,
  side,
  tracker: 'voluum',
  deliveryMethod: 'postback',
  pixelType: 'conversion',
  level: 'specific',
  postbackUrl: 'https://trk.test/postback?cid={sub1}',
  htmlCode: '',
  delayMs: 0,
  notes: '',
  description: '',
  createdAt: 1,
  updatedAt: 1,
});

beforeEach(async () => {
  fakeBrowser.reset();
  await profilesItem.setValue([
    { id: 'p', name: 'Zen', role: 'affiliate', region: 'us', portalDomains: [], keyHint: '', createdAt: 1 },
  ]);
  await templatesItem.setValue([template('a', 'affiliate'), template('n', 'network')]);
});

describe('setDefaultTemplate', () => {
  it('sets the default of one profile, and without a profile the global fallback', async () => {
    expect((await setDefaultTemplate({ templateId: 'a', profileId: 'p' })).ok).toBe(true);
    expect((await setDefaultTemplate({ templateId: 'n' })).ok).toBe(true);
    const s = await settingsItem.getValue();
    expect(s.defaultTemplateIds).toEqual({ p: 'a' });
    expect(s.defaultTemplateId).toBe('n');
  });

  it('refuses a template of the other kind for a profile, and a gone template or profile', async () => {
    const wrong = await setDefaultTemplate({ templateId: 'n', profileId: 'p' });
    expect(!wrong.ok && wrong.error.message).toContain('template for network profiles');
    expect((await setDefaultTemplate({ templateId: 'gone' })).ok).toBe(false);
    expect((await setDefaultTemplate({ templateId: 'a', profileId: 'gone' })).ok).toBe(false);
    expect((await settingsItem.getValue()).defaultTemplateIds).toEqual({});
  });
});
