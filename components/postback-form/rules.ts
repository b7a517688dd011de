import { i18n } from '#i18n';
import { INTEGRATION_FIELDS, INTEGRATION_REQUIREMENTS, type WriteMode } from '../../lib/model/integrations';
import type { Role } from '../../lib/model/vocabulary';
import { delayMs, type FormField, type PostbackFormValue } from './model';

/** One problem that stops the form from being saved, worded for people. */
export interface FormIssue {
  field: FormField;
  message: string;
  /** For `integration`: the field inside the integration object (`pixel_id`, …). */
  key?: string;
}

/** What the hosting page shows of the form (rules about hidden fields are the page's business). */
export interface IssueContext {
  side: Role;
  /** The form has an offer field (a template gets its offer when it is used). */
  withOffer: boolean;
  /** The form has a partner field (network side). */
  withPartner: boolean;
  /** `create` (default) also needs the integration id; an edit (a PUT) does not. */
  mode?: WriteMode;
}

const MAX_DELAY_SECONDS = 300;
const HTTP_PREFIX = /^https?:\/\/\S/i;

/**
 * The cross-field rules of the Everflow API (the same ones `lib/everflow/rules.ts` applies to request bodies;
 * a test keeps the two in step), in the form's own words and field names.
 */
export function formIssues(value: PostbackFormValue, ctx: IssueContext): FormIssue[] {
  const issues: FormIssue[] = [];
  const needsOffer = value.level === 'specific' || value.level === 'global_offer';
  if (ctx.withOffer && needsOffer && !value.offerId) {
    issues.push({ field: 'offerId', message: i18n.t('form.issue.offerRequired') });
  }
  if (ctx.side === 'network' && ctx.withPartner && value.level !== 'global_offer' && !value.affiliateId) {
    issues.push({ field: 'affiliateId', message: i18n.t('form.issue.partnerRequired') });
  }
  if (value.pixelType === 'cpc' && value.level === 'global_offer') {
    issues.push({ field: 'level', message: i18n.t('form.issue.cpcGlobalOffer') });
  }
  if (value.deliveryMethod === 'postback') {
    const url = value.postbackUrl.trim();
    if (url === '') issues.push({ field: 'postbackUrl', message: i18n.t('form.issue.urlRequired') });
    else if (!HTTP_PREFIX.test(url))
      issues.push({ field: 'postbackUrl', message: i18n.t('form.issue.urlScheme') });
    const ms = delayMs(value);
    if (ms === undefined || ms < 0 || ms > MAX_DELAY_SECONDS * 1000) {
      issues.push({
        field: 'delaySeconds',
        message: i18n.t('form.issue.delayRange', [String(MAX_DELAY_SECONDS)]),
      });
    }
  } else if (value.deliveryMethod === 'html') {
    if (value.htmlCode.trim() === '')
      issues.push({ field: 'htmlCode', message: i18n.t('form.issue.htmlRequired') });
  } else if (ctx.side === 'network') {
    // The network form has a sub-form for each integration: its issues show at its own inputs.
    issues.push(...integrationIssues(value, ctx.mode ?? 'create'));
  } else if (!value.integration) {
    issues.push({ field: 'integration', message: i18n.t('form.issue.integrationRequired') });
  }
  return issues;
}

function isPositiveWhole(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** The integration object's required fields (the table lib/everflow applies), at their own inputs. */
function integrationIssues(value: PostbackFormValue, mode: WriteMode): FormIssue[] {
  const method = value.deliveryMethod as keyof typeof INTEGRATION_FIELDS;
  const need = INTEGRATION_REQUIREMENTS[INTEGRATION_FIELDS[method]];
  const object = value.integration ?? {};
  const issues: FormIssue[] = [];
  const id = object[need.idKey];
  if ((mode === 'create' || (id !== undefined && id !== 0)) && !isPositiveWhole(id)) {
    const message =
      id === undefined || id === 0 || id === null
        ? i18n.t('form.issue.integrationId', [need.label])
        : i18n.t('form.issue.wholeNumber');
    issues.push({ field: 'integration', key: need.idKey, message });
  }
  for (const key of need.text) {
    const text = object[key];
    if (typeof text !== 'string' || text.trim() === '') {
      issues.push({ field: 'integration', key, message: i18n.t('form.issue.integrationField') });
    }
  }
  for (const key of need.numbers) {
    if (!isPositiveWhole(object[key])) {
      issues.push({ field: 'integration', key, message: i18n.t('form.issue.wholeNumber') });
    }
  }
  return issues;
}

/** The issues inside the integration object, by its field name, for the integration sub-form. */
export function integrationErrors(issues: readonly FormIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues)
    if (issue.field === 'integration' && issue.key) out[issue.key] ??= issue.message;
  return out;
}

/** The first issue of each field, for showing next to the field. */
export function issuesByField(issues: readonly FormIssue[]): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  // Issues inside the integration object show at their own inputs (integrationErrors), not on the whole.
  for (const issue of issues) if (!issue.key) out[issue.field] ??= issue.message;
  return out;
}
