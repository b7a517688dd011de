import { i18n } from '#i18n';
import type { Template } from '../../lib/model/template';
import { getPreset, RECEIVERS, type ReceiverId } from '../../lib/postback/trackers';
import { deliveryLabel, levelLabel } from '../postback-form/labels';
import { pixelTypeLabel } from '../postback-form/macro-groups';

export interface TemplateListProps {
  templates: readonly Template[];
  busyId?: string;
  onEdit: (t: Template) => void;
  onDuplicate: (t: Template) => void;
  onDelete: (t: Template) => void;
  /** The global default template (preselected in the popup for profiles without their own). */
  defaultId?: string | undefined;
  onMakeDefault?: ((t: Template) => void) | undefined;
}

/** The tracker's display name for a template's tracker field. */
export function trackerName(tracker: string): string {
  if (Object.hasOwn(RECEIVERS, tracker)) return getPreset(tracker as ReceiverId)?.tracker ?? tracker;
  return i18n.t('templates.editor.custom');
}

/** The template library: what each template does, and its actions. */
export function TemplateList({
  templates,
  busyId,
  onEdit,
  onDuplicate,
  onDelete,
  defaultId,
  onMakeDefault,
}: TemplateListProps) {
  if (templates.length === 0) return <p class="empty">{i18n.t('templates.empty')}</p>;
  return (
    <ul class="cards" aria-label={i18n.t('templates.listLabel')}>
      {templates.map((t) => (
        <li key={t.id} class="card template" data-template-id={t.id}>
          <h3 class="template__name">
            {t.name}
            {t.id === defaultId ? (
              <span class="badge template__default">{i18n.t('templates.isDefault')}</span>
            ) : null}
          </h3>
          <p class="template__summary">
            {[
              trackerName(t.tracker),
              pixelTypeLabel(t.pixelType),
              levelLabel(t.level),
              deliveryLabel(t.deliveryMethod),
            ].join(' · ')}
            {t.side === 'network' && ` · ${i18n.t('templates.editor.sideNetwork')}`}
          </p>
          <p class="code-line">
            <code>{t.deliveryMethod === 'html' ? t.htmlCode : t.postbackUrl}</code>
          </p>
          {t.notes && <p class="template__notes">{t.notes}</p>}
          <div class="actions">
            <button type="button" class="button" onClick={() => onEdit(t)}>
              {i18n.t('templates.edit')}
              <span class="sr-only"> {t.name}</span>
            </button>
            <button type="button" class="button" disabled={busyId === t.id} onClick={() => onDuplicate(t)}>
              {i18n.t('templates.duplicate')}
              <span class="sr-only"> {t.name}</span>
            </button>
            {onMakeDefault && t.id !== defaultId ? (
              <button
                type="button"
                class="button"
                disabled={busyId === t.id}
                onClick={() => onMakeDefault(t)}
              >
                {i18n.t('templates.makeDefault')}
                <span class="sr-only"> {t.name}</span>
              </button>
            ) : null}
            <button
              type="button"
              class="button button--danger-outline"
              disabled={busyId === t.id}
              onClick={() => onDelete(t)}
            >
              {i18n.t('templates.delete')}
              <span class="sr-only"> {t.name}</span>
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
