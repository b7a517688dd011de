import { describe, expect, it } from 'vitest';
import { diffSnapshot, entryOf } from '../../../../lib/background/health/diff';
import type { PixelView } from '../../../../lib/model/pixel';
import type { Snapshot } from '../../../../lib/storage/health';

const pixel = (id: number, status: 'active' | 'inactive', more: Partial<PixelView> = {}): PixelView => ({
  id,
  side: 'affiliate',
  status,
  type: 'conversion',
  level: 'specific',
  deliveryMethod: 'postback',
  postbackUrl: 'https://trk.example.com/pb',
  htmlCode: '',
  delayMs: 0,
  offerId: 11,
  offerName: 'Offer 11',
  eventId: 0,
  ...more,
});
const snap = (...pixels: PixelView[]): Snapshot => ({
  takenAt: 1,
  pixels: Object.fromEntries(pixels.map((p) => [String(p.id), entryOf(p)])),
});

describe('health watch diff', () => {
  it('takes a baseline without reporting anything the first time', () => {
    const d = diffSnapshot(undefined, [pixel(1, 'inactive'), pixel(2, 'active')], 10, 20);
    expect(d).toMatchObject({ switchedOff: [], switchedOn: [], deleted: [], created: [] });
    expect(Object.keys(d.next.pixels)).toEqual(['1', '2']);
    expect(d.next.takenAt).toBe(20);
  });

  it('flags active → inactive, and notes switched back on, deleted and created elsewhere', () => {
    const before = snap(pixel(1, 'active'), pixel(2, 'inactive'), pixel(3, 'active'), pixel(4, 'active'));
    const d = diffSnapshot(
      before,
      [pixel(1, 'inactive'), pixel(2, 'active'), pixel(4, 'active'), pixel(5, 'active')],
      10,
      20,
    );
    expect(d.switchedOff.map((p) => p.id)).toEqual([1]);
    expect(d.switchedOn.map((p) => p.id)).toEqual([2]);
    expect(d.deleted.map((x) => x.id)).toEqual([3]);
    expect(d.deleted[0]?.entry.offerName).toBe('Offer 11');
    expect(d.created.map((p) => p.id)).toEqual([5]);
    expect(d.next.pixels['1']?.status).toBe('inactive');
    expect(d.next.pixels['3']).toBeUndefined();
  });

  it('an inactive postback that stays inactive is not flagged again', () => {
    const d = diffSnapshot(snap(pixel(1, 'inactive')), [pixel(1, 'inactive')], 10, 20);
    expect(d.switchedOff).toEqual([]);
  });

  it("the extension's own write during a sweep wins over what the sweep fetched", () => {
    // The user switched 1 off here at t=15, after the fetch began at t=10 (which may have read it either way).
    const before: Snapshot = {
      takenAt: 1,
      pixels: { '1': { ...entryOf(pixel(1, 'inactive')), ownWriteAt: 15 } },
    };
    const d = diffSnapshot(before, [pixel(1, 'active')], 10, 20);
    expect(d.switchedOn).toEqual([]);
    expect(d.next.pixels['1']?.status).toBe('inactive');
    // An own write older than the sweep is compared as usual.
    const older: Snapshot = {
      takenAt: 1,
      pixels: { '1': { ...entryOf(pixel(1, 'active')), ownWriteAt: 5 } },
    };
    expect(diffSnapshot(older, [pixel(1, 'inactive')], 10, 20).switchedOff.map((p) => p.id)).toEqual([1]);
  });

  it('a postback created or deleted by the extension is neither "created elsewhere" nor "deleted"', () => {
    const created: Snapshot = {
      takenAt: 1,
      pixels: { '7': { ...entryOf(pixel(7, 'active')), ownWriteAt: 15 } },
    };
    const d1 = diffSnapshot(created, [], 10, 20);
    expect(d1.deleted).toEqual([]);
    expect(d1.next.pixels['7']).toBeDefined();
    const gone: Snapshot = {
      takenAt: 1,
      pixels: { '8': { ...entryOf(pixel(8, 'active')), ownWriteAt: 5, gone: true } },
    };
    const d2 = diffSnapshot(gone, [], 10, 20);
    expect(d2.deleted).toEqual([]);
    expect(d2.next.pixels['8']).toBeUndefined();
    expect(diffSnapshot(gone, [pixel(8, 'active')], 10, 20).created).toEqual([]);
  });

  it('a postback the list could not show (unreadable row, page cap) is kept, not "deleted"', () => {
    const before = snap(pixel(1, 'active'), pixel(2, 'active'), pixel(3, 'active'));
    const unreadable = diffSnapshot(before, [pixel(1, 'active')], 10, 20, { unreadableIds: [2] });
    expect(unreadable.deleted.map((x) => x.id)).toEqual([3]);
    expect(unreadable.next.pixels['2']).toEqual(before.pixels['2']);
    const capped = diffSnapshot(before, [pixel(1, 'active')], 10, 20, { incomplete: true });
    expect(capped.deleted).toEqual([]);
    expect(Object.keys(capped.next.pixels)).toEqual(['1', '2', '3']);
  });

  it('a list cut short never says "created elsewhere": a new row may only have moved into the part read', () => {
    const before = snap(pixel(1, 'active'), pixel(2, 'active'));
    const d = diffSnapshot(before, [pixel(1, 'inactive'), pixel(7, 'active')], 10, 20, { incomplete: true });
    expect(d.created).toEqual([]);
    // What was read is still compared, and the new row joins the snapshot.
    expect(d.switchedOff.map((p) => p.id)).toEqual([1]);
    expect(Object.keys(d.next.pixels)).toEqual(['1', '2', '7']);
  });
});
