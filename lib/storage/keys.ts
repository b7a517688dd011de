// The API keys. Background-only: pages never import this file (a conventions test enforces it), and nothing
// here logs or returns a key to a page. Keys live in `storage.local` (never `sync`), or in `storage.session`
// when the user opted to forget them when the browser closes.
import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';
import { withLock } from './lock';
import { parseMap } from './repair';

type KeyMap = Record<string, string>;
const KeyString = z.string().check(z.minLength(1));

const localKeys = storage.defineItem<unknown>('local:apiKeys', { fallback: {}, version: 1 });
const sessionKeys = storage.defineItem<unknown>('session:apiKeys', { fallback: {}, version: 1 });

async function read(item: typeof localKeys): Promise<KeyMap> {
  return parseMap(KeyString, await item.getValue()).value;
}

// Both key maps are rewritten whole; one queue for both keeps overlapping saves and removals from undoing
// each other (see lock.ts).
const serialised = <T>(task: () => Promise<T>) => withLock('apiKeys', task);

/** The key of one profile, from whichever area holds it. */
export async function getKey(profileId: string): Promise<string | undefined> {
  return (await read(sessionKeys))[profileId] ?? (await read(localKeys))[profileId];
}

/** Store a profile's key in the area the user chose; it is removed from the other one. */
export function setKey(profileId: string, key: string, forgetOnClose: boolean): Promise<void> {
  return serialised(async () => {
    const [target, other] = forgetOnClose ? [sessionKeys, localKeys] : [localKeys, sessionKeys];
    await target.setValue({ ...(await read(target)), [profileId]: key });
    const rest = await read(other);
    if (profileId in rest) {
      delete rest[profileId];
      await other.setValue(rest);
    }
  });
}

/** Forget the keys of the profiles `gone` says are gone, everywhere. */
export function removeKeysWhere(gone: (profileId: string) => boolean): Promise<void> {
  return serialised(async () => {
    for (const item of [localKeys, sessionKeys]) {
      // Filter what is stored as is: an unreadable entry of a live profile stays, so it can be reported as such.
      const raw = await item.getValue();
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
      const entries = Object.entries(raw);
      const kept = entries.filter(([id]) => !gone(id));
      if (kept.length !== entries.length) await item.setValue(Object.fromEntries(kept));
    }
  });
}

/** Forget a profile's key everywhere. */
export function removeKey(profileId: string): Promise<void> {
  return removeKeysWhere((id) => id === profileId);
}

/** Move every key to session storage (forget on close) or back to local storage. */
export function moveAllKeys(forgetOnClose: boolean): Promise<void> {
  return serialised(async () => {
    const all = { ...(await read(localKeys)), ...(await read(sessionKeys)) };
    await (forgetOnClose ? sessionKeys : localKeys).setValue(all);
    await (forgetOnClose ? localKeys : sessionKeys).setValue({});
  });
}

/**
 * Where a profile's key stands: `stored`; `missing` (never stored, removed, or forgotten when the browser closed);
 * or `unreadable`, when a key map or the profile's entry in it is corrupt, so the key was lost to a bad write.
 */
export async function keyState(profileId: string): Promise<'stored' | 'missing' | 'unreadable'> {
  let unreadable = false;
  for (const item of [sessionKeys, localKeys]) {
    const raw = await item.getValue();
    if (parseMap(KeyString, raw).value[profileId] !== undefined) return 'stored';
    if (raw != null && (typeof raw !== 'object' || Array.isArray(raw) || Object.hasOwn(raw, profileId))) {
      unreadable = true;
    }
  }
  return unreadable ? 'unreadable' : 'missing';
}

/** Whether the profile has a key at all (e.g. after a browser restart in forget-on-close mode it has none). */
export async function hasKey(profileId: string): Promise<boolean> {
  return (await getKey(profileId)) !== undefined;
}

interface AccessLevelArea {
  setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Defence in depth: keep storage away from content scripts where the browser supports it (Chrome 140+ for local,
 * session everywhere Chrome). We ship no content scripts, so this guards against future mistakes.
 */
export async function restrictStorageToTrustedContexts(areas: {
  local?: unknown;
  session?: unknown;
}): Promise<void> {
  for (const area of [areas.local, areas.session] as AccessLevelArea[]) {
    try {
      await area?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
    } catch {
      // Older browsers reject it for `local`; nothing else to do.
    }
  }
}

/** The masked form pages may show: "••••" and the last four characters. */
export function maskKey(keyHint: string): string {
  return `••••${keyHint.slice(-4)}`;
}

/** The last four characters, stored with the profile so pages can show the mask without the key. */
export function keyHintOf(key: string): string {
  return key.slice(-4);
}
