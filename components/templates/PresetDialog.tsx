import { useId, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { renderPreset } from '../../lib/postback/template';
import type { TrackerPreset } from '../../lib/postback/trackers';
import { Dialog } from '../ui/Dialog';
import { FieldError } from '../ui/Field';
import { defaultSlot, presetVariables, SUB_SLOTS, trackingLinkSuffix } from './preset-fields';

export interface PresetChoice {
  url: string;
  slot: string;
}

export interface PresetDialogProps {
  preset: TrackerPreset;
  onUse: (choice: PresetChoice) => void;
  onClose: () => void;
}

/**
 * Fill in a tracker preset: its placeholders (tracker domain, …) and the sub slot that carries the click id,
 * with the reminder of what to put on the tracking link for that slot.
 */
export function PresetDialog({ preset, onUse, onClose }: PresetDialogProps) {
  const id = useId();
  const variables = useMemo(() => presetVariables(preset), [preset]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [slot, setSlot] = useState(defaultSlot(preset));
  const [tried, setTried] = useState(false);
  const rendered = renderPreset(preset, { values, clickSlot: slot });
  const suffix = trackingLinkSuffix(preset, slot);

  const submit = (e: Event) => {
    e.preventDefault();
    setTried(true);
    const first = variables.find((v) => !values[v.name]?.trim());
    if (first) {
      document.getElementById(`${id}-${first.name}`)?.focus();
      return;
    }
    onUse({ url: rendered.url, slot });
  };
  return (
    <Dialog title={i18n.t('templates.preset.title', [preset.tracker])} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        {variables.map((v) => {
          const missing = tried && !values[v.name]?.trim();
          const described = [v.hint && `${id}-${v.name}-hint`, missing && `${id}-${v.name}-error`]
            .filter(Boolean)
            .join(' ');
          return (
            <div class="field" key={v.name}>
              <label for={`${id}-${v.name}`}>{v.label}</label>
              <input
                id={`${id}-${v.name}`}
                type="text"
                autocomplete="off"
                spellcheck={false}
                value={values[v.name] ?? ''}
                aria-invalid={missing ? 'true' : undefined}
                aria-describedby={described || undefined}
                onInput={(e) =>
                  setValues({ ...values, [v.name]: (e.currentTarget as HTMLInputElement).value })
                }
              />
              {v.hint && (
                <p class="hint" id={`${id}-${v.name}-hint`}>
                  {v.hint}
                </p>
              )}
              <FieldError
                id={`${id}-${v.name}-error`}
                message={missing ? i18n.t('templates.preset.required') : undefined}
              />
            </div>
          );
        })}
        <div class="field">
          <label for={`${id}-slot`}>{i18n.t('templates.preset.slot')}</label>
          <select
            id={`${id}-slot`}
            value={slot}
            onChange={(e) => setSlot((e.currentTarget as HTMLSelectElement).value)}
          >
            {SUB_SLOTS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div class="reminder" role="note">
          <p>
            <strong>{i18n.t('templates.preset.reminderTitle')}</strong>{' '}
            {suffix ? (
              <>
                {i18n.t('templates.preset.reminderAdd', [preset.tracker])} <code>{suffix}</code>{' '}
                {i18n.t('templates.preset.reminderWhy', [slot])}
              </>
            ) : (
              <>
                {i18n.t('templates.preset.reminderOwn')} <code>{slot}</code>.
              </>
            )}
          </p>
          {preset.notes && <p class="hint">{preset.notes}</p>}
          {preset.uncertain && <p class="warn-text">{i18n.t('templates.preset.uncertain')}</p>}
        </div>
        <div class="field">
          <span class="label">{i18n.t('templates.preset.result')}</span>
          <p class="code-line">
            <code>{rendered.url}</code>
          </p>
        </div>
        <div class="actions">
          <button type="submit" class="button button--primary">
            {i18n.t('templates.preset.use')}
          </button>
          <button type="button" class="button" onClick={onClose}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
