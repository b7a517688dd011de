// What the demo and the tests need from the machine, decided without touching it: which browsers are there, which
// Debian packages would bring the missing ones, and whether this user may install them (root, or sudo without a
// password). Pure, so a unit test can walk every case; scripts/ensure-browsers.ts carries the plan out.
import { findChromium } from '../test/e2e/find-chromium';
import { findFirefox } from '../test/e2e-firefox/find-firefox';

export type BrowserName = 'chromium' | 'firefox';

/** The Debian packages that give each browser (fonts so headless pages and screenshots have glyphs). */
export const APT_PACKAGES: Record<BrowserName, readonly string[]> = {
  chromium: ['chromium', 'fonts-dejavu-core'],
  firefox: ['firefox-esr'],
};

/** Why each browser is needed, printed next to what is installed. */
export const WHY: Record<BrowserName, string> = {
  chromium: 'the demo and the Chromium browser tests drive Debian Chromium',
  firefox: 'the Firefox browser tests drive Debian Firefox ESR',
};

export interface MachineFacts {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  /** `process.getuid() === 0`. */
  isRoot: boolean;
  /** Whether `sudo -n true` succeeds (asked only when not root). */
  canSudo: () => boolean;
  /** Whether `apt-get` is on this machine. */
  hasAptGet: boolean;
}

export type BrowserPlan =
  | { kind: 'ready'; paths: Partial<Record<BrowserName, string>> }
  | {
      kind: 'install';
      /** `[]` as root, `['sudo', '-n']` otherwise. */
      sudo: string[];
      missing: BrowserName[];
      packages: string[];
      paths: Partial<Record<BrowserName, string>>;
    }
  | { kind: 'manual'; message: string };

function find(browser: BrowserName, facts: MachineFacts): string {
  return browser === 'chromium'
    ? findChromium(facts.env, facts.exists)
    : findFirefox(facts.env, facts.exists);
}

/**
 * Decide how to get the wanted browsers. An explicit `CHROMIUM_PATH` / `FIREFOX_PATH` always wins, and one that
 * points at nothing is an error (never replaced by an install). Missing browsers are installed with apt-get only
 * when this user may do so without a prompt; otherwise the plan is the finder's install instructions.
 */
export function planBrowsers(wanted: readonly BrowserName[], facts: MachineFacts): BrowserPlan {
  const paths: Partial<Record<BrowserName, string>> = {};
  const missing: BrowserName[] = [];
  const messages: string[] = [];
  for (const browser of wanted) {
    try {
      paths[browser] = find(browser, facts);
    } catch (e) {
      const message = (e as Error).message;
      const pathVar = browser === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
      // The user named a binary: installing another one would hide their mistake.
      if (facts.env[pathVar]) return { kind: 'manual', message };
      missing.push(browser);
      messages.push(message);
    }
  }
  if (missing.length === 0) return { kind: 'ready', paths };
  const sudo = facts.isRoot ? [] : facts.canSudo() ? ['sudo', '-n'] : undefined;
  if (!facts.hasAptGet || sudo === undefined) {
    const why = !facts.hasAptGet
      ? 'There is no apt-get here to install it automatically.'
      : 'Installing it needs root or password-less sudo; run the command below yourself.';
    return { kind: 'manual', message: `${messages.join('\n\n')}\n\n${why}` };
  }
  return { kind: 'install', sudo, missing, packages: missing.flatMap((b) => APT_PACKAGES[b]), paths };
}
