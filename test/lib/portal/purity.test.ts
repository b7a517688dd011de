// @vitest-environment node
// lib/portal/ is pure, so the background and the popup can share it and it tests without a browser: every file but
// target-tab.ts (the one that asks the browser for tabs) imports only its neighbours.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(process.cwd(), 'lib/portal');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

describe('lib/portal', () => {
  it('found its files', () => expect(FILES).toEqual(expect.arrayContaining(['offer-id.ts', 'domain.ts'])));

  it.each(FILES.filter((f) => f !== 'target-tab.ts'))('%s imports only lib/portal files', (file) => {
    const code = readFileSync(join(DIR, file), 'utf8');
    const specifiers = [...code.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map(
      (m) => m[1],
    );
    expect(specifiers.filter((s) => !s?.startsWith('./'))).toEqual([]);
    expect(code).not.toMatch(/\b(browser|chrome|document|window|location)\./);
  });
});
