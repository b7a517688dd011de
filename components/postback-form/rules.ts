import { i18n } from '#i18n';
import type { Role } from '../../lib/messaging/views';
import { delayMs, type FormField, type PostbackFormValue } from './model';

/** One problem that stops the form from being saved, worded for people. */
export interface FormIssue {
  field: FormField;
  message: string;
}

/** What the hosting page shows of the form (rules about hidden fields are the page's business). */
export interface IssueContext {
  side: Role;
  /** The form has an offer field (a template gets its offer when it is used). */
  withOffer: boolean;
  /** The form has a partner field (network side). */
  withPartner: boolean;
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
  } else if (!value.integration) {
    issues.push({ field: 'integration', message: i18n.t('form.issue.integrationRequired') });
  }
  return issues;
}

/** The first issue of each field, for showing next to the field. */
export function issuesByField(issues: readonly FormIssue[]): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  for (const issue of issues) out[issue.field] ??= issue.message;
  return out;
}
