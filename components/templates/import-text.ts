import { i18n } from '#i18n';
import type { EntryReason, FileProblem, TemplateField } from '../../lib/templates/reasons';

/** A template field's name in sentences ("delivery method"). */
export function fieldName(field: TemplateField): string {
  switch (field) {
    case 'id':
      return i18n.t('templates.field.id');
    case 'name':
      return i18n.t('templates.field.name');
    case 'side':
      return i18n.t('templates.field.side');
    case 'tracker':
      return i18n.t('templates.field.tracker');
    case 'deliveryMethod':
      return i18n.t('templates.field.deliveryMethod');
    case 'pixelType':
      return i18n.t('templates.field.pixelType');
    case 'level':
      return i18n.t('templates.field.level');
    case 'postbackUrl':
      return i18n.t('templates.field.postbackUrl');
    case 'htmlCode':
      return i18n.t('templates.field.htmlCode');
    case 'delayMs':
      return i18n.t('templates.field.delayMs');
    case 'notes':
      return i18n.t('templates.field.notes');
    case 'description':
      return i18n.t('templates.field.description');
    case 'integration':
      return i18n.t('templates.field.integration');
    case 'createdAt':
      return i18n.t('templates.field.createdAt');
    case 'updatedAt':
      return i18n.t('templates.field.updatedAt');
  }
}

/** One reason, as a sentence fragment. */
export function reasonText(r: EntryReason): string {
  switch (r.code) {
    case 'not_object':
      return i18n.t('templates.reason.notObject');
    case 'missing':
      return i18n.t('templates.reason.missing', [fieldName(r.field)]);
    case 'wrong_type':
      return i18n.t('templates.reason.wrongType', [
        fieldName(r.field),
        r.expected === 'text'
          ? i18n.t('templates.kind.text')
          : r.expected === 'number'
            ? i18n.t('templates.kind.number')
            : i18n.t('templates.kind.object'),
      ]);
    case 'empty':
      return i18n.t('templates.reason.empty', [fieldName(r.field)]);
    case 'not_one_of':
      return i18n.t('templates.reason.notOneOf', [fieldName(r.field), r.value, r.allowed.join(', ')]);
    case 'not_whole_number':
      return i18n.t('templates.reason.notWhole', [fieldName(r.field)]);
    case 'out_of_range':
      return i18n.t('templates.reason.range', [fieldName(r.field), String(r.min), String(r.max)]);
    case 'too_long':
      return i18n.t('templates.reason.tooLong', [fieldName(r.field), String(r.max)]);
    case 'too_deep':
      return i18n.t('templates.reason.tooDeep', [fieldName(r.field), String(r.max)]);
    case 'url_scheme':
      return i18n.t('templates.reason.urlScheme');
    case 'required_for_method':
      return i18n.t('templates.reason.requiredFor', [fieldName(r.field), r.method]);
    case 'delay_only_postback':
      return i18n.t('templates.reason.delayOnlyPostback');
    case 'cpc_global_offer':
      return i18n.t('templates.reason.cpcGlobalOffer');
    case 'not_for_side':
      return i18n.t('templates.reason.notForSide', [fieldName(r.field), r.value, r.side]);
    case 'duplicate':
      return i18n.t('templates.reason.duplicate', [String(r.ofRow)]);
  }
}

/** "row 3: delivery method 'smoke' is not one of postback, html, …" (every reason of the entry). */
export function invalidEntryText(row: number, reasons: readonly EntryReason[]): string {
  return i18n.t('templates.reason.row', [String(row), reasons.map(reasonText).join('; ')]);
}

/** Why a whole file was refused. */
export function fileProblemText(p: FileProblem): string {
  switch (p.code) {
    case 'not_json':
      return i18n.t('templates.file.notJson');
    case 'too_large':
      return i18n.t('templates.file.tooLarge', [String(p.maxBytes / 1_000_000)]);
    case 'too_deep':
      return i18n.t('templates.file.tooDeep', [String(p.maxDepth)]);
    case 'wrong_format':
      return i18n.t('templates.file.wrongFormat');
    case 'newer_version':
      return i18n.t('templates.file.newer', [String(p.version)]);
    case 'bad_version':
      return i18n.t('templates.file.badVersion');
    case 'no_templates':
      return i18n.t('templates.file.noTemplates');
  }
}
