// Finds or installs the browsers the demo and the tests need, so `npm install && npm run demo` and `npm test`
// do all the set-up on a fresh Debian machine. Used by `npm run demo`, `npm test` and `.ci/run` alike.
// Run alone: `npm run ensure-browsers -- chromium firefox`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type BrowserName, type MachineFacts, planBrowsers, WHY } from './browser-install-plan';

function machineFacts(): MachineFacts {
  return {
    env: process.env,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    canSudo: () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    hasAptGet: spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
  };
}

/** Run apt-get quietly: its per-package lines are shown only when it fails. */
function apt(sudo: string[], args: string[]): void {
  const [command, ...rest] = [...sudo, 'apt-get', ...args];
  const r = spawnSync(command!, rest, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) {
    console.error(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error(`"${[command, ...rest].join(' ')}" failed (exit ${r.status}).`);
  }
}

/**
 * Make sure the wanted browsers are on this machine and return their paths. Installs the missing ones with
 * apt-get (saying what and why, once) when the user is root or has password-less sudo; throws the install
 * instructions otherwise.
 */
export function ensureBrowsers(wanted: readonly BrowserName[]): Partial<Record<BrowserName, string>> {
  const facts = machineFacts();
  const plan = planBrowsers(wanted, facts);
  if (plan.kind === 'ready') return plan.paths;
  if (plan.kind === 'manual') throw new Error(plan.message);
  console.log(`ensure-browsers: installing ${plan.packages.join(' ')} with apt-get, because`);
  for (const b of plan.missing) console.log(`  - ${WHY[b]}`);
  const started = Date.now();
  apt(plan.sudo, ['update', '-qq']);
  apt(plan.sudo, ['install', '-y', '-qq', ...plan.packages]);
  const after = planBrowsers(wanted, facts);
  if (after.kind !== 'ready') {
    throw new Error(
      `apt-get finished, but a browser is still missing.\n${after.kind === 'manual' ? after.message : ''}`,
    );
  }
  console.log(`ensure-browsers: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return after.paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2).filter((a): a is BrowserName => a === 'chromium' || a === 'firefox');
  try {
    const paths = ensureBrowsers(args.length ? args : ['chromium', 'firefox']);
    for (const [browser, path] of Object.entries(paths)) console.log(`${browser}: ${path}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
