import { vi } from 'vitest';
import type { TemplatesApi } from '../../../components/templates/TemplatesScreen';
import type { Template, TemplateImportItem } from '../../../lib/model/template';
import { err, ok } from '../../../lib/result';
import { copyName } from '../../../lib/templates/names';
import { TemplateInputSchema } from '../../../lib/templates/template-schema';

/** A fake background for templates, with the same behaviour as lib/background/services/templates.ts. */
export function fakeTemplates(initial: Template[] = []) {
  let templates = [...initial];
  let n = 0;
  const api: TemplatesApi = {
    list: vi.fn(async () => ok([...templates])),
    save: vi.fn(async (input) => {
      const now = 1_763_800_000_000 + ++n;
      const old = templates.find((t) => t.id === input.id);
      const saved: Template = {
        ...input,
        id: input.id ?? `new-${n}`,
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
      };
      templates = old ? templates.map((t) => (t.id === saved.id ? saved : t)) : [...templates, saved];
      return ok(saved);
    }),
    remove: vi.fn(async (id) => {
      templates = templates.filter((t) => t.id !== id);
      return ok(true as const);
    }),
    // All or nothing, like lib/background/services/template-import.ts (schema checks included).
    importAll: vi.fn(async (items: TemplateImportItem[]) => {
      const bad = items.find((i) => !TemplateInputSchema.safeParse(i).success);
      if (bad) return err({ kind: 'bad_request', message: `Invalid template ${bad.name}` });
      for (const { baseUpdatedAt: _v, ...input } of items) {
        const now = 1_763_800_000_000 + ++n;
        const old = templates.find((t) => t.id === input.id);
        const saved: Template = {
          ...input,
          id: input.id ?? `new-${n}`,
          createdAt: old?.createdAt ?? now,
          updatedAt: now,
        };
        templates = old ? templates.map((t) => (t.id === saved.id ? saved : t)) : [...templates, saved];
      }
      return ok({ imported: items.length });
    }),
    duplicate: vi.fn(async (id) => {
      const source = templates.find((t) => t.id === id)!;
      const copy = {
        ...source,
        id: `copy-${++n}`,
        name: copyName(
          source.name,
          templates.map((t) => t.name),
        ),
      };
      templates = [...templates, copy];
      return ok(copy);
    }),
  };
  return { api, current: () => templates };
}
