// Storage has no transactions: two read-modify-writes of one item that overlap each write back what the other
// had not seen yet, and one of them is lost. The background service worker is the only writer (pages go through
// messages), so a queue per storage key inside the worker is enough to make every such write happen in turn.
const tails = new Map<string, Promise<unknown>>();

/**
 * Run `task` after every earlier task queued under the same `name` has settled (a per-name async mutex).
 * A failing task rejects its own caller only; the queue goes on.
 */
export function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const run = (tails.get(name) ?? Promise.resolve()).then(task);
  const tail = run.catch(() => undefined);
  tails.set(name, tail);
  void tail.then(() => {
    if (tails.get(name) === tail) tails.delete(name);
  });
  return run;
}
