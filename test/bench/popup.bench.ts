import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RELEASE_EXTENSION_DIR } from '../e2e/extension-dirs';
import { launchWithExtension } from '../e2e/launch';
import { type BenchRow, median } from './bench-types';
import { extensionIdByName, timeOpen, writeBlankExtension } from './page-timing';

const RUNS = 20;
const ROWS = 50;
/** The popup is interactive once the 50th cached row's switch is on screen. */
const POPUP_READY = `.rows > li:nth-child(${ROWS}) [role="switch"]`;

/** A profile and 50 cached postbacks, as a returning user has them. The key is fake: only the cache is read. */
export function seedState() {
  const profile = {
    id: 'bench',
    name: 'Bench network',
    role: 'affiliate',
    region: 'us',
    portalDomains: [],
    keyHint: '0000',
    createdAt: 1,
  };
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    id: 9000 + i,
    side: 'affiliate',
    status: i % 4 ? 'active' : 'inactive',
    type: i % 3 ? 'conversion' : 'event',
    level: i % 5 ? 'specific' : 'global',
    deliveryMethod: 'postback',
    postbackUrl: `https://trk.example.com/postback?cid={sub1}&payout={payout_amount}&tx={transaction_id}&n=${i}`,
    htmlCode: '',
    delayMs: 0,
    offerId: 11 + (i % 40),
    offerName: `Offer number ${i}`,
    eventId: 0,
  }));
  return {
    profiles: [profile],
    settings: { defaultProfileId: 'bench', defaultTemplateIds: {}, forgetKeysOnClose: false },
    apiKeys: { bench: 'bench-key-0000' },
    cache: { 'pixels:bench': { value: rows, fetchedAt: Date.now() } },
  };
}

/** Every JS file the popup loads at start: its entry script, modulepreloads, and their static imports. */
export function popupStartupScripts(extDir: string): string[] {
  const html = readFileSync(join(extDir, 'popup.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(extDir, file), 'utf8');
    const dirOf = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(dirOf + m[1]);
  }
  return [...seen];
}

/** Popup open → cached list interactive, against an empty extension page; and the popup's start-up JS size. */
export async function bench(): Promise<BenchRow[]> {
  const blankDir = writeBlankExtension();
  const { context, worker, extensionId } = await launchWithExtension({
    extensionDirs: [RELEASE_EXTENSION_DIR, blankDir],
  });
  try {
    await worker.evaluate(async (state) => {
      // biome-ignore lint/suspicious/noExplicitAny: runs inside the extension, where `chrome` exists.
      await (globalThis as any).chrome.storage.local.set(state);
    }, seedState());
    const blankId = await extensionIdByName(context, 'Bench blank page');
    // Warm both once (first open compiles and caches), then interleave so load on the machine hits both alike.
    await timeOpen(context, `chrome-extension://${blankId}/blank.html`, '#ready', 2);
    await timeOpen(context, `chrome-extension://${extensionId}/popup.html`, POPUP_READY, 2);
    const blank: number[] = [];
    const popup: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      blank.push(...(await timeOpen(context, `chrome-extension://${blankId}/blank.html`, '#ready', 1)));
      popup.push(
        ...(await timeOpen(context, `chrome-extension://${extensionId}/popup.html`, POPUP_READY, 1)),
      );
    }
    const b = median(blank);
    const p = median(popup);
    const gz = popupStartupScripts(RELEASE_EXTENSION_DIR).reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(RELEASE_EXTENSION_DIR, f)), { level: 9 }).length,
      0,
    );
    return [
      {
        name: `popup open → ${ROWS} cached postbacks interactive, median of ${RUNS}`,
        value: p,
        unit: 'ms',
        baseline: { name: 'empty extension page', value: b },
        ratio: p / b,
        goal: '≤ 1.3×',
        pass: p / b <= 1.3,
      },
      {
        name: 'popup start-up JS, gzip -9',
        value: gz / 1024,
        unit: 'KB',
        goal: '≤ 25 KB',
        pass: gz / 1024 <= 25,
      },
    ];
  } finally {
    await context.close();
  }
}
