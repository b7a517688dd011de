import { i18n } from '#i18n';
import type { Template } from '../../lib/model/template';
import { TemplateSelect } from './TemplateSelect';

export interface CreatePanelShellProps {
  templates: Template[];
  defaultTemplateId?: string | undefined;
}

/**
 * What the create panel will look like, shown while its code (the URL checker and the form) loads after the
 * list has painted. It takes the panel's place and about its height, so the list does not jump down under the
 * user's pointer when the real panel arrives. Nothing in it can be used yet.
 */
export function CreatePanelShell({ templates, defaultTemplateId }: CreatePanelShellProps) {
  const template = templates.find((t) => t.id === defaultTemplateId) ?? templates[0];
  if (!template) return null;
  return (
    <section class="create create--loading" aria-label={i18n.t('popup.create.label')} aria-busy="true">
      <TemplateSelect templates={templates} value={template.id} />
      {template.deliveryMethod === 'postback' && template.postbackUrl.trim() ? (
        <div class="create__check">
          <p class="findings__summary muted">{i18n.t('popup.create.checking')}</p>
          <figure class="preview">
            <figcaption class="preview__heading">{i18n.t('preview.heading')}</figcaption>
            <p class="preview__url">
              <code>{template.postbackUrl}</code>
            </p>
          </figure>
        </div>
      ) : null}
      {/* Where "Customize" will be, as text: a working toggle here would swallow the click when the panel
          replaces it. */}
      <p class="create__customize-placeholder muted" aria-hidden="true">
        ▸ {i18n.t('popup.create.customize')}
      </p>
      <div class="create__actions">
        <button type="button" class="button button--primary" disabled>
          {i18n.t('popup.create.submit')}
        </button>
      </div>
    </section>
  );
}
