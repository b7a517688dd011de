import { type StorageItemKey, storage, type WxtStorageItemOptions } from '@wxt-dev/storage';
import { log } from '../log';
import type { Repaired } from './repair';

export interface ValidatedItem<T> {
  readonly key: StorageItemKey;
  /** Read, validate and repair. A repaired value is written back and logged (field paths only). */
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Read-modify-write. */
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

  return {
    key,
    async getValue() {
      const raw = await item.getValue();
      const { value, repairs } = read(raw);
      if (repairs.length) await item.setValue(value);
      return value;
    },
    async setValue(value) {
      await item.setValue(value);
    },
    async update(fn) {
      const { value } = read(await item.getValue());
      const next = fn(value);
      await item.setValue(next);
      return next;
    },
    async removeValue() {
      await item.removeValue();
    },
    watch(cb) {
      return item.watch((raw) => cb(options.parse(raw ?? options.fallback).value));
    },
  };
}
