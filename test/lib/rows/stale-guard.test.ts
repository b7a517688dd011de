import { describe, expect, it } from 'vitest';
import { guardStale, type RowWrite } from '../../../lib/rows/stale-guard';

type Row = { id: number; v: string };
const r = (id: number, v = 'old'): Row => ({ id, v });
const writes = (...w: [number, number, Row | null][]) =>
  new Map<number, RowWrite<Row>>(w.map(([id, at, row]) => [id, { at, row }]));

describe('guardStale', () => {
  it('returns the read itself when no write is newer', () => {
    const fetched = [r(1), r(2)];
    expect(guardStale(fetched, writes([1, 5, r(1, 'new')]), 10)).toBe(fetched);
  });

  it('keeps a row written at or after the read, in its place', () => {
    const got = guardStale([r(1), r(2)], writes([1, 10, r(1, 'new')]), 10);
    expect(got).toEqual([r(1, 'new'), r(2)]);
  });

  it('keeps a row deleted after the read gone', () => {
    expect(guardStale([r(1), r(2)], writes([2, 11, null]), 10)).toEqual([r(1)]);
  });

  it('adds a written row the read missed when it belongs, newest id first', () => {
    expect(guardStale([r(1), r(3)], writes([2, 11, r(2, 'new')]), 10)).toEqual([r(3), r(2, 'new'), r(1)]);
  });

  it('asks the list whether a written row belongs: out when false, not added when unknown', () => {
    const belongs = (p: Row) => (p.v === 'moved' ? false : undefined);
    expect(guardStale([r(1), r(2)], writes([1, 11, r(1, 'moved')]), 10, belongs)).toEqual([r(2)]);
    expect(guardStale([r(1)], writes([5, 11, r(5, 'new')]), 10, belongs)).toEqual([r(1)]);
    // A row the list already has stays (replaced) unless it is known not to belong.
    expect(guardStale([r(1)], writes([1, 11, r(1, 'new')]), 10, belongs)).toEqual([r(1, 'new')]);
  });
});
