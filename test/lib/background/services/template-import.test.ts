// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { templatesItem } from '../../../../lib/storage/items';
import { planImport, previewImport } from '../../../../lib/templates/preview';
import { template } from '../../templates/fixtures';
import { send, startBackground } from '../harness';

type R<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
const stored = async () => templatesItem.getValue();

describe('templates.import: exactly what the preview showed, or nothing (issue 13, defect 7)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await startBackground({ now: () => 5_000 });
  });

  it('writes every planned template in one go', async () => {
    await templatesItem.setValue([template()]);
    const preview = previewImport(
      [template({ id: 'n', name: 'New one' }), template({ notes: 'edited' })],
      await stored(),
    );
    const r = await send<R>('templates.import', { templates: planImport(preview, new Set([2])) });
    expect(r).toEqual({ ok: true, value: { imported: 2 } });
    expect((await stored()).map((t) => [t.name, t.notes, t.updatedAt])).toEqual([
      ['Voluum main', 'edited', 5_000],
      ['New one', '', 5_000],
    ]);
  });

  it('writes nothing when a template it overwrites changed since the preview', async () => {
    await templatesItem.setValue([template()]);
    const preview = previewImport(
      [template({ id: 'n', name: 'New one' }), template({ notes: 'edited' })],
      await stored(),
    );
    const plan = planImport(preview, new Set([2]));
    // Another tab saves the template between the preview and the click.
    const edited = [template({ notes: 'from another tab', updatedAt: 4_000 })];
    await templatesItem.setValue(edited);
    const r = await send<R>('templates.import', { templates: plan });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringMatching(/nothing was imported/) },
    });
    expect(await stored()).toEqual(edited);
  });

  it('writes nothing when a new template’s name was taken since the preview, or its target is gone', async () => {
    const plan = planImport(previewImport([template({ id: 'n', name: 'New one' })], []), new Set());
    await templatesItem.setValue([template({ id: 'other', name: 'new ONE ' })]);
    expect(await send<R>('templates.import', { templates: plan })).toMatchObject({ ok: false });
    expect(await stored()).toHaveLength(1);

    await templatesItem.setValue([]);
    const overwrite = [{ ...plan[0]!, id: 'gone' }];
    expect(await send<R>('templates.import', { templates: overwrite })).toMatchObject({ ok: false });
    expect(await stored()).toEqual([]);
  });

  it('refuses the whole import when one template breaks the schema, with the field', async () => {
    const good = planImport(previewImport([template({ id: 'n', name: 'Good' })], []), new Set())[0]!;
    const r = await send<R>('templates.import', { templates: [good, { ...good, name: 'x'.repeat(121) }] });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'bad_request', message: expect.stringMatching(/templates\.1\.name/) },
    });
    expect(await stored()).toEqual([]);
  });
});
