// `npm run lint:firefox`: Mozilla's add-on linter (`web-ext lint`) on the Firefox build, judged by
// scripts/web-ext-lint-check.ts: 0 errors, and no warning outside its short allow-list. Build first
// (`npm run build:firefox`). Exit 1 on any problem.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeLint, type LintReport } from './web-ext-lint-check';

const SOURCE_DIR = '.output/firefox-mv3';

/** Files under the project's source folders that use `dangerouslySetInnerHTML` (the Preact allowance needs none). */
function sourcesWithInnerHtml(): string[] {
  const hits: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (
        /\.(ts|tsx)$/.test(entry.name) &&
        readFileSync(path, 'utf8').includes('dangerouslySetInnerHTML')
      ) {
        hits.push(path);
      }
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(dir);
  return hits;
}

if (!existsSync(join(SOURCE_DIR, 'manifest.json'))) {
  console.error(`No Firefox build in ${SOURCE_DIR}. Run "npm run build:firefox" first.`);
  process.exit(1);
}
const r = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', SOURCE_DIR, '--output', 'json', '--no-config-discovery'],
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
);
let report: LintReport;
try {
  report = JSON.parse(r.stdout) as LintReport;
} catch {
  console.error(`web-ext lint gave no JSON report (exit ${r.status}).\n${r.stdout}${r.stderr}`);
  process.exit(1);
}
const verdict = judgeLint(report, (file, line) => {
  const path = join(SOURCE_DIR, file);
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n')[line - 1] : undefined;
});
const innerHtml = sourcesWithInnerHtml();
for (const path of innerHtml)
  verdict.problems.push(`${path} uses dangerouslySetInnerHTML (see the allow-list)`);

console.log(
  `web-ext lint ${SOURCE_DIR}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
);
for (const line of verdict.allowed) console.log(`  allowed  ${line}`);
for (const line of verdict.problems) console.log(`  PROBLEM  ${line}`);
process.exit(verdict.problems.length === 0 ? 0 : 1);
