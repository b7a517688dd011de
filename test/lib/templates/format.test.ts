// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  buildExport,
  EXPORT_FORMAT,
  exportFileName,
  exportText,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_DEPTH,
  readImportFile,
} from '../../../lib/templates/format';
import { previewImport } from '../../../lib/templates/preview';
import { template } from './fixtures';

const NOW = new Date('2026-11-22T10:00:00Z');

describe('export', () => {
  it('writes a versioned envelope with every template field', () => {
    const t = template();
    const file = buildExport([t], NOW);
    expect(file).toEqual({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '2026-11-22T10:00:00.000Z',
      templates: [t],
    });
    expect(exportFileName(NOW)).toBe('postback-templates-2026-11-22.json');
  });

  it('never contains an API key or an integration secret, even from a state full of them', () => {
    // A profile-rich state: keys in the same objects the UI has at hand, smuggled into templates.
    const keys = [
      'demo-affiliate-key',
      'ZXhhbXBsZS1rZXktMTIzNA',
      'EAAB-meta-token-9999',
      'nested-password-1',
      'row-token-2',
    ];
    const state = {
      profiles: [{ id: 'p1', apiKey: keys[0], maskedKey: '••••-key' }],
      templates: [
        { ...template(), apiKey: keys[1], profile: { apiKey: keys[0] } } as ReturnType<typeof template>,
        template({
          id: 't2',
          name: 'Meta',
          deliveryMethod: 'facebook',
          integration: {
            pixel_id: '123',
            event_name: 'Purchase',
            access_token: keys[2],
            apiKey: keys[1],
            // Nested secrets and key/value rows naming one (issue 13, defect 11).
            extra: { password: keys[3] },
            user_data: [{ field: 'access_token', value: keys[4] }],
          },
        }),
      ],
    };
    const text = exportText(state.templates, NOW);
    for (const k of keys) expect(text).not.toContain(k);
    expect(JSON.parse(text).templates[1].integration).toEqual({
      pixel_id: '123',
      event_name: 'Purchase',
      extra: {},
      user_data: [],
    });
  });

  it('round-trips: an export imported into the same library changes nothing', () => {
    const library = [
      template(),
      template({ id: 't2', name: 'HTML pixel', deliveryMethod: 'html', htmlCode: '<img>' }),
    ];
    const read = readImportFile(exportText(library, NOW));
    expect(read.ok).toBe(true);
    if (read.ok)
      expect(previewImport(read.entries, library).map((e) => e.status)).toEqual(['unchanged', 'unchanged']);
  });
});

describe('readImportFile', () => {
  const envelope = (over: Record<string, unknown>) =>
    JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '', templates: [], ...over });

  it('refuses files that are not a template export, with the reason', () => {
    expect(readImportFile('{not json')).toEqual({ ok: false, problem: { code: 'not_json' } });
    expect(readImportFile('[]')).toEqual({ ok: false, problem: { code: 'wrong_format' } });
    expect(readImportFile(envelope({ format: 'other' }))).toEqual({
      ok: false,
      problem: { code: 'wrong_format' },
    });
    expect(readImportFile(envelope({ version: 2 }))).toEqual({
      ok: false,
      problem: { code: 'newer_version', version: 2 },
    });
    expect(readImportFile(envelope({ version: '1' }))).toEqual({
      ok: false,
      problem: { code: 'bad_version' },
    });
    expect(readImportFile(envelope({ templates: {} }))).toEqual({
      ok: false,
      problem: { code: 'no_templates' },
    });
    expect(readImportFile(' '.repeat(MAX_IMPORT_BYTES + 1))).toEqual({
      ok: false,
      problem: { code: 'too_large', maxBytes: MAX_IMPORT_BYTES },
    });
  });

  it('refuses a deeply nested file before parsing it (5 000 levels, issue 13 defect 6)', () => {
    const nested = (levels: number) => `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const deep = envelope({ templates: [{ name: 'Deep', integration: JSON.parse(nested(10)) }] }).replace(
      '1}}}}}}}}}}',
      `${nested(5000)}}}}}}}}}}}`,
    );
    const parse = vi.spyOn(JSON, 'parse');
    expect(readImportFile(deep)).toEqual({
      ok: false,
      problem: { code: 'too_deep', maxDepth: MAX_IMPORT_DEPTH },
    });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    // An export's own depth (file, list, template, integration, rows, row) is well within the limit.
    const rows = { user_data: [{ field: 'em', value: 'x' }] };
    expect(readImportFile(envelope({ templates: [{ integration: rows }] })).ok).toBe(true);
  });

  it('counts the size in bytes, as the file system does', () => {
    // 400 000 three-byte characters: under the limit in characters, 1.2 MB on disk.
    expect(readImportFile(envelope({ exportedAt: '€'.repeat(400_000) }))).toEqual({
      ok: false,
      problem: { code: 'too_large', maxBytes: MAX_IMPORT_BYTES },
    });
  });

  it('hands back the raw entries of a good file', () => {
    expect(readImportFile(envelope({ templates: [{ a: 1 }, 2] }))).toEqual({
      ok: true,
      entries: [{ a: 1 }, 2],
    });
  });
});
