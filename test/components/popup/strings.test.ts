import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { code, literalStrings } from '../literal-strings';

// Every word the popup shows goes through @wxt-dev/i18n (locales/en.yml), as on the options page. This pins it:
// no text between JSX tags, and no literal label, placeholder or title, in the popup's components.
const DIR = join(__dirname, '../../../components/popup');
const tsx = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => join(dir, f));
const FILES = [
  ...tsx(DIR),
  join(__dirname, '../../../entrypoints/popup/App.tsx'),
  // The popup shows Needs attention and the test-fire panel too (loaded after its first paint).
  ...tsx(join(__dirname, '../../../components/health')),
  ...tsx(join(__dirname, '../../../components/test-fire')),
];

describe('popup strings', () => {
  it('finds literal text (the check itself works)', () => {
    expect(literalStrings('<p class="x">No postbacks yet.</p>')).toEqual(['No postbacks yet.']);
    expect(literalStrings('<input aria-label="Search postbacks" />')).toHaveLength(1);
    expect(literalStrings("<p>{i18n.t('popup.list.empty')}</p>")).toEqual([]);
  });

  for (const file of FILES) {
    it(`${file.split('/').slice(-2).join('/')} shows no literal text`, () => {
      expect(literalStrings(code(file))).toEqual([]);
    });
  }
});
