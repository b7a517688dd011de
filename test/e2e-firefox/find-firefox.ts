import { existsSync } from 'node:fs';

const HOW_TO_INSTALL = [
  'No Firefox found for the Firefox browser tests.',
  'Install one of:',
  '  - Debian/Ubuntu: sudo apt-get install -y firefox-esr   (gives /usr/bin/firefox-esr)',
  '  - any Firefox 128 or newer, then export FIREFOX_PATH=/path/to/firefox',
].join('\n');

/** Where Debian and most distributions put Firefox, in the order they are tried. */
export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'] as const;

/**
 * The Firefox binary for the Firefox e2e tests: `FIREFOX_PATH`, then Debian's `/usr/bin/firefox-esr`, then
 * `/usr/bin/firefox`. Throws with install instructions when none exists: never skip silently.
 */
export function findFirefox(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
): string {
  const fromEnv = env.FIREFOX_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.\n${HOW_TO_INSTALL}`);
  }
  const found = FIREFOX_CANDIDATES.find((p) => exists(p));
  if (found) return found;
  throw new Error(HOW_TO_INSTALL);
}
