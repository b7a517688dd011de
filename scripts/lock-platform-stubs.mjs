// Keeps `npm ci` working from the lockfile on this project's registry mirror.
//
// Why: the mirror this project installs from has no Biome binaries for other platforms (Android, macOS, Windows,
// musl). npm then writes a lockfile without those optional packages, and `npm ci` refuses it as "out of sync".
// This script adds lock entries for them, marked optional and gated by os/cpu/libc exactly as Biome publishes
// them, so npm skips them on every machine that does not match (and fetches them where it does). Run it after any
// `npm install` that rewrites package-lock.json: `node scripts/lock-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const biome = lock.packages['node_modules/@biomejs/biome'];
const platforms = {
  'cli-android-arm64': { os: ['android'], cpu: ['arm64'] },
  'cli-android-x64': { os: ['android'], cpu: ['x64'] },
  'cli-darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'cli-darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'cli-linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'cli-linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'cli-win32-arm64': { os: ['win32'], cpu: ['arm64'] },
  'cli-win32-x64': { os: ['win32'], cpu: ['x64'] },
};
let added = 0;
for (const [name, gate] of Object.entries(platforms)) {
  const key = `node_modules/@biomejs/${name}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = {
    version: biome.version,
    ...gate,
    dev: true,
    license: 'MIT OR Apache-2.0',
    optional: true,
    engines: biome.engines,
  };
  added++;
}
// Keep the lockfile's key order stable (npm sorts packages by path).
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-stubs: ${added} entr${added === 1 ? 'y' : 'ies'} added`);
