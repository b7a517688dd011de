import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { healthRunItem, noticesItem, snapshotItem } from '../../../lib/storage/health';

describe('health watch storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('keeps one snapshot per profile and resets a corrupt one instead of failing', async () => {
    await fakeBrowser.storage.local.set({
      'healthSnapshot:a': { takenAt: 5, pixels: { '1': { status: 'active', offerId: 'x' } } },
      'healthSnapshot:b': 'garbage',
    });
    expect(await snapshotItem('a').getValue()).toEqual({
      takenAt: 5,
      pixels: { '1': { status: 'active', offerId: 0 } },
    });
    expect(await snapshotItem('b').getValue()).toBeNull();
    expect(await snapshotItem('c').getValue()).toBeNull();
  });

  it('repairs a snapshot entry by entry: one corrupt entry does not empty the others', async () => {
    await fakeBrowser.storage.local.set({
      'healthSnapshot:a': {
        takenAt: 5,
        pixels: {
          '1': { status: 'active', offerId: 11 },
          '2': { status: 'paused', offerId: 12 },
          '3': 'garbage',
          '4': { status: 'inactive', offerId: 14, offerName: 'Offer 14' },
        },
      },
    });
    expect(await snapshotItem('a').getValue()).toEqual({
      takenAt: 5,
      pixels: {
        '1': { status: 'active', offerId: 11 },
        '4': { status: 'inactive', offerId: 14, offerName: 'Offer 14' },
      },
    });
  });

  it('drops a notice without identity and repairs the rest', async () => {
    await fakeBrowser.storage.local.set({
      healthNotices: [
        {
          id: 'a:1:switched_off',
          kind: 'switched_off',
          profileId: 'a',
          pixelId: 1,
          offerId: 'bad',
          noticedAt: 9,
        },
        { kind: 'deleted' },
      ],
      healthRun: { lastCheckAt: 'never' },
    });
    expect(await noticesItem.getValue()).toEqual([
      { id: 'a:1:switched_off', kind: 'switched_off', profileId: 'a', pixelId: 1, offerId: 0, noticedAt: 9 },
    ]);
    expect(await healthRunItem.getValue()).toEqual({ errors: [], profileIds: [] });
  });
});
