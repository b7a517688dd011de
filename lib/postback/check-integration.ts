/**
 * The URL checker's macro rules on the values of a Meta, TikTok or Snapchat integration object (issue 15.4): the
 * event name, the event id, the URL fields and every key/value row (`user_data`, `custom_data`, `properties`).
 * Pure, and structural: it takes the object as the forms hold it, so it needs no Everflow schema. Ids and Meta's
 * access_token are not checked (and so never end up in a message).
 */
import { type CheckOptions, checkPostbackUrl } from './check';
import { checkMacroText } from './check-text';
import { type Finding, ruleFamily } from './rules';

/** The integrations whose objects carry macro-bearing values. */
export type IntegrationKind = 'facebook' | 'tiktok' | 'snapchat';

/** Which value a finding is in: a plain field, or row `row` (0-based) of a row list, whose key is `key`. */
export interface IntegrationLocation {
  field: string;
  row?: number;
  key?: string;
}

/** A finding in one value; `start`/`end` (and a fix's) are offsets into that value. */
export interface IntegrationFinding extends Finding {
  location: IntegrationLocation;
}

/** One `{ field, value }` row as a form may hold it (possibly half typed). */
export interface RowLike {
  field?: unknown;
  value?: unknown;
}

const TEXT_FIELDS: Record<IntegrationKind, readonly string[]> = {
  facebook: ['event_name', 'event_id', 'action_source', 'event_source_url'],
  snapchat: ['event_name', 'event_id', 'action_source', 'event_source_url'],
  tiktok: ['event_name', 'url', 'email', 'phone'],
};
const ROW_FIELDS: Record<IntegrationKind, readonly string[]> = {
  facebook: ['user_data', 'custom_data'],
  snapchat: ['user_data', 'custom_data'],
  tiktok: ['properties'],
};
const URL_FIELDS = new Set(['event_source_url', 'url']);
// On a URL field the URL-shape rules apply too; the postback-only ones (click id, tracker, payout) do not.
const URL_FAMILIES = new Set(['input', 'url', 'host', 'query', 'macro', 'value']);

function checkValue(field: string, value: string, options: CheckOptions): Finding[] {
  if (URL_FIELDS.has(field) && /^\s*https?:\/\//i.test(value)) {
    const r = checkPostbackUrl(value, options);
    return [...r.errors, ...r.warnings, ...r.info]
      .filter((f) => URL_FAMILIES.has(ruleFamily(f.rule)))
      .sort((a, b) => a.start - b.start);
  }
  return checkMacroText(value, options.pixelType ? { pixelType: options.pixelType } : {}).findings;
}

/**
 * Check every macro-bearing value of an integration object. Findings come in field order (plain fields, then the
 * rows in order), each with its location. Values that are not text are skipped. Never throws.
 */
export function checkIntegration(
  kind: IntegrationKind,
  object: Readonly<Record<string, unknown>> | null | undefined,
  options: Pick<CheckOptions, 'pixelType'> = {},
): IntegrationFinding[] {
  if (!object) return [];
  const out: IntegrationFinding[] = [];
  for (const field of TEXT_FIELDS[kind]) {
    const value = object[field];
    if (typeof value !== 'string' || !value) continue;
    for (const f of checkValue(field, value, options)) out.push({ ...f, location: { field } });
  }
  for (const field of ROW_FIELDS[kind]) {
    const rows = object[field];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row: RowLike | null, n) => {
      const value = row?.value;
      if (typeof value !== 'string' || !value) return;
      const key = typeof row?.field === 'string' ? row.field : undefined;
      const location: IntegrationLocation = key !== undefined ? { field, row: n, key } : { field, row: n };
      for (const f of checkMacroText(value, options).findings) out.push({ ...f, location });
    });
  }
  return out;
}

/** A location in words, e.g. "user_data row 2 (em)" or "event_name". */
export function describeIntegrationLocation(loc: IntegrationLocation): string {
  if (loc.row === undefined) return loc.field;
  return `${loc.field} row ${loc.row + 1}${loc.key ? ` (${loc.key})` : ''}`;
}
