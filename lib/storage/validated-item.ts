import { type StorageItemKey, storage, type WxtStorageItemOptions } from '@wxt-dev/storage';
import { log } from '../log';
import { withLock } from './lock';
import { type Repaired, sameStored } from './repair';

export interface ValidatedItem<T> {
  readonly key: StorageItemKey;
  /**
   * Read, validate and repair. A repaired value is logged (field paths only) and written back, in turn with
   * every other write of the item, and only when the stored value really differs.
   */
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /**
   * Read-modify-write, serialised with every other write of this item in this context (the worker), so two
   * overlapping updates both land. Nothing is written when `fn` changes nothing.
   */
  update(fn: (current: T) => T): Promise<T>;
  removeValue(): Promise<void>;
  /** Called with the validated value on every change, from any context. */
  watch(cb: (value: T) => void): () => void;
}

export interface ValidatedItemOptions<T> {
  fallback: T;
  /** Starts at 1; bump it and add a migration when the stored shape changes. */
  version: number;
  migrations?: WxtStorageItemOptions<T>['migrations'];
  /** Validate and repair a raw stored value. */
  parse: (raw: unknown) => Repaired<T>;
}

/**
 * A `@wxt-dev/storage` item that never hands out an unchecked value: every read goes through zod, and a corrupt
 * or old field is repaired to its default instead of crashing the page (Dark Reader's validate-and-repair).
 */
export function defineValidatedItem<T>(
  key: StorageItemKey,
  options: ValidatedItemOptions<T>,
): ValidatedItem<T> {
  const item = storage.defineItem<unknown>(key, {
    fallback: options.fallback,
    version: options.version,
    migrations: options.migrations,
  });

  const read = (raw: unknown): Repaired<T> => {
    const result = options.parse(raw);
    if (result.repairs.length) log.warn(`storage ${key}: repaired ${result.repairs.join('; ')}`);
    return result;
  };

  // Every write of the item goes through this queue, the repair write-back included: a write-back of what was
  // read before a concurrent update would otherwise undo that update.
  const serialised = <R>(task: () => Promise<R>) => withLock(key, task);

  return {
    key,
    async getValue() {
      const first = read(await item.getValue());
      if (!first.repairs.length) return first.value;
      // Repair from a fresh read inside the queue, so the write-back carries every write that got there first.
      return serialised(async () => {
        const raw = await item.getValue();
        const { value, repairs } = options.parse(raw);
        if (repairs.length && !sameStored(raw, value)) await item.setValue(value);
        return value;
      });
    },
    setValue(value) {
      return serialised(() => item.setValue(value));
    },
    update(fn) {
      return serialised(async () => {
        const raw = await item.getValue();
        const next = fn(read(raw).value);
        if (!sameStored(raw, next)) await item.setValue(next);
        return next;
      });
    },
    removeValue() {
      return serialised(() => item.removeValue());
    },
    watch(cb) {
      return item.watch((raw) => cb(options.parse(raw ?? options.fallback).value));
    },
  };
}
