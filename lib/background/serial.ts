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
