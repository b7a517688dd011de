import type { Settings } from '../model/settings';
import type { Template } from '../model/template';

/**
 * The template the popup preselects for a profile, among that profile's templates: its own default, else the
 * global one, else the first one. A default naming a removed template (or one of the other kind) is skipped.
 */
export function defaultTemplateFor<T extends Pick<Template, 'id'>>(
  settings: Pick<Settings, 'defaultTemplateIds' | 'defaultTemplateId'>,
  profileId: string,
  templates: readonly T[],
): T | undefined {
  const byId = (id: string | undefined) => (id ? templates.find((t) => t.id === id) : undefined);
  return byId(settings.defaultTemplateIds[profileId]) ?? byId(settings.defaultTemplateId) ?? templates[0];
}
