import { canonicalJson } from '../canonical-json';
import type { Template, TemplateImportItem } from '../model/template';
import { type ImportedTemplate, parseEntry } from './entry';
import { secretsOf } from './format';
import type { EntryReason } from './reasons';
import { DROP, findSecrets, mapSecrets, type SecretHit } from './secret-fields';
import { secretIdOf } from './secret-ref';

/** The template fields that make up a template's content (identity and timestamps excluded). */
export const CONTENT_FIELDS = [
  'name',
  'side',
  'tracker',
  'deliveryMethod',
  'pixelType',
  'level',
  'postbackUrl',
  'htmlCode',
  'delayMs',
  'notes',
  'description',
  'integration',
] as const;
/** One content field of a template. */
export type ContentField = (typeof CONTENT_FIELDS)[number];

/**
 * What importing one entry of the file would do. `row` is the entry's 1-based position in the file; `secrets`
 * are the tokens and passwords its integration carries (the user keeps or drops them on import).
 */
export type PreviewEntry =
  | { status: 'new'; row: number; template: ImportedTemplate; secrets: SecretHit[] }
  | {
      status: 'changed';
      row: number;
      template: ImportedTemplate;
      existing: Template;
      changes: ContentField[];
      secrets: SecretHit[];
    }
  | { status: 'unchanged'; row: number; template: ImportedTemplate; existing: Template }
  | { status: 'invalid'; row: number; name?: string; reasons: EntryReason[] };

/**
 * The imported integration as it would be stored: the file's secrets when the user keeps them, and the secrets
 * the overwritten template already has where the file has none. A secret reference in a file means nothing in
 * this browser and is always dropped.
 */
function mergedIntegration(
  imported: ImportedTemplate,
  existing?: Template,
  keepSecrets = true,
): Record<string, unknown> | undefined {
  if (!imported.integration) return undefined;
  const own = mapSecrets(imported.integration, ({ value }) =>
    keepSecrets && secretIdOf(value) === undefined ? value : DROP,
  );
  return { ...secretsOf(existing?.integration), ...own };
}

/** The secrets of an imported entry the user is asked about. */
function secretsIn(t: ImportedTemplate): SecretHit[] {
  return findSecrets(t.integration ?? {}).filter((h) => secretIdOf(h.value) === undefined);
}

/** The content fields that differ between an imported entry and the template it would replace. */
export function changedFields(imported: ImportedTemplate, existing: Template): ContentField[] {
  return CONTENT_FIELDS.filter((f) => {
    const a = f === 'integration' ? mergedIntegration(imported, existing) : imported[f];
    return canonicalJson(a) !== canonicalJson(existing[f]);
  });
}

const nameKey = (name: string) => name.trim().toLocaleLowerCase();

/**
 * Classify every entry of an import file against the current library: match by id first, then by name
 * (ignoring case and outer spaces). Two entries of the file that match the same template, or share an id or a
 * name, make the later one invalid, so one import never writes a template twice.
 */
export function previewImport(entries: readonly unknown[], library: readonly Template[]): PreviewEntry[] {
  const byId = new Map(library.map((t) => [t.id, t]));
  const byName = new Map(library.map((t) => [nameKey(t.name), t]));
  const claimed = new Map<string, number>();
  return entries.map((raw, i): PreviewEntry => {
    const row = i + 1;
    const parsed = parseEntry(raw);
    if (!parsed.ok) {
      const name = (raw as { name?: unknown } | null)?.name;
      return {
        status: 'invalid',
        row,
        name: typeof name === 'string' ? name : undefined,
        reasons: parsed.reasons,
      };
    }
    const t = parsed.value;
    const existing = (t.id !== undefined ? byId.get(t.id) : undefined) ?? byName.get(nameKey(t.name));
    // One claim per target template, per imported id and per imported name.
    const claims = [
      existing ? `t:${existing.id}` : '',
      t.id ? `i:${t.id}` : '',
      `n:${nameKey(t.name)}`,
    ].filter(Boolean);
    const earlier = claims.map((c) => claimed.get(c)).find((r) => r !== undefined);
    if (earlier !== undefined)
      return { status: 'invalid', row, name: t.name, reasons: [{ code: 'duplicate', ofRow: earlier }] };
    for (const c of claims) claimed.set(c, row);
    if (!existing) return { status: 'new', row, template: t, secrets: secretsIn(t) };
    const changes = changedFields(t, existing);
    return changes.length === 0
      ? { status: 'unchanged', row, template: t, existing }
      : { status: 'changed', row, template: t, existing, changes, secrets: secretsIn(t) };
  });
}

function toInput(t: ImportedTemplate, keepSecrets: boolean, existing?: Template): TemplateImportItem {
  const input: TemplateImportItem = {
    name: t.name.trim(),
    side: t.side,
    tracker: t.tracker,
    deliveryMethod: t.deliveryMethod,
    pixelType: t.pixelType,
    level: t.level,
    postbackUrl: t.postbackUrl,
    htmlCode: t.htmlCode,
    delayMs: t.delayMs,
    notes: t.notes,
    description: t.description,
    integration: mergedIntegration(t, existing, keepSecrets),
  };
  if (existing) {
    input.id = existing.id;
    input.baseUpdatedAt = existing.updatedAt;
  }
  return input;
}

/**
 * What an import writes, sent as one all-or-nothing `templates.import`: every new entry (as a new template,
 * with a fresh id), and only those changed entries whose row the user confirmed for overwriting, each with the
 * version of the template the preview compared it with. Unchanged and invalid entries are never written. The
 * file's secrets are written only when the user chose to keep them (`keepSecrets`).
 */
export function planImport(
  preview: readonly PreviewEntry[],
  overwriteRows: ReadonlySet<number>,
  keepSecrets = false,
): TemplateImportItem[] {
  const out: TemplateImportItem[] = [];
  for (const entry of preview) {
    if (entry.status === 'new') out.push(toInput(entry.template, keepSecrets));
    else if (entry.status === 'changed' && overwriteRows.has(entry.row))
      out.push(toInput(entry.template, keepSecrets, entry.existing));
  }
  return out;
}
