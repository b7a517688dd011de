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

function mount(store: ReturnType<typeof fakeDrafts>['store']) {
  const handle: { set?: (v: V) => void; value?: V; draft?: DraftState } = {};
  function Form() {
    const [value, setValue] = useState<V>({ text: '' });
    handle.set = setValue;
    handle.value = value;
    handle.draft = useDraft({ store, formId: 'f', value, parse, onRestore: setValue, delayMs: 20 });
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
    const h = mount(store);
    await waitFor(() => expect(h.draft?.ready).toBe(true));
    h.set?.({ text: 'leaving' });
    await waitFor(() => expect(h.value).toEqual({ text: 'leaving' }));
    cleanup();
    expect(data.get('f')?.value).toEqual({ text: 'leaving' });
  });
});
