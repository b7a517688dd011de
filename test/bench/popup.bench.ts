import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RELEASE_EXTENSION_DIR } from '../e2e/extension-dirs';
import { launchWithExtension } from '../e2e/launch';
import { type BenchRow, median } from './bench-types';
import { extensionIdByName, timeOpen, writeBlankExtension } from './page-timing';

const RUNS = 20;
/** The popup is "ready" once it shows the background's answer. */
const POPUP_READY = '[data-state="ready"]';

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

/** Popup open → ready against an empty extension page, and the popup's start-up JS size. */
export async function bench(): Promise<BenchRow[]> {
  const blankDir = writeBlankExtension();
  const { context, extensionId } = await launchWithExtension({
    extensionDirs: [RELEASE_EXTENSION_DIR, blankDir],
  });
  try {
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
        name: `popup open → ready, median of ${RUNS}`,
        value: p,
        unit: 'ms',
        baseline: { name: 'empty extension page', value: b },
        ratio: p / b,
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
