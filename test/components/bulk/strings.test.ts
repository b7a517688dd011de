import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { code, literalStrings } from '../literal-strings';

// The Bulk and History sections of the options page show every word through @wxt-dev/i18n, like the rest of it.
const DIRS = ['bulk', 'history'].map((d) => join(__dirname, '../../../components', d));
const FILES = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => join(dir, f)),
);

describe('bulk and history strings', () => {
  it('reads every screen of both sections', () => {
    expect(FILES.map((f) => f.split('/').pop())).toEqual(
      expect.arrayContaining(['ApplyPanel.tsx', 'FindPanel.tsx', 'JobsPanel.tsx', 'HistoryScreen.tsx']),
    );
  });

  for (const file of FILES) {
    it(`${file.split('/').slice(-2).join('/')} shows no literal text`, () => {
      expect(literalStrings(code(file))).toEqual([]);
    });
  }
});
