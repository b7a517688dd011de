import { act, renderHook } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { useStatusToggle } from '../../components/use-status-toggle';
import type { PixelView } from '../../lib/model/pixel';
import { err, ok } from '../../lib/result';
import { pixel } from './popup/fake-api';

describe('useStatusToggle', () => {
  it('flips the row at once, then takes the answer', async () => {
    const rows: PixelView[] = [];
    const onChange = vi.fn();
    let answer!: (v: ReturnType<typeof ok<PixelView>>) => void;
    const setStatus = vi.fn(() => new Promise<ReturnType<typeof ok<PixelView>>>((r) => (answer = r)));
    const { result } = renderHook(() =>
      useStatusToggle({ setStatus, replace: (r) => rows.push(r), onChange }),
    );
    let done!: Promise<void>;
    act(() => {
      done = result.current.toggle(pixel(1, 'active'));
    });
    expect(rows.at(-1)?.status).toBe('inactive');
    expect(result.current.pending.has(1)).toBe(true);
    expect(setStatus).toHaveBeenCalledWith(1, 'inactive');
    await act(async () => {
      answer(ok({ ...pixel(1), status: 'inactive', delayMs: 5 }));
      await done;
    });
    expect(rows.at(-1)).toMatchObject({ status: 'inactive', delayMs: 5 });
    expect(result.current.pending.size).toBe(0);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('rolls back with the specific error, and clears it on the next try', async () => {
    const rows: PixelView[] = [];
    const setStatus = vi
      .fn()
      .mockResolvedValueOnce(err({ kind: 'server', message: 'Everflow had a problem (500).' }))
      .mockResolvedValueOnce(ok({ ...pixel(2), status: 'inactive' }));
    const { result } = renderHook(() => useStatusToggle({ setStatus, replace: (r) => rows.push(r) }));
    await act(() => result.current.toggle(pixel(2, 'active')));
    expect(rows.at(-1)?.status).toBe('active');
    expect(result.current.errors[2]).toBe('Everflow had a problem (500).');
    await act(() => result.current.toggle(pixel(2, 'active')));
    expect(result.current.errors[2]).toBeUndefined();
  });
});
