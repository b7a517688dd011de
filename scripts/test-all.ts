// `npm test`: everything that proves the product, in order, ending with one plain line "N passed, N failed"
// that counts unit, Chromium and Firefox tests together. Every step runs even if an earlier one failed, so one run shows
// every problem; a failed step that is not a test (typecheck, lint, build) counts as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureBrowsers } from './ensure-browsers';
import { countVitest, type StepResult, summarize, type VitestReport } from './test-summary';

const results: StepResult[] = [];
mkdirSync('reports', { recursive: true });

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): StepResult {
  console.log(`\n━━ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const result = { name, ok: r.status === 0, seconds: (Date.now() - started) / 1000 };
  results.push(result);
  return result;
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

// A fresh machine has no browser yet: install Debian's Chromium and Firefox ESR (saying so) or say how to.
try {
  ensureBrowsers(['chromium', 'firefox']);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['biome', 'check', '.']);

rmSync('reports/unit.json', { force: true });
const unit = run('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/unit.json',
]);
countVitest(unit, readJson('reports/unit.json') as VitestReport | undefined);

run('build (chrome)', 'npx', ['wxt', 'build']);
run('build (demo)', 'npx', ['wxt', 'build'], { DEMO_BUILD: '1' });
run('build (firefox mv3)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
run('build (firefox demo)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { DEMO_BUILD: '1' });
run('web-ext lint', 'npx', ['tsx', 'scripts/web-ext-lint.ts']);

rmSync('reports/e2e.json', { force: true });
const e2e = run('e2e (Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/e2e.json',
});
const e2eReport = readJson('reports/e2e.json') as
  | { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }
  | undefined;
e2e.passed = e2eReport?.stats.expected ?? 0;
e2e.failed = e2eReport ? e2eReport.stats.unexpected + e2eReport.stats.flaky : 1;
e2e.skipped = e2eReport?.stats.skipped ?? 0;

rmSync('reports/e2e-firefox.json', { force: true });
const firefox = run('e2e (Firefox)', 'npx', [
  'vitest',
  'run',
  '--config',
  'test/e2e-firefox/vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/e2e-firefox.json',
]);
countVitest(firefox, readJson('reports/e2e-firefox.json') as VitestReport | undefined);

const summary = summarize(results);

console.log('\n━━ summary');
for (const r of results) {
  const counts =
    r.passed === undefined ? '' : `  ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
  console.log(
    `${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(20)} ${r.seconds.toFixed(1).padStart(6)} s${counts}`,
  );
}

console.log(summary.line);
process.exit(summary.ok ? 0 : 1);
