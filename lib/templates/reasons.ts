/**
 * Why an imported template entry (or a whole import file) was refused. Structured, not prose, so the page can
 * word each reason in the user's language ("row 3: delivery method 'smoke' is not one of postback, html, …").
 */

/** The template fields an import reason can be about, in the export file's own names. */
export type TemplateField =
  | 'id'
  | 'name'
  | 'side'
  | 'tracker'
  | 'deliveryMethod'
  | 'pixelType'
  | 'level'
  | 'postbackUrl'
  | 'htmlCode'
  | 'delayMs'
  | 'notes'
  | 'description'
  | 'integration'
  | 'createdAt'
  | 'updatedAt';

/** The kind of value a field expects, for "wrong type" reasons. */
export type ValueKind = 'text' | 'number' | 'object';

/** One reason an entry of the import file cannot be imported. */
export type EntryReason =
  | { code: 'not_object' }
  | { code: 'missing'; field: TemplateField }
  | { code: 'wrong_type'; field: TemplateField; expected: ValueKind }
  | { code: 'empty'; field: TemplateField }
  | { code: 'not_one_of'; field: TemplateField; value: string; allowed: readonly string[] }
  | { code: 'not_whole_number'; field: TemplateField }
  | { code: 'out_of_range'; field: TemplateField; min: number; max: number }
  | { code: 'too_long'; field: TemplateField; max: number }
  | { code: 'too_deep'; field: 'integration'; max: number }
  | { code: 'url_scheme' }
  | { code: 'required_for_method'; field: 'postbackUrl' | 'htmlCode'; method: string }
  | { code: 'delay_only_postback' }
  | { code: 'cpc_global_offer' }
  | { code: 'not_for_side'; field: 'level' | 'deliveryMethod'; value: string; side: string }
  | { code: 'duplicate'; ofRow: number };

/** Why a whole import file was refused (nothing in it is looked at then). */
export type FileProblem =
  | { code: 'not_json' }
  | { code: 'too_large'; maxBytes: number }
  | { code: 'too_deep'; maxDepth: number }
  | { code: 'wrong_format' }
  | { code: 'newer_version'; version: number }
  | { code: 'bad_version' }
  | { code: 'no_templates' };
