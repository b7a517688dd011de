import type { AppError } from '../../model/errors';
import type { Template, TemplateInput } from '../../model/template';
import { err, ok, type Result } from '../../result';
import { templatesItem } from '../../storage/items';
import { copyName } from '../../templates/names';

export interface TemplateDeps {
  now: () => number;
  newId: () => string;
}

const defaults: TemplateDeps = { now: () => Date.now(), newId: () => crypto.randomUUID() };

/** Every saved template, newest first. */
export async function listTemplates(): Promise<Result<Template[], AppError>> {
  const all = await templatesItem.getValue();
  return ok([...all].sort((a, b) => b.updatedAt - a.updatedAt));
}

/** Create (no id) or replace a template. */
export async function saveTemplate(
  input: TemplateInput,
  deps = defaults,
): Promise<Result<Template, AppError>> {
  const now = deps.now();
  let saved: Template | undefined;
  let missing = false;
  await templatesItem.update((all) => {
    if (input.id) {
      const i = all.findIndex((t) => t.id === input.id);
      if (i < 0) {
        missing = true;
        return all;
      }
      saved = { ...input, id: input.id, createdAt: all[i]!.createdAt, updatedAt: now };
      return all.map((t, j) => (j === i ? saved! : t));
    }
    saved = { ...input, id: deps.newId(), createdAt: now, updatedAt: now };
    return [...all, saved];
  });
  if (missing || !saved)
    return err({ kind: 'not_found', message: 'That template no longer exists. Save it as a new one.' });
  return ok(saved);
}

/** Delete a template. */
export async function removeTemplate(id: string): Promise<Result<true, AppError>> {
  await templatesItem.update((all) => all.filter((t) => t.id !== id));
  return ok(true);
}

/** Copy a template under a new id and a "(copy)" name, in one serialised update (so overlapping copies all land). */
export async function duplicateTemplate(id: string, deps = defaults): Promise<Result<Template, AppError>> {
  let copy: Template | undefined;
  await templatesItem.update((all) => {
    const source = all.find((t) => t.id === id);
    if (!source) return all;
    const now = deps.now();
    copy = {
      ...source,
      id: deps.newId(),
      name: copyName(
        source.name,
        all.map((t) => t.name),
      ),
      createdAt: now,
      updatedAt: now,
    };
    return [...all, copy];
  });
  if (!copy) return err({ kind: 'not_found', message: 'That template no longer exists.' });
  return ok(copy);
}
