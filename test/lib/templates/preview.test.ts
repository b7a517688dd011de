// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { templateImport, templateInput } from '../../../lib/messaging/inputs';
import { planImport, previewImport } from '../../../lib/templates/preview';
import { TEXT_LIMITS } from '../../../lib/templates/template-schema';
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

describe('preview and save agree (issue 13, defect 7)', () => {
  // Every text field at its limit and one over, a deep integration, and the delay at its bounds.
  const long = (n: number) => 'x'.repeat(n);
  const cases: Record<string, unknown>[] = [
    ...Object.entries(TEXT_LIMITS)
      .filter(([f]) => f !== 'id')
      .flatMap(([field, max]) => [
        { [field]: field === 'postbackUrl' ? `https://t.example/${long(max - 18)}` : long(max) },
        { [field]: field === 'postbackUrl' ? `https://t.example/${long(max - 17)}` : long(max + 1) },
      ]),
    { id: long(100) },
    { id: long(101) },
    { delayMs: 300_000 },
    { delayMs: 300_001 },
    { deliveryMethod: 'html', htmlCode: '<img>', integration: { a: { b: { c: 1 } } } },
    { integration: JSON.parse(`${'{"a":'.repeat(9)}1${'}'.repeat(9)}`) },
  ];

  it.each(cases.map((c, i) => [i, c] as const))(
    'case %i: valid in the preview ⇔ accepted by the save',
    (_, over) => {
      const entry = { ...template({ id: 'n', name: 'Fresh' }), ...over };
      const [row] = previewImport([entry], []);
      expect(row!.status === 'new').toBe(templateInput.safeParse(entry).success);
      if (row!.status === 'new')
        expect(templateImport.safeParse({ templates: planImport([row!], new Set()) }).success).toBe(true);
    },
  );

  it('says which field is too long and by how much, in plain words', () => {
    const [row] = previewImport([template({ id: 'n', name: long(121) })], []);
    expect(row).toMatchObject({
      status: 'invalid',
      reasons: [{ code: 'too_long', field: 'name', max: 120 }],
    });
  });
});
