// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { duplicateTemplate, saveTemplate } from '../../../../lib/background/services/templates';
import type { TemplateInput } from '../../../../lib/model/template';
import { templatesItem } from '../../../../lib/storage/items';
import { chromeLikeStorage } from '../../storage/chrome-like-storage';

const input = (name: string): TemplateInput => ({
  name,
  side: 'affiliate',
  tracker: 'custom',
  deliveryMethod: 'postback',
  pixelType: 'conversion',
  level: 'specific',
  postbackUrl: 'https://t.example/pb?tx={transaction_id}',
  htmlCode: '',
  delayMs: 0,
  notes: '',
  description: '',
});

let n = 0;
const deps = { now: () => 5, newId: () => `t${++n}` };
let restore: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  n = 0;
  let turn = 0;
  restore = chromeLikeStorage(() => new Promise((r) => setTimeout(r, turn++ % 3)));
});
afterEach(() => restore());

describe('templates service: overlapping writes all land', () => {
  it('stores all 10 templates saved at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => saveTemplate(input(`T${i}`), deps)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await templatesItem.getValue()).map((t) => t.name).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `T${i}`).sort(),
    );
  });

  it('adds 3 copies for 3 duplicates at once, each under its own name', async () => {
    const source = await saveTemplate(input('Base'), deps);
    if (!source.ok) throw new Error(source.error.message);
    const copies = await Promise.all([1, 2, 3].map(() => duplicateTemplate(source.value.id, deps)));
    expect(copies.every((r) => r.ok)).toBe(true);
    const names = (await templatesItem.getValue()).map((t) => t.name);
    expect(names).toHaveLength(4);
    expect(new Set(names).size).toBe(4);
  });

  it('saves over an edit of the same template in turn: the last one acknowledged wins, nothing is doubled', async () => {
    const first = await saveTemplate(input('A'), deps);
    if (!first.ok) throw new Error(first.error.message);
    await Promise.all(['B', 'C'].map((name) => saveTemplate({ ...input(name), id: first.value.id }, deps)));
    expect((await templatesItem.getValue()).map((t) => t.name)).toEqual(['C']);
  });
});
