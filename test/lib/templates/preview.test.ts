// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { planImport, previewImport } from '../../../lib/templates/preview';
import { template } from './fixtures';

const library = [
  template(),
  template({
    id: 't2',
    name: 'RedTrack',
    tracker: 'redtrack',
    postbackUrl: 'https://x.rdtk.io/postback?clickid={sub1}',
  }),
];

describe('previewImport', () => {
  it('classifies new, changed (by id and by name), unchanged and invalid entries', () => {
    const preview = previewImport(
      [
        template({ id: 'other', name: 'Brand new' }),
        template({ notes: 'now with notes' }),
        { ...library[1], id: 'unknown-id', name: ' redtrack ' },
        template({ id: 't2', name: 'RedTrack', tracker: 'redtrack', postbackUrl: library[1]!.postbackUrl }),
        { ...template({ id: 'x' }), level: 'nowhere' },
      ],
      library,
    );
    expect(preview.map((e) => [e.row, e.status])).toEqual([
      [1, 'new'],
      [2, 'changed'],
      [3, 'changed'],
      [4, 'invalid'],
      [5, 'invalid'],
    ]);
    expect(preview[1]).toMatchObject({ existing: { id: 't1' }, changes: ['notes'] });
    // Matched by name; only the name's spelling differs.
    expect(preview[2]).toMatchObject({ existing: { id: 't2' }, changes: ['name'] });
    // Row 4 targets the template row 3 already claims.
    expect(preview[3]).toEqual({
      status: 'invalid',
      row: 4,
      name: 'RedTrack',
      reasons: [{ code: 'duplicate', ofRow: 3 }],
    });
    expect(preview[4]).toMatchObject({
      status: 'invalid',
      name: 'Voluum main',
      reasons: [{ code: 'not_one_of', field: 'level' }],
    });
  });

  it('reports unchanged when only timestamps differ', () => {
    const [entry] = previewImport([template({ createdAt: 1, updatedAt: 2 })], library);
    expect(entry?.status).toBe('unchanged');
  });

  it('makes a repeated new name in one file invalid', () => {
    const preview = previewImport(
      [template({ id: 'a', name: 'Same' }), template({ id: 'b', name: 'same' })],
      library,
    );
    expect(preview.map((e) => e.status)).toEqual(['new', 'invalid']);
  });
});

describe('planImport', () => {
  it('writes new entries, and changed ones only when confirmed', () => {
    const preview = previewImport(
      [
        template({ id: 'n', name: 'New one' }),
        template({ notes: 'changed' }),
        template({ id: 't2', name: 'RedTrack', tracker: 'redtrack', postbackUrl: library[1]!.postbackUrl }),
      ],
      library,
    );
    const none = planImport(preview, new Set());
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({ name: 'New one' });
    expect(none[0]).not.toHaveProperty('id');

    const confirmed = planImport(preview, new Set([2, 3]));
    expect(confirmed.map((t) => [t.id, t.name, t.notes])).toEqual([
      [undefined, 'New one', ''],
      ['t1', 'Voluum main', 'changed'],
    ]);
  });

  it('keeps the secrets of a template it overwrites (exports never carry them)', () => {
    const lib = [
      template({ deliveryMethod: 'facebook', integration: { pixel_id: '1', access_token: 'tok' } }),
    ];
    const preview = previewImport(
      [template({ deliveryMethod: 'facebook', integration: { pixel_id: '2' } })],
      lib,
    );
    expect(preview[0]).toMatchObject({ status: 'changed', changes: ['integration'] });
    expect(planImport(preview, new Set([1]))[0]?.integration).toEqual({ pixel_id: '2', access_token: 'tok' });
  });
});
