import type { AppError } from '../../model/errors';
import type { Template, TemplateImportItem } from '../../model/template';
import { err, ok, type Result } from '../../result';
import { templatesItem } from '../../storage/items';
import type { TemplateDeps } from './templates';

const nameKey = (name: string) => name.trim().toLocaleLowerCase();

const CHANGED: AppError = {
  kind: 'conflict',
  message:
    'Your templates changed since the preview, so nothing was imported. Pick the file again to see a new preview.',
};

/**
 * Import templates exactly as the preview showed them, in one write: every overwrite's template must still be
 * as the preview saw it (`baseUpdatedAt`), and no new template may take a name the library now has (the
 * preview would have called it a change). Otherwise nothing is written (issue 13, defect 7).
 */
export async function importTemplates(
  items: readonly TemplateImportItem[],
  deps: TemplateDeps,
): Promise<Result<{ imported: number }, AppError>> {
  const now = deps.now();
  let refused = false;
  await templatesItem.update((all) => {
    const byId = new Map(all.map((t) => [t.id, t]));
    const names = new Set(all.map((t) => nameKey(t.name)));
    const next = [...all];
    for (const { baseUpdatedAt, ...input } of items) {
      if (input.id !== undefined) {
        const current = byId.get(input.id);
        if (!current || (baseUpdatedAt !== undefined && current.updatedAt !== baseUpdatedAt)) {
          refused = true;
          return all;
        }
        const saved: Template = { ...input, id: input.id, createdAt: current.createdAt, updatedAt: now };
        next[next.indexOf(current)] = saved;
        byId.set(input.id, saved);
      } else {
        if (names.has(nameKey(input.name))) {
          refused = true;
          return all;
        }
        next.push({ ...input, id: deps.newId(), createdAt: now, updatedAt: now });
      }
      names.add(nameKey(input.name));
    }
    return next;
  });
  return refused ? err(CHANGED) : ok({ imported: items.length });
}
