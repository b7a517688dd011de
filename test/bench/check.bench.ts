// The postback checker runs on every keystroke: its median time per URL is compared with `new URL()`
// parsing the same strings in the same run (the floor), and a 2 KB URL must stay well under a frame.
import { checkPostbackUrl } from '../../lib/postback/check';
import { renderPreset } from '../../lib/postback/template';
import { TRACKER_PRESETS } from '../../lib/postback/trackers';
import cases from '../fixtures/postback/cases.json';
import { type BenchRow, median } from './bench-types';

const ROUNDS = 300;

/** Realistic URLs: the case table (public formats and real mistakes) and every preset filled in. */
function realisticSet(): string[] {
  const presets = TRACKER_PRESETS.map((p) => {
    const values = Object.fromEntries(
      (p.template.match(/<[A-Z_]+>/g) ?? []).map((v) => [
        v.slice(1, -1),
        v.includes('DOMAIN') ? 'trk.example.com' : '12345',
      ]),
    );
    return renderPreset(p, { values }).url;
  });
  // Only strings new URL() accepts, so the floor is parsing, not exception handling.
  return [...cases.map((c) => c.url), ...presets].filter((u) => URL.canParse(u));
}

/** A 2 KB postback with many parameters, as a long real-world template would be. */
export function twoKbUrl(): string {
  let url = 'https://abcde.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}&txid={transaction_id}';
  for (let n = 0; url.length < 2000; n++) url += `&p${n}={sub${(n % 10) + 1}}&note${n}=spring%20sale%20${n}`;
  url += '&pad=';
  return url + 'x'.repeat(2048 - url.length);
}

function perItemMicros(items: string[], fn: (s: string) => unknown): number {
  const t0 = performance.now();
  for (const s of items) fn(s);
  return ((performance.now() - t0) * 1000) / items.length;
}

let sink: unknown;
const parse = (s: string) => {
  sink = new URL(s);
};
const check = (s: string) => {
  sink = checkPostbackUrl(s);
};

/** Median time per check over the realistic set vs `new URL()` (same run), and the time for a 2 KB URL. */
export async function bench(): Promise<BenchRow[]> {
  const set = realisticSet();
  for (let i = 0; i < 50; i++) {
    perItemMicros(set, check);
    perItemMicros(set, parse);
  }
  const checks: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Interleaved so both see the same machine load.
    checks.push(perItemMicros(set, check));
    floors.push(perItemMicros(set, parse));
  }
  const perCheck = median(checks);
  const floor = median(floors);

  const big = [twoKbUrl()];
  for (let i = 0; i < 50; i++) perItemMicros(big, check);
  const bigTimes = Array.from({ length: 500 }, () => perItemMicros(big, check) / 1000);
  const bigMs = median(bigTimes);
  void sink;
  return [
    {
      name: `checkPostbackUrl, median per URL (${set.length} realistic URLs)`,
      value: perCheck,
      unit: 'µs',
      baseline: { name: 'new URL() on the same strings', value: floor },
      ratio: perCheck / floor,
      goal: '≤ 20× floor',
      pass: perCheck / floor <= 20,
    },
    {
      name: `checkPostbackUrl, ${big[0]!.length}-character URL`,
      value: bigMs,
      unit: 'ms',
      goal: '≤ 0.2 ms',
      pass: bigMs <= 0.2,
    },
  ];
}
