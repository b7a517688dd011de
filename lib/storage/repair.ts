import type * as z from 'zod/mini';

/** A parsed value plus what had to be repaired to get it (field paths only, never values). */
export interface Repaired<T> {
  value: T;
  repairs: string[];
}

/**
 * Whether two values are stored alike: objects compare by members, whatever their key order (Chrome hands
 * stored objects back with their keys sorted, zod in schema order), and an `undefined` member counts as absent
 * (storage drops it).
 */
export function sameStored(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameStored(x, b[i]))
    );
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  return kx.length === keys(y).length && kx.every((k) => Object.hasOwn(y, k) && sameStored(x[k], y[k]));
}

/** Top-level fields whose stored form changed between the raw and the parsed record. */
function changedFields(raw: unknown, parsed: unknown): string[] {
  if (!raw || typeof raw !== 'object' || !parsed || typeof parsed !== 'object') return ['(value)'];
  const a = raw as Record<string, unknown>;
  const b = parsed as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  // `sameStored` checks the reference first: zod hands `unknown` fields (a cache entry's value) back as they
  // were, so reading the cache does not walk every cached list just to find nothing changed.
  return [...keys].filter((k) => !sameStored(a[k], b[k])).sort();
}

/**
 * Parse a list of records one by one: a record with a bad field is repaired by its schema's `catch` defaults;
 * a record that cannot be repaired (missing identity) is dropped, and the rest survive.
 */
export function parseList<S extends z.ZodMiniType>(schema: S, raw: unknown): Repaired<z.infer<S>[]> {
  if (!Array.isArray(raw)) return { value: [], repairs: raw == null ? [] : ['(not a list): reset'] };
  const value: z.infer<S>[] = [];
  const repairs: string[] = [];
  raw.forEach((entry, i) => {
    const r = schema.safeParse(entry);
    if (!r.success) {
      repairs.push(
        `[${i}]: dropped (${r.error.issues.map((x) => x.path.join('.') || '(value)').join(', ')})`,
      );
      return;
    }
    const fields = changedFields(entry, r.data);
    if (fields.length) repairs.push(`[${i}]: reset ${fields.join(', ')}`);
    value.push(r.data);
  });
  return { value, repairs };
}

/** Parse a map of records (e.g. drafts by form id) entry by entry, like `parseList`. */
export function parseMap<S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
): Repaired<Record<string, z.infer<S>>> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: {}, repairs: raw == null ? [] : ['(not an object): reset'] };
  }
  const value: Record<string, z.infer<S>> = {};
  const repairs: string[] = [];
  for (const [k, entry] of Object.entries(raw)) {
    const r = schema.safeParse(entry);
    if (!r.success) {
      repairs.push(`${k}: dropped`);
      continue;
    }
    if (changedFields(entry, r.data).length) repairs.push(`${k}: repaired`);
    value[k] = r.data;
  }
  return { value, repairs };
}

/** Parse one object; fields repair themselves, and an unusable value falls back to `fallback`. */
export function parseObject<S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
  fallback: z.infer<S>,
): Repaired<z.infer<S>> {
  if (raw == null) return { value: fallback, repairs: [] };
  const r = schema.safeParse(raw);
  if (!r.success) return { value: fallback, repairs: ['(value): reset to defaults'] };
  const fields = changedFields(raw, r.data);
  return { value: r.data, repairs: fields.map((f) => `${f}: reset`) };
}
