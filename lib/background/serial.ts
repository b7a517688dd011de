/**
 * A queue of async functions run one at a time, in call order. Each storage item the background writes in
 * read-modify-write steps goes through one of these, so two writes in flight never read the same old value and
 * one of them is lost.
 */
export function serialQueue(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn, fn);
    // The queue goes on after a failure; the caller still sees it.
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * Serialised read-modify-write that batches: changes asked for while a write is in flight are applied together in
 * the next one (one read, one write), in call order. Each caller resolves once a write containing its change is
 * done. A bulk job records a step every few milliseconds; writing the whole item once per step would cost more
 * than the requests themselves.
 */
export function batchedUpdater<T>(
  apply: (fns: ((value: T) => T)[]) => Promise<void>,
): (fn: (value: T) => T) => Promise<void> {
  let queued: ((value: T) => T)[] = [];
  let running: Promise<void> | undefined;
  const loop = async () => {
    while (queued.length) {
      const batch = queued;
      queued = [];
      await apply(batch);
    }
  };
  return (fn) => {
    queued.push(fn);
    // A write in flight has already read its value: this change waits for the next round of the same loop.
    running ??= loop().finally(() => {
      running = undefined;
    });
    return running;
  };
}
