// @vitest-environment node
// The architecture's hard rules, checked on the source itself (refined-github's build/features.test.ts idea):
// pages and components never reach Everflow or the keys, and only lib/everflow knows Everflow HTTP.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** A project file's project imports, resolved to paths (packages and aliases such as `#i18n` are left out). */
function projectImportsOf(path: string): string[] {
  return importsOf(path).flatMap((s) => {
    if (!s.startsWith('.')) return [];
    const base = join(dirname(path), s);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
      (p) => /\.(ts|tsx)$/.test(p) && existsSync(join(ROOT, p)),
    );
    return found ? [found] : [];
  });
}

/** The import graph of the given source folders (type-only imports included: a cycle of types is still a knot). */
function importGraph(dirs: string[]): Map<string, string[]> {
  return new Map(dirs.flatMap(files).map((f) => [f, projectImportsOf(f)] as const));
}

/** Every import cycle, each as the path that closes it (depth-first search with an on-stack set). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (node: string) => {
    if (onStack.has(node)) {
      cycles.push([...stack.slice(stack.indexOf(node)), node]);
      return;
    }
    if (done.has(node)) return;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) visit(next);
    stack.pop();
    onStack.delete(node);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node);
  return cycles;
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

  describe('layers', () => {
    const graph = importGraph(['lib', 'components', 'entrypoints', 'sandbox']);
    const importsInto = (from: string, into: string) =>
      [...graph]
        .filter(([f]) => f.startsWith(from))
        .flatMap(([f, deps]) => deps.filter((d) => d.startsWith(into)).map((d) => `${f} -> ${d}`));

    it('found the import graph it checks', () => {
      expect(graph.size).toBeGreaterThan(150);
      expect(graph.get('lib/background/register.ts')?.length).toBeGreaterThan(3);
    });

    // The vocabulary sits at the bottom: everything may import it, it imports nothing of the project.
    it('lib/model imports nothing of the project', () => {
      const bad = [...graph]
        .filter(([f]) => f.startsWith('lib/model/'))
        .flatMap(([f, deps]) => deps.filter((d) => !d.startsWith('lib/model/')).map((d) => `${f} -> ${d}`));
      expect(bad).toEqual([]);
    });

    it('components import neither lib/everflow nor lib/background', () => {
      expect([
        ...importsInto('components/', 'lib/everflow/'),
        ...importsInto('components/', 'lib/background/'),
      ]).toEqual([]);
    });

    it('lib/messaging does not import lib/background', () => {
      expect(importsInto('lib/messaging/', 'lib/background/')).toEqual([]);
    });

    it('has no import cycle, type-only imports included', () => {
      expect(cyclesOf(graph).map((c) => c.join(' -> '))).toEqual([]);
    });

    it('the cycle finder finds a cycle (so the test above can fail)', () => {
      const knot = new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', ['c.ts']],
        ['c.ts', ['a.ts']],
        ['d.ts', ['a.ts']],
      ]);
      expect(cyclesOf(knot)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    });
  });
});
