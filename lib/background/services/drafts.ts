import type { AppError } from '../../model/errors';
import { ok, type Result } from '../../result';
import { draftsItem } from '../../storage/items';
import type { Draft } from '../../storage/schemas';

/** Drafts nobody came back to for two weeks are dropped, so storage does not grow forever. */
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

/** The saved draft of one form, or null. */
export async function getDraft(formId: string): Promise<Result<Draft | null, AppError>> {
  return ok((await draftsItem.getValue())[formId] ?? null);
}

/** Save a form's current state (called on every keystroke, debounced by the page). */
export async function saveDraft(
  formId: string,
  value: Record<string, unknown>,
  now = Date.now(),
): Promise<Result<Draft, AppError>> {
  const draft = { value, savedAt: now };
  await draftsItem.update((all) => {
    const kept = Object.fromEntries(Object.entries(all).filter(([, d]) => now - d.savedAt < MAX_AGE_MS));
    return { ...kept, [formId]: draft };
  });
  return ok(draft);
}

/** Forget a form's draft (after a successful save). */
export async function clearDraft(formId: string): Promise<Result<true, AppError>> {
  await draftsItem.update((all) => {
    const { [formId]: _gone, ...rest } = all;
    return rest;
  });
  return ok(true);
}
