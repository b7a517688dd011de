// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../lib/templates/json-depth';

describe('nestsDeeperThan', () => {
  it.each([
    ['1', 0, false],
    ['{}', 0, true],
    ['{}', 1, false],
    ['{"a":[]}', 1, true],
    ['{"a":[]}', 2, false],
    ['[[],[],{"b":{}}]', 3, false],
    ['[[],[],{"b":{}}]', 2, true],
    // Brackets inside strings, and escaped quotes, do not count.
    ['{"a":"[[[[{{{{"}', 1, false],
    ['{"a":"\\"[[[["}', 1, false],
    ['{"a":"\\\\","b":[[]]}', 2, true],
  ])('%s deeper than %i: %s', (text, max, expected) => {
    expect(nestsDeeperThan(text, max)).toBe(expected);
  });

  it('finds 5 000 levels without parsing them', () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    expect(nestsDeeperThan(deep, 16)).toBe(true);
    expect(nestsDeeperThan(deep, 5000)).toBe(false);
  });
});
