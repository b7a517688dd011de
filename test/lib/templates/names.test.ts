// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { copyName, uniqueName } from '../../../lib/templates/names';

describe('copyName', () => {
  it('adds (copy), then counts on, ignoring case', () => {
    expect(copyName('Voluum', ['Voluum'])).toBe('Voluum (copy)');
    expect(copyName('Voluum', ['Voluum', 'voluum (COPY)'])).toBe('Voluum (copy 2)');
    expect(copyName('Voluum (copy 2)', ['Voluum', 'Voluum (copy)', 'Voluum (copy 2)'])).toBe(
      'Voluum (copy 3)',
    );
  });
});

describe('uniqueName', () => {
  it('keeps a free name and numbers a taken one', () => {
    expect(uniqueName(' Voluum ', [])).toBe('Voluum');
    expect(uniqueName('Voluum', ['voluum', 'Voluum 2'])).toBe('Voluum 3');
  });
});
