// Vitest runs from the project root. Unit tests run without a browser: `browser.i18n.getMessage` is answered from locales/en.yml, flattened the way
// @wxt-dev/i18n flattens it at build time (nested keys joined by "_", plural forms joined by " | ").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseYAML } from 'confbox';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix: string, out: Map<string, string>): void {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}_${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (Object.keys(v).every((p) => p === '0' || p === '1' || p === 'n')) {
      out.set(
        key,
        ['0', '1', 'n']
          .filter((p) => p in v)
          .map((p) => v[p] as string)
          .join(' | '),
      );
    } else flatten(v, key, out);
  }
}

const messages = new Map<string, string>();
flatten(parseYAML(readFileSync(resolve('locales/en.yml'), 'utf8')) as Tree, '', messages);

function getMessage(name: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return (messages.get(name) ?? '').replace(/\$(\d)/g, (_m, d: string) => list[Number(d) - 1] ?? '');
}

Object.assign(fakeBrowser, { i18n: { ...(fakeBrowser as { i18n?: object }).i18n, getMessage } });
