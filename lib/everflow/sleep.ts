/** Waits `ms`, or less if `signal` aborts first. Never rejects; callers check `signal.aborted`. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real sleep, on `setTimeout` (so vitest fake timers drive it). */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
