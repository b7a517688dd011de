import { vi } from 'vitest';
import type { DraftStore } from '../../../components/drafts/use-draft';
import { ok } from '../../../lib/result';

/** An in-memory draft store, as the background's drafts.* messages behave. */
export function fakeDrafts(
  initial: Record<string, Record<string, unknown>> = {},
  savedAt = 1_763_800_000_000,
) {
  const data = new Map(Object.entries(initial).map(([k, v]) => [k, { value: v, savedAt }]));
  const store: DraftStore = {
    get: vi.fn(async (formId: string) => ok(data.get(formId) ?? null)),
    save: vi.fn(async (formId: string, value: Record<string, unknown>) => {
      data.set(formId, { value, savedAt: Date.now() });
      return ok(true as const);
    }),
    clear: vi.fn(async (formId: string) => {
      data.delete(formId);
      return ok(true as const);
    }),
  };
  return { store, data };
}
