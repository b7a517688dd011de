import type { Template } from '../model/template';
import { nestsDeeperThan } from './json-depth';
import type { FileProblem } from './reasons';
import { isSecretName, withoutSecrets } from './secret-fields';

/** The `format` tag of an export file. */
export const EXPORT_FORMAT = 'postback-companion/templates';
/** The export format version this code writes and reads. */
export const EXPORT_VERSION = 1;
/** Import files larger than this are refused before parsing (a template library is a few kilobytes). */
export const MAX_IMPORT_BYTES = 1_000_000;
/**
 * Import files nesting deeper than this are refused before parsing. An export nests six levels (file, list,
 * template, integration, a key/value list, a row); the browser's messaging cuts values at about 100.
 */
export const MAX_IMPORT_DEPTH = 16;

/** One template as written to an export file: the fields of a template, and nothing else. */
export type ExportedTemplate = Omit<Template, 'integration'> & { integration?: Record<string, unknown> };

/** The export file. */
export interface TemplateExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  templates: ExportedTemplate[];
}

/** The top-level secret fields of an integration object (kept when an import overwrites a template). */
export function secretsOf(integration: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!integration) return {};
  return Object.fromEntries(Object.entries(integration).filter(([k]) => isSecretName(k)));
}

/**
 * Build the export file. Each template is copied field by field (an allow-list), so nothing that is not a
 * template field can reach the file; integration secrets (and their references) are left out at any depth,
 * like API keys (issue 13, defect 11).
 */
export function buildExport(templates: readonly Template[], now: Date): TemplateExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    templates: templates.map((t) => {
      const out: ExportedTemplate = {
        id: t.id,
        name: t.name,
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
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
      };
      if (t.integration) out.integration = withoutSecrets(t.integration);
      return out;
    }),
  };
}

/** The export as pretty-printed JSON text, ready for a download. */
export function exportText(templates: readonly Template[], now: Date): string {
  return `${JSON.stringify(buildExport(templates, now), null, 2)}\n`;
}

/** A file name such as `postback-templates-2026-11-22.json`. */
export function exportFileName(now: Date): string {
  return `postback-templates-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Read the envelope of an import file: its raw template entries (each still to be validated), or why the whole
 * file is refused.
 */
export function readImportFile(
  text: string,
): { ok: true; entries: unknown[] } | { ok: false; problem: FileProblem } {
  // Counted in UTF-8 bytes, as the file's size is: a text of 1 M characters may be up to 3 MB.
  if (text.length > MAX_IMPORT_BYTES || new TextEncoder().encode(text).byteLength > MAX_IMPORT_BYTES)
    return { ok: false, problem: { code: 'too_large', maxBytes: MAX_IMPORT_BYTES } };
  if (nestsDeeperThan(text, MAX_IMPORT_DEPTH))
    return { ok: false, problem: { code: 'too_deep', maxDepth: MAX_IMPORT_DEPTH } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'not_json' } };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, problem: { code: 'wrong_format' } };
  }
  const { version, templates } = data as { version?: unknown; templates?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: { code: 'bad_version' } };
  }
  if (version > EXPORT_VERSION) return { ok: false, problem: { code: 'newer_version', version } };
  if (!Array.isArray(templates)) return { ok: false, problem: { code: 'no_templates' } };
  return { ok: true, entries: templates };
}
