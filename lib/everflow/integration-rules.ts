import { INTEGRATION_FIELDS, INTEGRATION_REQUIREMENTS, type WriteMode } from '../model/integrations';
import type { Realm } from '../model/vocabulary';
import type { RuleIssue } from './rule-issue';

// The requirement table itself is vocabulary the form shares: lib/model/integrations.ts.

function missingNumber(value: unknown): boolean {
  // Wrong types are the schema's to report; here only "absent" counts.
  return value === undefined || value === null || value === 0;
}

function missingText(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The required fields the delivery method's integration object lacks (network realm only; the affiliate
 * `facebook_pixel` is a different object, checked by the server). A missing object is reported elsewhere.
 */
export function integrationIssues(
  draft: Record<string, unknown>,
  realm: Realm,
  mode: WriteMode,
): RuleIssue[] {
  const method = draft.delivery_method;
  if (realm !== 'network' || typeof method !== 'string' || !Object.hasOwn(INTEGRATION_FIELDS, method)) {
    return [];
  }
  const key = INTEGRATION_FIELDS[method as keyof typeof INTEGRATION_FIELDS];
  const object = draft[key];
  if (!object || typeof object !== 'object' || Array.isArray(object)) return [];
  const value = object as Record<string, unknown>;
  const need = INTEGRATION_REQUIREMENTS[key];
  const issues: RuleIssue[] = [];
  if (mode === 'create' && missingNumber(value[need.idKey])) {
    issues.push({
      field: `${key}.${need.idKey}`,
      message: `${key}.${need.idKey} is required when creating a "${method}" postback: enter the id of the partner's ${need.label} integration.`,
    });
  }
  for (const field of need.text) {
    if (missingText(value[field])) {
      issues.push({
        field: `${key}.${field}`,
        message: `${key}.${field} is required when delivery_method is "${method}": fill it in.`,
      });
    }
  }
  for (const field of need.numbers) {
    if (missingNumber(value[field])) {
      issues.push({
        field: `${key}.${field}`,
        message: `${key}.${field} is required when delivery_method is "${method}": enter it as a number.`,
      });
    }
  }
  return issues;
}
