import type { WriteMode } from '../../model/integrations';
import type { Realm } from '../../model/vocabulary';
import { checkPixelRules, type RuleIssue } from '../rules';
import { affiliatePixelWriteShape } from './affiliate-pixel';
import { networkPixelWriteShape } from './network-pixel';

/**
 * Every problem of a draft postback body, for a form: field types and enum values from the exact
 * write schema, plus the cross-field rules (which zod would skip while a field has the wrong type).
 * `pixel_type` may be the internal `event`. One issue per field and message, schema issues first.
 */
export function draftIssues(
  draft: Record<string, unknown>,
  realm: Realm,
  mode: WriteMode = 'update',
): RuleIssue[] {
  const shape = realm === 'affiliate' ? affiliatePixelWriteShape : networkPixelWriteShape;
  const wireType =
    draft.pixel_type === 'event' ? (realm === 'affiliate' ? 'post_conversion' : 'event') : draft.pixel_type;
  const parsed = shape.safeParse({ ...draft, pixel_type: wireType });
  const issues: RuleIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.'),
        message: issue.message,
      }));
  const seen = new Set(issues.map((issue) => `${issue.field}\n${issue.message}`));
  for (const issue of checkPixelRules(draft, realm, mode)) {
    if (!seen.has(`${issue.field}\n${issue.message}`)) issues.push(issue);
  }
  return issues;
}
