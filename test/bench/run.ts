// `npm run bench`: runs every test/bench/*.bench.ts in turn and prints one table of figures.
// Each bench measures its own floor in the same run, so ratios compare like with like on this machine.
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import type { BenchFn, BenchRow } from './bench-types';

const only = process.argv.slice(2);
const dir = new URL('./', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

function fmt(n: number): string {
  return n >= 100
    ? n.toFixed(0)
    : n >= 10
      ? n.toFixed(1)
      : n.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

console.log(
  `Benchmarks — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
);
let failedGoals = 0;
for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as { bench: BenchFn };
  const started = Date.now();
  let rows: BenchRow[];
  try {
    rows = await mod.bench();
  } catch (e) {
    console.log(`\n${file}: ERROR ${(e as Error).message}`);
    failedGoals++;
    continue;
  }
  console.log(`\n${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const r of rows) {
    const base = r.baseline ? `  vs ${r.baseline.name} ${fmt(r.baseline.value)} ${r.unit}` : '';
    const ratio = r.ratio === undefined ? '' : `  ratio ${r.ratio.toFixed(2)}×`;
    const goal = r.goal ? `  goal ${r.goal} ${r.pass ? '✓' : '✗'}` : '';
    if (r.pass === false) failedGoals++;
    console.log(`  ${r.name}: ${fmt(r.value)} ${r.unit}${base}${ratio}${goal}`);
  }
}
console.log(`\n${failedGoals === 0 ? 'All goals met.' : `${failedGoals} goal(s) missed.`}`);
