// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { inlinePopupCss } from '../../scripts/vite-inline-popup-css';

type Bundle = Record<string, { type: 'asset' | 'chunk'; source?: string | Uint8Array }>;

function run(bundle: Bundle): Bundle {
  const plugin = inlinePopupCss();
  const hook = plugin.generateBundle as unknown as (options: unknown, bundle: Bundle) => void;
  hook.call({}, {}, bundle);
  return bundle;
}

const page = (links: string) =>
  `<html><head><script type="module" src="/chunks/popup.js"></script>${links}</head><body></body></html>`;

describe('inlinePopupCss', () => {
  it("puts the popup's stylesheets into the page, in order, and leaves the files for other pages", () => {
    const bundle = run({
      'entrypoints/popup/index.html': {
        type: 'asset',
        source: page(
          '<link rel="stylesheet" crossorigin href="/assets/theme.css"><link rel="stylesheet" href="/assets/popup.css">',
        ),
      },
      'assets/theme.css': { type: 'asset', source: ':root{--bg:#fff}' },
      'assets/popup.css': { type: 'asset', source: new TextEncoder().encode('.row{display:flex}') },
    });
    const html = bundle['entrypoints/popup/index.html']!.source as string;
    expect(html).toMatch(/<style>:root\{--bg:#fff\}<\/style>.*<style>\.row\{display:flex\}<\/style>/);
    // Each link stays, inert, so Vite's lazy-chunk loader sees the sheet is there and does not add it again.
    expect(html).toContain('<link rel="stylesheet" href="/assets/theme.css" media="not all">');
    expect(html).toContain('<link rel="stylesheet" href="/assets/popup.css" media="not all">');
    expect(html.match(/rel="stylesheet"/g)).toHaveLength(2);
    expect(html).toContain('<script type="module" src="/chunks/popup.js">');
    expect(bundle['assets/theme.css']).toBeDefined();
  });

  it('keeps a link it cannot inline safely, and touches no other page', () => {
    const options = page('<link rel="stylesheet" href="/assets/theme.css">');
    const bundle = run({
      'entrypoints/popup/index.html': {
        type: 'asset',
        source: page(
          '<link rel="stylesheet" href="/assets/odd.css"><link rel="stylesheet" href="/assets/gone.css">',
        ),
      },
      'entrypoints/options/index.html': { type: 'asset', source: options },
      'assets/odd.css': { type: 'asset', source: 'a::after{content:"</style>"}' },
      'assets/theme.css': { type: 'asset', source: 'x{}' },
    });
    const html = bundle['entrypoints/popup/index.html']!.source as string;
    expect(html).toContain('href="/assets/odd.css"');
    expect(html).toContain('href="/assets/gone.css"');
    expect(bundle['entrypoints/options/index.html']!.source).toBe(options);
  });
});
