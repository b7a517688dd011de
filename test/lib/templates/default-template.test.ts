import { describe, expect, it } from 'vitest';
import { defaultTemplateFor } from '../../../lib/templates/default-template';

const templates = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('defaultTemplateFor', () => {
  it("prefers the profile's own default, then the global one, then the first template", () => {
    expect(
      defaultTemplateFor({ defaultTemplateIds: { p: 'c' }, defaultTemplateId: 'b' }, 'p', templates)?.id,
    ).toBe('c');
    expect(
      defaultTemplateFor({ defaultTemplateIds: { q: 'c' }, defaultTemplateId: 'b' }, 'p', templates)?.id,
    ).toBe('b');
    expect(defaultTemplateFor({ defaultTemplateIds: {} }, 'p', templates)?.id).toBe('a');
  });

  it('skips a default that names a template not among these (removed, or of the other kind)', () => {
    expect(
      defaultTemplateFor({ defaultTemplateIds: { p: 'gone' }, defaultTemplateId: 'x' }, 'p', templates)?.id,
    ).toBe('a');
    expect(defaultTemplateFor({ defaultTemplateIds: {} }, 'p', [])).toBeUndefined();
  });
});
