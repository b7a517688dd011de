import { i18n } from '#i18n';
import type { Template } from '../../lib/model/template';

export interface TemplateSelectProps {
  templates: Template[];
  value: string;
  /** Without it the select is shown disabled (the create panel's stand-in). */
  onPick?: ((template: Template) => void) | undefined;
  /** Whether the picked template is the profile's default (then "Default" shows instead of "Make default"). */
  isDefault?: boolean | undefined;
  /** "Make default": the popup preselects the picked template for this profile from now on. */
  onMakeDefault?: (() => void) | undefined;
}

/** The create panel's "Template" combobox, shared by the panel and its stand-in so both look the same. */
export function TemplateSelect({ templates, value, onPick, isDefault, onMakeDefault }: TemplateSelectProps) {
  return (
    <div class="create__pick">
      <label for="create-template">{i18n.t('popup.create.template')}</label>
      <select
        id="create-template"
        value={value}
        disabled={!onPick}
        onChange={(e) => {
          const t = templates.find((x) => x.id === e.currentTarget.value);
          if (t) onPick?.(t);
        }}
      >
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {isDefault ? (
        <span class="badge badge--muted create__default">{i18n.t('popup.create.isDefault')}</span>
      ) : onMakeDefault ? (
        <button type="button" class="link-button create__default" onClick={onMakeDefault}>
          {i18n.t('popup.create.makeDefault')}
        </button>
      ) : null}
    </div>
  );
}
