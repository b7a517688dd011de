import { browser } from 'wxt/browser';
import type { AppError } from '../../model/errors';
import { err, ok, type Result } from '../../result';
import { draftsItem } from '../../storage/items';
import { isQuotaError, storageFullError } from '../../storage/quota';
import { Draft } from '../../storage/schemas';

/** Drafts nobody came back to for two weeks are dropped, so storage does not grow forever. The only such limit. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 3600 * 1000;

/** The largest draft kept, serialized. A form's state is a few KB; anything bigger is pasted data, not typing. */
export const DRAFT_MAX_BYTES = 64 * 1024;

/** Keys the popup wrote its drafts under before every form went through this service (0.1.x). */
const LEGACY_POPUP_PREFIX = 'popupDraft:';

// Every draft lives in one storage item, so writes are serialised here: two forms saving at once (or a popup
// keystroke and an options-page save) must not read the same record and drop each other's draft.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** Run a draft write; a full quota becomes its own message (the write changed nothing). */
async function write<T>(task: () => Promise<T>): Promise<Result<T, AppError>> {
  try {
    return ok(await serialised(task));
  } catch (e) {
    if (isQuotaError(e)) return err(storageFullError());
    throw e;
  }
}

function tooLarge(bytes: number): AppError {
  const kb = (n: number) => Math.ceil(n / 1024);
  return {
    kind: 'too_large',
    message:
      `These changes are too large to keep as a draft (${kb(bytes)} KB; the limit is ${kb(DRAFT_MAX_BYTES)} KB). ` +
      'The previous draft is kept; save the form to keep what you typed.',
  };
}

const fresh = (all: Record<string, Draft>, now: number) =>
  Object.fromEntries(Object.entries(all).filter(([, d]) => now - d.savedAt < DRAFT_MAX_AGE_MS));

/** The saved draft of one form, or null (a draft older than the retention limit counts as gone). */
export async function getDraft(formId: string, now = Date.now()): Promise<Result<Draft | null, AppError>> {
  const draft = (await draftsItem.getValue())[formId];
  return ok(draft && now - draft.savedAt < DRAFT_MAX_AGE_MS ? draft : null);
}

/**
 * Save a form's current state (called as the user types). A draft over DRAFT_MAX_BYTES is refused and the
 * previous one kept; old drafts of other forms are dropped on the way.
 */
export async function saveDraft(
  formId: string,
  value: Record<string, unknown>,
  now = Date.now(),
): Promise<Result<Draft, AppError>> {
  const draft = { value, savedAt: now };
  // UTF-8 bytes, as the browser counts its quota.
  const bytes = new TextEncoder().encode(JSON.stringify(draft)).length;
  if (bytes > DRAFT_MAX_BYTES) return err(tooLarge(bytes));
  return write(async () => {
    await draftsItem.update((all) => ({ ...fresh(all, now), [formId]: draft }));
    return draft;
  });
}

/** Forget a form's draft (after a successful save, or when the user discards it). */
export async function clearDraft(formId: string): Promise<Result<true, AppError>> {
  return write(async () => {
    await draftsItem.update((all) => {
      const { [formId]: _gone, ...rest } = all;
      return rest;
    });
    return true as const;
  });
}

/**
 * Move drafts the popup stored under its own keys (before 0.2) into the one draft store, then remove those keys,
 * so a half-typed postback survives the update. Run once, when the extension is updated.
 */
export async function adoptLegacyPopupDrafts(now = Date.now()): Promise<void> {
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith(LEGACY_POPUP_PREFIX));
  if (!keys.length) return;
  const adopted: Record<string, Draft> = {};
  for (const key of keys) {
    const d = Draft.safeParse(all[key]);
    if (d.success && now - d.data.savedAt < DRAFT_MAX_AGE_MS)
      adopted[key.slice(LEGACY_POPUP_PREFIX.length)] = d.data;
  }
  await serialised(() => draftsItem.update((current) => ({ ...adopted, ...fresh(current, now) })));
  await browser.storage.local.remove(keys);
}
