// @vitest-environment node
// The architecture's hard rules, checked on the source itself (refined-github's build/features.test.ts idea):
// pages and components never reach Everflow or the keys, and only lib/everflow knows Everflow HTTP.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The module specifiers a file imports (static and dynamic). */
function importsOf(path: string): string[] {
  const code = readFileSync(join(ROOT, path), 'utf8');
  return [...code.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

const UI = [...files('components'), ...files('entrypoints/popup'), ...files('entrypoints/options')];

describe('conventions', () => {
  it('found the code it checks', () => {
    expect(UI.length).toBeGreaterThan(20);
  });

  // Pages may share lib/everflow's pure rules and schemas (the form checks what the API will check), but
  // nothing that performs HTTP, and never the key vault.
  const PURE_EVERFLOW = /lib\/everflow\/(rules|integration-rules|schemas\/[\w-]+)$/;
  it.each(UI)('%s does not import the key vault or Everflow HTTP code', (path) => {
    const bad = importsOf(path).filter(
      (s) => /storage\/(keys|secrets)$/.test(s) || (/lib\/everflow\//.test(s) && !PURE_EVERFLOW.test(s)),
    );
    expect(bad, `${path} imports ${bad.join(', ')}`).toEqual([]);
  });

  it.each(UI)('%s calls no fetch and touches no XMLHttpRequest', (path) => {
    const code = readFileSync(join(ROOT, path), 'utf8');
    expect(code).not.toMatch(/\bfetch\s*\(|XMLHttpRequest|dangerouslySetInnerHTML|\.innerHTML\s*=/);
  });

  it('only lib/everflow (and the sandbox and tests) mention the API key header', () => {
    const outsideClient = (p: string) => relative('lib/everflow', p).startsWith('..');
    const offenders = [...files('lib'), ...files('components'), ...files('entrypoints')]
      .filter(outsideClient)
      .filter((p) => /x-eflow-api-key/i.test(readFileSync(join(ROOT, p), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
