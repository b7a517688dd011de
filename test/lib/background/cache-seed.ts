import { readCache, writeCache } from '../../../lib/background/cache';

/** Put entries in the data cache as the worker would have stored them (each under its own keys). */
export async function seedCache(entries: Record<string, { value: unknown; fetchedAt: number }>) {
  for (const [key, e] of Object.entries(entries)) await writeCache(key, e.value, e.fetchedAt);
}

/** Every entry of the data cache by key, as the old single-item cache read (for assertions). */
export async function cacheSnapshot(...keys: string[]) {
  const out: Record<string, { value: unknown; fetchedAt: number }> = {};
  for (const key of keys) {
    const e = await readCache(key);
    if (e) out[key] = { value: e.value, fetchedAt: e.fetchedAt };
  }
  return out;
}
