import { i18n } from '#i18n';
import { describedBy, Field } from '../ui/Field';

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
    <Field
      id={id}
      label={i18n.t('form.delay.label')}
      hint={i18n.t('form.delay.hint')}
      error={error}
      class="field field--narrow"
    >
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={300}
        step="any"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, true, error)}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </Field>
  );
}
