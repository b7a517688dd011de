// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../lib/templates/entry';
import { template } from './fixtures';

describe('parseEntry', () => {
  it('accepts an exported template and drops fields that are not template fields', () => {
    const r = parseEntry({ ...template(), apiKey: 'secret-key-123' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.name).toBe('Voluum main');
      expect(r.value).not.toHaveProperty('apiKey');
    }
  });

  it('fills optional fields with their defaults', () => {
    const r = parseEntry({
      name: 'Minimal',
      deliveryMethod: 'postback',
      pixelType: 'cpc',
      level: 'global',
      postbackUrl: 'https://t.example/pb?c={sub1}',
    });
    expect(r).toMatchObject({
      ok: true,
      value: { side: 'affiliate', tracker: 'custom', delayMs: 0, notes: '' },
    });
  });

  it('names the field, the value and the allowed values of a wrong enum', () => {
    const r = parseEntry({ ...template(), deliveryMethod: 'smoke' });
    expect(r).toEqual({
      ok: false,
      reasons: [
        {
          code: 'not_one_of',
          field: 'deliveryMethod',
          value: 'smoke',
          allowed: ['postback', 'html', 'facebook', 'tiktok', 'snapchat', 'rumble'],
        },
      ],
    });
  });

  it('reports missing, empty, wrongly typed and out-of-range fields, each once', () => {
    const { pixelType: _gone, ...rest } = template();
    const r = parseEntry({ ...rest, name: '   ', delayMs: 400_000, notes: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reasons).toEqual(
        expect.arrayContaining([
          { code: 'missing', field: 'pixelType' },
          { code: 'empty', field: 'name' },
          { code: 'out_of_range', field: 'delayMs', min: 0, max: 300_000 },
          { code: 'wrong_type', field: 'notes', expected: 'text' },
        ]),
      );
      expect(r.reasons).toHaveLength(4);
    }
  });

  it('refuses a fractional delay and a non-object entry', () => {
    expect(parseEntry({ ...template(), delayMs: 1.5 })).toEqual({
      ok: false,
      reasons: [{ code: 'not_whole_number', field: 'delayMs' }],
    });
    expect(parseEntry('a string')).toEqual({ ok: false, reasons: [{ code: 'not_object' }] });
    expect(parseEntry([1])).toEqual({ ok: false, reasons: [{ code: 'not_object' }] });
  });

  it('applies the cross-field rules of the API', () => {
    const reasons = (over: Record<string, unknown>) => {
      const r = parseEntry({ ...template(), ...over });
      return r.ok ? [] : r.reasons;
    };
    expect(reasons({ postbackUrl: '' })).toEqual([
      { code: 'required_for_method', field: 'postbackUrl', method: 'postback' },
    ]);
    expect(reasons({ postbackUrl: 'abc.voluumtrk.com/postback' })).toEqual([{ code: 'url_scheme' }]);
    expect(reasons({ deliveryMethod: 'html', htmlCode: ' ' })).toEqual([
      { code: 'required_for_method', field: 'htmlCode', method: 'html' },
    ]);
    expect(reasons({ deliveryMethod: 'html', htmlCode: '<img>', delayMs: 1000 })).toEqual([
      { code: 'delay_only_postback' },
    ]);
    expect(reasons({ side: 'network', pixelType: 'cpc', level: 'global_offer' })).toEqual([
      { code: 'cpc_global_offer' },
    ]);
    expect(reasons({ level: 'global_offer' })).toEqual([
      { code: 'not_for_side', field: 'level', value: 'global_offer', side: 'affiliate' },
    ]);
    expect(reasons({ side: 'network', level: 'global_offer' })).toEqual([]);
  });
});
