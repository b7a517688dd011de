// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';

// Every module a page or the background starts from before it may run a zod schema. The popup's start bundle
// has no zod; its lazily loaded panels are its first zod users.
const FIRST_ZOD_USERS = [
  'entrypoints/background.ts',
  'entrypoints/options/main.tsx',
  'components/popup/CreatePanel.tsx',
  'components/popup/EditPanel.tsx',
];

describe('zod runs jitless in the extension (no `new Function` probe, which the MV3 CSP reports)', () => {
  it('importing lib/zod-setup turns jitless on for zod and zod/mini alike', async () => {
    await import('../../lib/zod-setup');
    expect(z.config().jitless).toBe(true);
  });

  it.each(FIRST_ZOD_USERS)('%s imports lib/zod-setup before anything else', (file) => {
    const firstImport = readFileSync(file, 'utf8')
      .split('\n')
      .find((line) => line.startsWith('import '));
    expect(firstImport).toMatch(/^import '(\.\.\/)+lib\/zod-setup';$/);
  });
});
