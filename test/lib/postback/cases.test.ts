// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkPostbackUrl } from '../../../lib/postback/check';
import { RULE_IDS } from '../../../lib/postback/rules';
import { RECEIVERS } from '../../../lib/postback/trackers';
import raw from '../../fixtures/postback/cases.json';

/**
 * The case table: trackers' public postback formats and real mistakes (every kind of copy-paste damage the
 * spec lists). Each case gives the exact set of rule ids per severity.
 */
const ruleId = z.enum(RULE_IDS as [string, ...string[]]);
const cases = z
  .array(
    z.object({
      name: z.string(),
      url: z.string(),
      source: z.string(),
      options: z
        .object({
          tracker: z.enum(Object.keys(RECEIVERS) as [string, ...string[]]).optional(),
          pixelType: z.enum(['conversion', 'event', 'post_conversion', 'cpc']).optional(),
        })
        .optional(),
      errors: z.array(ruleId),
      warnings: z.array(ruleId),
      info: z.array(ruleId),
    }),
  )
  .parse(raw);

const ids = (list: { rule: string }[]) => list.map((f) => f.rule).sort();

describe('case table', () => {
  it('has unique names and covers many rules', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    const covered = new Set(cases.flatMap((c) => [...c.errors, ...c.warnings, ...c.info]));
    expect(covered.size).toBeGreaterThanOrEqual(45);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = checkPostbackUrl(c.url, c.options as Parameters<typeof checkPostbackUrl>[1]);
    expect({ errors: ids(r.errors), warnings: ids(r.warnings), info: ids(r.info) }).toEqual({
      errors: c.errors,
      warnings: c.warnings,
      info: c.info,
    });
    expect(r.valid).toBe(c.errors.length === 0);
  });
});
