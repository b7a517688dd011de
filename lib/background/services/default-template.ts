import type { AppError } from '../../model/errors';
import type { Settings } from '../../model/settings';
import { err, ok, type Result } from '../../result';
import { profilesItem, settingsItem, templatesItem } from '../../storage/items';
import { commitProfiles } from './profile-commit';

/**
 * Make a template the default: for one profile (the popup's "Make default"), or, without a profile, the global
 * fallback for profiles that have none (the template list's "Make default"). The template must exist and, for a
 * profile, be of that profile's kind.
 */
export function setDefaultTemplate(input: {
  templateId: string;
  profileId?: string | undefined;
}): Promise<Result<Settings, AppError>> {
  return commitProfiles(async () => {
    const template = (await templatesItem.getValue()).find((t) => t.id === input.templateId);
    if (!template) return err({ kind: 'not_found', message: 'That template no longer exists.' });
    const { profileId } = input;
    if (profileId === undefined) {
      return ok(await settingsItem.update((s) => ({ ...s, defaultTemplateId: template.id })));
    }
    const profile = (await profilesItem.getValue()).find((p) => p.id === profileId);
    if (!profile) return err({ kind: 'not_found', message: 'That profile no longer exists.' });
    if (profile.role !== template.side) {
      return err({
        kind: 'bad_request',
        message: `"${template.name}" is a template for ${template.side} profiles, not for "${profile.name}".`,
      });
    }
    return ok(
      await settingsItem.update((s) => ({
        ...s,
        defaultTemplateIds: { ...s.defaultTemplateIds, [profileId]: template.id },
      })),
    );
  });
}
