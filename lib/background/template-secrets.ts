import type { AppError } from '../model/errors';
import type { PixelDraft } from '../model/pixel';
import type { TemplateInput } from '../model/template';
import { err, ok, type Result } from '../result';
import { settingsItem, templatesItem } from '../storage/items';
import { getSecret, keepOnlySecrets, putSecrets } from '../storage/secrets';
import { findSecrets, mapSecrets } from '../templates/secret-fields';
import { secretIdOf, secretRef } from '../templates/secret-ref';

/** A new secret id: 16 lower-case hex characters. */
export function newSecretId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

/**
 * The integration object with every secret moved into the secret store and replaced by a reference
 * (`••••1234 [saved:…]`). References already there stay. Call before a template is stored, so template
 * storage never holds a token (issue 13, defect 11).
 */
export async function stashSecrets(
  integration: Record<string, unknown> | undefined,
  newId: () => string = newSecretId,
): Promise<Record<string, unknown> | undefined> {
  if (!integration) return integration;
  const fresh: Record<string, string> = {};
  const out = mapSecrets(integration, ({ value }) => {
    if (secretIdOf(value)) return value;
    const id = newId();
    fresh[id] = String(value);
    return secretRef(id, value);
  });
  if (Object.keys(fresh).length > 0) {
    await putSecrets(fresh, (await settingsItem.getValue()).forgetKeysOnClose);
  }
  return out;
}

/** A template (or import item) with its integration's secrets stashed. */
export async function withStashedSecrets<T extends Pick<TemplateInput, 'integration'>>(input: T): Promise<T> {
  if (!input.integration) return input;
  return { ...input, integration: await stashSecrets(input.integration) };
}

/** The ids of every secret reference anywhere in a value. */
function refIdsIn(value: unknown, ids = new Set<string>()): Set<string> {
  const id = secretIdOf(value);
  if (id) ids.add(id);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) refIdsIn(v, ids);
  return ids;
}

/** A copy of `value` with each reference replaced by its secret. */
function putBack(value: unknown, secrets: ReadonlyMap<string, string>): unknown {
  const id = secretIdOf(value);
  if (id) return secrets.get(id);
  if (Array.isArray(value)) return value.map((v) => putBack(v, secrets));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, putBack(v, secrets)]));
  return value;
}

/**
 * The draft with every secret reference replaced by the secret itself, for the Everflow request only. A
 * reference whose secret is gone (forgotten when the browser closed, or never stored) is refused.
 */
export async function resolveSecrets(draft: PixelDraft): Promise<Result<PixelDraft, AppError>> {
  const ids = refIdsIn(draft.integration);
  if (ids.size === 0) return ok(draft);
  const secrets = new Map<string, string>();
  for (const id of ids) {
    const secret = await getSecret(id);
    if (secret === undefined) {
      return err({
        kind: 'bad_request',
        field: 'integration',
        message:
          'A saved token of this template is no longer stored (it may have been forgotten when the browser closed). Enter the token again in the template.',
      });
    }
    secrets.set(id, secret);
  }
  return ok({ ...draft, integration: putBack(draft.integration, secrets) as Record<string, unknown> });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run a template write that may store or orphan secrets, one at a time, then forget the secrets no template
 * refers to any more. One at a time, because a prune running between another write's stash and its template
 * write would forget that write's fresh secret, and two stashes would each overwrite the other's.
 */
export function secretWrite<T>(write: () => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const result = await write();
    await pruneSecrets();
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Forget secrets no stored template refers to (after a delete, an overwrite or a refused write). */
export async function pruneSecrets(): Promise<void> {
  const used = new Set<string>();
  for (const t of await templatesItem.getValue()) refIdsIn(t.integration, used);
  await keepOnlySecrets(used);
}

const holdsRawSecret = (integration: Record<string, unknown> | undefined) =>
  findSecrets(integration ?? {}).some((h) => secretIdOf(h.value) === undefined);

/**
 * Move the secrets that templates saved by earlier versions hold in place into the secret store. Writes only
 * when a template held one; a template saved again meanwhile is left as it now is.
 */
export function moveStoredTemplateSecrets(): Promise<void> {
  return secretWrite(moveRawSecrets);
}

async function moveRawSecrets(): Promise<void> {
  const before = (await templatesItem.getValue()).filter((t) => holdsRawSecret(t.integration));
  if (before.length === 0) return;
  const moved = new Map<string, { was: string; integration: Record<string, unknown> | undefined }>();
  for (const t of before) {
    moved.set(t.id, { was: JSON.stringify(t.integration), integration: await stashSecrets(t.integration) });
  }
  await templatesItem.update((all) =>
    all.map((t) => {
      const m = moved.get(t.id);
      return m && m.was === JSON.stringify(t.integration) ? { ...t, integration: m.integration } : t;
    }),
  );
}
