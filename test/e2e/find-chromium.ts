import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const HOW_TO_INSTALL = [
  'No Chromium found for the browser tests.',
  'Install one of:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)',
  '  - any Chromium build, then export CHROMIUM_PATH=/path/to/chromium',
  '  - a Playwright-managed Chromium: npx playwright install chromium',
].join('\n');

/**
 * The Chromium binary for e2e tests, the demo and benchmarks: `CHROMIUM_PATH`, then Debian's `/usr/bin/chromium`,
 * then a Playwright-installed Chromium. Throws with install instructions when none exists: never skip silently.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.\n${HOW_TO_INSTALL}`);
  }
  if (exists('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && exists(bundled)) return bundled;
  throw new Error(HOW_TO_INSTALL);
}
