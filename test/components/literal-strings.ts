import { readFileSync } from 'node:fs';

// Shared by the strings tests: every word a page shows goes through @wxt-dev/i18n (locales/en.yml).

/** The source without comments (JSX comments included), so prose in comments is not mistaken for UI text. */
export function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

/** Literal UI text in a TSX source: text nodes with a word in them, and literal text attributes. */
export function literalStrings(src: string): string[] {
  const text = [...src.matchAll(/(?<![=\w])>([^<>{}()[\];=]*?[A-Za-z]{2,}[^<>{}()[\];=]*?)(?=<|\{)/g)].map(
    (m) => m[1]!.trim(),
  );
  const attrs = [...src.matchAll(/\b(?:aria-label|placeholder|label|title)="([^"]*[A-Za-z][^"]*)"/g)].map(
    (m) => m[0],
  );
  return [...text, ...attrs].filter(Boolean);
}
