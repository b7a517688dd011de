import { withLock } from '../../storage/lock';

/**
 * A profile lives in three places: the profile list, the key store and the settings (default profile, where keys
 * are kept). Every change to any of them that depends on the others (a save, a removal, a repair, a settings
 * change) runs in turn in this queue, so none of them sees another half-done.
 */
export function commitProfiles<T>(task: () => Promise<T>): Promise<T> {
  return withLock('profiles.commit', task);
}
