/**
 * A queue of async functions run one at a time, in call order. Each storage item the background writes in
 * read-modify-write steps (history, jobs) goes through one of these, so two writes in flight never read the same
 * old value and one of them is lost.
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
