import { cleanup, render, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DraftState, useDraft } from '../../../components/drafts/use-draft';
import { fakeDrafts } from '../fakes/drafts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

type V = { text: string };
const parse = (raw: unknown): V | undefined =>
  raw && typeof (raw as V).text === 'string' ? { text: (raw as V).text } : undefined;

function mount(
  store: ReturnType<typeof fakeDrafts>['store'],
  extra: { delayMs?: number; dropUnusable?: boolean } = {},
) {
  const handle: { set?: (v: V) => void; value?: V; draft?: DraftState<V> } = {};
  function Form() {
    const [value, setValue] = useState<V>({ text: '' });
    handle.set = setValue;
    handle.value = value;
    handle.draft = useDraft({ store, formId: 'f', value, parse, onRestore: setValue, delayMs: 20, ...extra });
    return null;
  }
  render(<Form />);
  return handle;
}

describe('useDraft', () => {
  it('does not create a draft just by opening a form', async () => {
    vi.useFakeTimers();
    const { store } = fakeDrafts();
    const h = mount(store);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.draft?.ready).toBe(true);
    // Well past the 20 ms debounce: no save was scheduled.
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.save).not.toHaveBeenCalled();
    // The same clock does save a change, so the quiet above is not a stalled timer.
    h.set?.({ text: 'typed' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.save).toHaveBeenCalledWith('f', { text: 'typed' });
  });

  it('saves the last value once typing pauses, and forgets it on clear', async () => {
    const { store, data } = fakeDrafts();
    const h = mount(store);
    await waitFor(() => expect(h.draft?.ready).toBe(true));
    h.set?.({ text: 'a' });
    h.set?.({ text: 'ab' });
    await waitFor(() => expect(data.get('f')?.value).toEqual({ text: 'ab' }));
    await h.draft?.clear();
    expect(data.has('f')).toBe(false);
  });

  it('restores a stored draft and ignores one of the wrong shape', async () => {
    const good = fakeDrafts({ f: { text: 'kept' } });
    const h = mount(good.store);
    await waitFor(() => expect(h.value).toEqual({ text: 'kept' }));
    expect(h.draft?.restoredAt).toBe(1_763_800_000_000);
    cleanup();
    const bad = fakeDrafts({ f: { text: 42 } });
    const h2 = mount(bad.store);
    await waitFor(() => expect(h2.draft?.ready).toBe(true));
    expect(h2.value).toEqual({ text: '' });
    expect(h2.draft?.restoredAt).toBeUndefined();
  });

  it('saves pending typing at once when the form goes away', async () => {
    const { store, data } = fakeDrafts();
    // A delay no loaded machine reaches: the save must come from the unmount, not from the timer.
    const h = mount(store, { delayMs: 60_000 });
    await waitFor(() => expect(h.draft?.ready).toBe(true));
    h.set?.({ text: 'leaving' });
    await waitFor(() => expect(h.value).toEqual({ text: 'leaving' }));
    cleanup();
    // Preact may run effect clean-ups a tick after the unmount; the 60 s timer cannot be what saves it.
    await waitFor(() => expect(data.get('f')?.value).toEqual({ text: 'leaving' }), { timeout: 1000 });
  });

  it('with delayMs 0, saves a change in the task of the change itself (a closing popup loses nothing)', async () => {
    vi.useFakeTimers();
    const { store, data } = fakeDrafts();
    const h = mount(store, { delayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.draft?.ready).toBe(true);
    h.set?.({ text: 'half' });
    // Microtasks only (Preact renders in one): no timer has run, yet the save is sent.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(store.save).toHaveBeenCalledWith('f', { text: 'half' });
    expect(data.get('f')?.value).toEqual({ text: 'half' });
  });

  it('says why a draft was not kept, and forgets that once a save works', async () => {
    const { store } = fakeDrafts();
    const h = mount(store);
    await waitFor(() => expect(h.draft?.ready).toBe(true));
    const refused = { kind: 'too_large', message: 'too large to keep' };
    vi.mocked(store.save).mockResolvedValueOnce({ ok: false, error: refused });
    h.set?.({ text: 'huge' });
    await waitFor(() => expect(h.draft?.error).toEqual(refused));
    h.set?.({ text: 'small' });
    await waitFor(() => expect(h.draft?.error).toBeUndefined());
  });

  it('clear(next) does not save the value the form resets to as a new draft', async () => {
    vi.useFakeTimers();
    const { store, data } = fakeDrafts({ f: { text: 'restored' } });
    const h = mount(store);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.value).toEqual({ text: 'restored' });
    h.set?.({ text: '' });
    await h.draft?.clear({ text: '' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(data.has('f')).toBe(false);
    expect(store.save).not.toHaveBeenCalled();
  });

  it('removes a stored draft it cannot use when asked to (dropUnusable), and keeps it otherwise', async () => {
    const kept = fakeDrafts({ f: { text: 42 } });
    const h = mount(kept.store);
    await waitFor(() => expect(h.draft?.ready).toBe(true));
    expect(kept.data.has('f')).toBe(true);
    cleanup();
    const dropped = fakeDrafts({ f: { text: 42 } });
    const h2 = mount(dropped.store, { dropUnusable: true });
    await waitFor(() => expect(h2.draft?.ready).toBe(true));
    await waitFor(() => expect(dropped.data.has('f')).toBe(false));
  });
});
