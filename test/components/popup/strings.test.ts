import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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

/** The source without comments (JSX comments included), so prose in comments is not mistaken for UI text. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

/** Literal UI text in a TSX source: text nodes with a word in them, and literal text attributes. */
function literalStrings(src: string): string[] {
  const text = [...src.matchAll(/(?<![=\w])>([^<>{}()[\];=]*?[A-Za-z]{2,}[^<>{}()[\];=]*?)(?=<|\{)/g)].map(
    (m) => m[1]!.trim(),
  );
  const attrs = [...src.matchAll(/\b(?:aria-label|placeholder|label|title)="([^"]*[A-Za-z][^"]*)"/g)].map(
    (m) => m[0],
  );
  return [...text, ...attrs].filter(Boolean);
}

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
