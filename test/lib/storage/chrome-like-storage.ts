import { fakeBrowser } from 'wxt/testing/fake-browser';

type Area = 'local' | 'session';
type Get = (typeof fakeBrowser.storage.local)['get'];

/** A deep copy with every object's keys in sorted order, as Chrome hands stored objects back. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
  );
}

/**
 * Make the fake browser's storage behave like Chrome's where it matters here: reads hand back copies with
 * sorted keys (not the stored objects in insertion order), and every call may first wait on `pause` (a test's
 * scheduler, to interleave calls). Returns a function that undoes it.
 */
export function chromeLikeStorage(pause?: (what: string) => Promise<void>): () => void {
  const undo: (() => void)[] = [];
  for (const area of ['local', 'session'] as Area[]) {
    const target = fakeBrowser.storage[area];
    const { get, set, remove } = target;
    const wait = (what: string) => (pause ? pause(`${area}.${what}`) : Promise.resolve());
    target.get = (async (...args: Parameters<Get>) => {
      await wait('get');
      return sortedKeys(await get.apply(target, args));
    }) as Get;
    target.set = (async (...args: Parameters<typeof set>) => {
      await wait('set');
      return set.apply(target, args);
    }) as typeof set;
    target.remove = (async (...args: Parameters<typeof remove>) => {
      await wait('remove');
      return remove.apply(target, args);
    }) as typeof remove;
    undo.push(() => Object.assign(target, { get, set, remove }));
  }
  return () => {
    for (const u of undo) u();
  };
}
