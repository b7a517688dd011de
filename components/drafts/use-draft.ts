import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AppError } from '../../lib/model/errors';
import type { Result } from '../../lib/result';

/**
 * Where drafts live: the background's `drafts.*` messages (one store for the popup and the options page),
 * injected so forms hold no messaging code and tests use an in-memory fake.
 */
export interface DraftStore {
  get(formId: string): Promise<Result<{ value: Record<string, unknown>; savedAt: number } | null, AppError>>;
  save(formId: string, value: Record<string, unknown>): Promise<Result<true, AppError>>;
  clear(formId: string): Promise<Result<true, AppError>>;
}

export interface UseDraftOptions<T extends object> {
  store: DraftStore;
  /** One id per form (and per edited item), e.g. `options.template:abc`. */
  formId: string;
  /** The form's current value. */
  value: T;
  /** Check a stored draft before it reaches the form (it comes from storage). */
  parse: (raw: unknown) => T | undefined;
  /** Put a restored draft into the form. */
  onRestore: (value: T) => void;
  /**
   * Debounce of saves while typing. 0 saves every change in the task of the change itself (the popup: it can
   * close at any moment, and a save sent in the keystroke's task is on its way before the page goes).
   */
  delayMs?: number;
  /** Remove a stored draft that `parse` refuses (e.g. made on an older version of the item), instead of keeping it. */
  dropUnusable?: boolean;
}

export interface DraftState<T extends object = object> {
  /** False until the stored draft (if any) was looked up; saving starts after that. */
  ready: boolean;
  /** When the restored draft was saved, if the form was restored from one. */
  restoredAt?: number;
  /** Why the last save did not keep the draft (too large, storage full); cleared by the next save that works. */
  error?: AppError;
  /**
   * Forget the draft (after a successful save, or when the user discards it). `next` is the value the form is
   * about to show, when it resets itself: that value is not a change, so it is not saved as a new draft.
   */
  clear: (next?: T) => Promise<void>;
}

/**
 * Keep a form's unsaved state as a draft: restore it on open, save it ~300 ms after the last change (or at once,
 * with `delayMs: 0`), and save at once when the page is hidden or the form goes away, so a reload, a closed popup
 * or a failed save never loses typing. Only changes after the lookup are saved, so opening a form does not create
 * a draft.
 */
export function useDraft<T extends object>(opts: UseDraftOptions<T>): DraftState<T> {
  const { store, formId, value, delayMs = 300 } = opts;
  const [ready, setReady] = useState(false);
  const [restoredAt, setRestoredAt] = useState<number | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  const baseline = useRef<string | null>(null);
  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; value: T; formId: string } | null>(null);
  const latest = useRef(opts);
  latest.current = opts;

  const flush = () => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = null;
    // From now on "unchanged" means "as stored", so going back to the opened value is saved too.
    baseline.current = JSON.stringify(p.value);
    void latest.current.store.save(p.formId, p.value as Record<string, unknown>).then(
      (r) => setError(r.ok ? undefined : r.error),
      () => {},
    );
  };

  // Look the draft up once per form id. Typing that started before the answer wins over the stored draft.
  useEffect(() => {
    let live = true;
    const opened = JSON.stringify(latest.current.value);
    setReady(false);
    setRestoredAt(undefined);
    baseline.current = null;
    const done = (restored?: { value: T; savedAt: number }) => {
      if (!live) return;
      const untouched = JSON.stringify(latest.current.value) === opened;
      if (restored && untouched) {
        latest.current.onRestore(restored.value);
        setRestoredAt(restored.savedAt);
        baseline.current = JSON.stringify(restored.value);
      } else {
        baseline.current = opened;
      }
      setReady(true);
    };
    store
      .get(formId)
      .then((r) => {
        const stored = r.ok ? r.value : null;
        const parsed = stored ? latest.current.parse(stored.value) : undefined;
        if (stored && !parsed && latest.current.dropUnusable) void latest.current.store.clear(formId);
        done(stored && parsed ? { value: parsed, savedAt: stored.savedAt } : undefined);
      })
      .catch(() => done());
    return () => {
      live = false;
      flush();
    };
  }, [formId, store]);

  // Save changes: debounced, or (delayMs 0) right away. A layout effect runs in the same task as the change that
  // caused the render (Preact renders in a microtask and commits layout effects synchronously).
  useLayoutEffect(() => {
    if (!ready || baseline.current === null) return;
    const text = JSON.stringify(value);
    if (text === baseline.current && !pending.current) return;
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { value, formId };
    if (delayMs === 0) flush();
    else pending.current.timer = setTimeout(flush, delayMs);
  }, [value, ready, delayMs, formId]);

  // A reload or a closed tab must not lose the last keystrokes.
  useEffect(() => {
    const onHide = () => flush();
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, []);

  const clear = async (next?: T) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    baseline.current = JSON.stringify(next ?? latest.current.value);
    setRestoredAt(undefined);
    setError(undefined);
    await latest.current.store.clear(latest.current.formId);
  };
  return { ready, restoredAt, ...(error ? { error } : {}), clear };
}
