// Integration secrets (Meta Conversions API access tokens, passwords inside integration objects), kept like
// the API keys (keys.ts): background-only, in `storage.local` or, when the user chose to forget keys on close,
// `storage.session`; never `sync`, never in an export. Templates hold a reference instead (lib/templates/
// secret-ref.ts). Pages never import this file (test/conventions.test.ts enforces it).
import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';
import { withLock } from './lock';
import { parseMap } from './repair';

type SecretMap = Record<string, string>;
const SecretString = z.string().check(z.minLength(1));

const localSecrets = storage.defineItem<unknown>('local:integrationSecrets', { fallback: {}, version: 1 });
const sessionSecrets = storage.defineItem<unknown>('session:integrationSecrets', {
  fallback: {},
  version: 1,
});

// Both maps are rewritten whole: one queue for both (as for the API keys) keeps overlapping writes from undoing
// each other.
const serialised = <T>(task: () => Promise<T>) => withLock('integrationSecrets', task);

async function read(item: typeof localSecrets): Promise<SecretMap> {
  return parseMap(SecretString, await item.getValue()).value;
}

/** One secret by id, from whichever area holds it. */
export async function getSecret(id: string): Promise<string | undefined> {
  return (await read(sessionSecrets))[id] ?? (await read(localSecrets))[id];
}

/** Store secrets by id, in the area the user chose for keys. */
export async function putSecrets(secrets: SecretMap, forgetOnClose: boolean): Promise<void> {
  if (Object.keys(secrets).length === 0) return;
  const target = forgetOnClose ? sessionSecrets : localSecrets;
  await serialised(async () => target.setValue({ ...(await read(target)), ...secrets }));
}

/** Forget every secret whose id is not in `keep` (no template refers to it any more). */
export async function keepOnlySecrets(keep: ReadonlySet<string>): Promise<void> {
  await serialised(async () => {
    for (const item of [localSecrets, sessionSecrets]) {
      const all = await read(item);
      const kept = Object.fromEntries(Object.entries(all).filter(([id]) => keep.has(id)));
      if (Object.keys(kept).length !== Object.keys(all).length) await item.setValue(kept);
    }
  });
}

/** Move every secret to session storage (forget on close) or back to local storage, as moveAllKeys does. */
export async function moveAllSecrets(forgetOnClose: boolean): Promise<void> {
  await serialised(async () => {
    const all = { ...(await read(localSecrets)), ...(await read(sessionSecrets)) };
    await (forgetOnClose ? sessionSecrets : localSecrets).setValue(all);
    await (forgetOnClose ? localSecrets : sessionSecrets).setValue({});
  });
}
