import { describe, expect, it } from 'vitest';
import { mergeFresh } from '../../../components/popup/merge-rows';
import type { PixelView } from '../../../lib/model/pixel';

const row = (id: number, status: 'active' | 'inactive' = 'active'): PixelView => ({
  id,
  side: 'affiliate',
  status,
  type: 'conversion',
  level: 'specific',
  deliveryMethod: 'postback',
  postbackUrl: `https://t.example/?n=${id}`,
  htmlCode: '',
  delayMs: 0,
  offerId: 11,
  eventId: 0,
});

describe('mergeFresh', () => {
  it('takes the fresh list when nothing changed since the request', () => {
    const fresh = [row(1, 'inactive'), row(2)];
    expect(mergeFresh(fresh, [row(1), row(3)], new Map(), 100)).toEqual(fresh);
  });

  it('keeps a row the user toggled after the list was requested', () => {
    const merged = mergeFresh(
      [row(1, 'active'), row(2)],
      [row(1, 'inactive'), row(2)],
      new Map([[1, 150]]),
      100,
    );
    expect(merged.map((p) => [p.id, p.status])).toEqual([
      [1, 'inactive'],
      [2, 'active'],
    ]);
  });

  it('lets the fresh row win when the change is older than the request', () => {
    const merged = mergeFresh([row(1, 'active')], [row(1, 'inactive')], new Map([[1, 50]]), 100);
    expect(merged[0]!.status).toBe('active');
  });

  it('keeps a row created after the request, and keeps a deleted one gone', () => {
    const merged = mergeFresh(
      [row(1), row(2)],
      [row(9), row(1)],
      new Map([
        [9, 150],
        [2, 160],
      ]),
      100,
    );
    expect(merged.map((p) => p.id)).toEqual([9, 1]);
  });
});
