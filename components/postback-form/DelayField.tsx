import { i18n } from '#i18n';
import { FieldError } from '../ui/SelectField';

export interface DelayFieldProps {
  id: string;
  /** Seconds, as typed. */
  value: string;
  onInput: (value: string) => void;
  error?: string;
}

/** The delay before Everflow fires a server postback, entered in seconds (0–300; the API takes milliseconds). */
export function DelayField({ id, value, onInput, error }: DelayFieldProps) {
  return (
    <div class="field field--narrow">
      <label for={id}>{i18n.t('form.delay.label')}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={300}
        step="any"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      <p class="hint" id={`${id}-hint`}>
        {i18n.t('form.delay.hint')}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
