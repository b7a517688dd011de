import { describe, expect, it, vi } from 'vitest';
import { badgeFor, setBadgeSource } from '../../../lib/background/badge';

describe('badge', () => {
  it('shows flags first, then jobs, else nothing', () => {
    expect(badgeFor({})).toMatchObject({ text: '' });
    expect(badgeFor({ jobs: 2 })).toMatchObject({ text: '2' });
    expect(badgeFor({ attention: 1, jobs: 2 })).toMatchObject({ text: '1' });
    expect(badgeFor({ attention: 1 }).color).not.toBe(badgeFor({ jobs: 1 }).color);
    expect(badgeFor({ attention: 250 }).text).toBe('99+');
  });

  it('one source does not wipe out another', async () => {
    const action = { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn() };
    await setBadgeSource(action, 'jobs', 3);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '3' });
    await setBadgeSource(action, 'attention', 0);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '3' });
    await setBadgeSource(action, 'attention', 1);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    await setBadgeSource(action, 'attention', 0);
    await setBadgeSource(action, 'jobs', 0);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
  });
});

describe('flagged count', () => {
  it('counts flags of existing profiles only, not informational notices', async () => {
    const { flaggedCount } = await import('../../../lib/background/health/store');
    const n = (profileId: string, kind: 'switched_off' | 'deleted', pixelId: number) => ({
      id: `${profileId}:${pixelId}:${kind}`,
      kind,
      profileId,
      pixelId,
      offerId: 1,
      noticedAt: 1,
    });
    expect(
      flaggedCount(
        [n('a', 'switched_off', 1), n('a', 'deleted', 2), n('gone', 'switched_off', 3)],
        [{ id: 'a' }],
      ),
    ).toBe(1);
  });
});
