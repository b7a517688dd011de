import type * as z from 'zod';
import { AFFILIATE_DELIVERY_METHODS } from '../model/vocabulary';
import type { EntryReason, TemplateField } from './reasons';
import {
  IMPORT_DEFAULTS,
  MAX_DELAY_MS,
  MAX_INTEGRATION_DEPTH,
  type TemplateContent,
  TemplateInputSchema,
} from './template-schema';

/** Delivery methods the affiliate API accepts; the other three are network-only integrations. */
const AFFILIATE_METHODS: readonly string[] = AFFILIATE_DELIVERY_METHODS;

// Strict on import (no repairing `catch` as in storage): a wrong value in a file the user picked is reported,
// not silently replaced. The schema is the one `templates.save` and `templates.import` parse with, so an entry
// the preview accepts is one the save accepts. Unknown keys are dropped, so nothing unexpected (a key someone
// pasted) is ever stored.

/** A template entry of an import file that passed validation. */
export type ImportedTemplate = TemplateContent;

const HTTP_PREFIX = /^https?:\/\/\S/i;

function kindOf(expected: string): 'text' | 'number' | 'object' {
  if (expected === 'string') return 'text';
  if (expected === 'number' || expected === 'int') return 'number';
  return 'object';
}

/** Turn one zod issue into a reason the page can word. */
function toReason(issue: z.core.$ZodIssue, raw: Record<string, unknown>): EntryReason {
  const field = String(issue.path[0] ?? 'name') as TemplateField;
  const value = raw[field];
  if (value === undefined) return { code: 'missing', field };
  switch (issue.code) {
    case 'invalid_value':
      return { code: 'not_one_of', field, value: String(value), allowed: issue.values.map(String) };
    case 'invalid_type':
      if (issue.expected === 'int' && typeof value === 'number') return { code: 'not_whole_number', field };
      return { code: 'wrong_type', field, expected: kindOf(issue.expected) };
    case 'too_small':
      if (issue.origin === 'string') return { code: 'empty', field };
      return { code: 'out_of_range', field, min: 0, max: MAX_DELAY_MS };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too_long', field, max: Number(issue.maximum) };
      return { code: 'out_of_range', field, min: 0, max: MAX_DELAY_MS };
    case 'custom':
      return { code: 'too_deep', field: 'integration', max: MAX_INTEGRATION_DEPTH };
    default:
      return { code: 'wrong_type', field, expected: typeof value === 'number' ? 'text' : 'number' };
  }
}

/** The rules between fields, mirroring what the Everflow API would refuse when the template is used. */
export function crossFieldReasons(t: ImportedTemplate): EntryReason[] {
  const reasons: EntryReason[] = [];
  if (t.deliveryMethod === 'postback') {
    const url = t.postbackUrl.trim();
    if (url === '') reasons.push({ code: 'required_for_method', field: 'postbackUrl', method: 'postback' });
    else if (!HTTP_PREFIX.test(url)) reasons.push({ code: 'url_scheme' });
  }
  if (t.deliveryMethod === 'html' && t.htmlCode.trim() === '') {
    reasons.push({ code: 'required_for_method', field: 'htmlCode', method: 'html' });
  }
  if (t.delayMs > 0 && t.deliveryMethod !== 'postback') reasons.push({ code: 'delay_only_postback' });
  if (t.pixelType === 'cpc' && t.level === 'global_offer') reasons.push({ code: 'cpc_global_offer' });
  if (t.side === 'affiliate') {
    if (t.level === 'global_offer') {
      reasons.push({ code: 'not_for_side', field: 'level', value: t.level, side: t.side });
    }
    if (!AFFILIATE_METHODS.includes(t.deliveryMethod)) {
      reasons.push({ code: 'not_for_side', field: 'deliveryMethod', value: t.deliveryMethod, side: t.side });
    }
  }
  return reasons;
}

/** Validate one entry of an import file: the template, or every reason it cannot be imported. */
export function parseEntry(
  raw: unknown,
): { ok: true; value: ImportedTemplate } | { ok: false; reasons: EntryReason[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reasons: [{ code: 'not_object' }] };
  }
  const record = raw as Record<string, unknown>;
  const filled: Record<string, unknown> = { ...record };
  for (const [k, v] of Object.entries(IMPORT_DEFAULTS)) if (filled[k] === undefined) filled[k] = v;
  const parsed = TemplateInputSchema.safeParse(filled);
  if (!parsed.success) return { ok: false, reasons: parsed.error.issues.map((i) => toReason(i, record)) };
  const cross = crossFieldReasons(parsed.data);
  return cross.length > 0 ? { ok: false, reasons: cross } : { ok: true, value: parsed.data };
}
