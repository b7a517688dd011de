import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { describedBy, Field } from '../ui/Field';

export interface KeyFieldProps {
  id: string;
  value: string;
  onInput: (value: string) => void;
  /** The stored key, masked ("••••1234"), when editing a profile that has one. */
  maskedKey?: string;
  /** Replaces the usual hint (e.g. why the key must be typed again). */
  hint?: string;
  /** The key type chosen in the form: each kind of key comes from its own place. */
  role?: 'affiliate' | 'network';
  error?: string;
}

/**
 * The API key: masked while typing, with a button to reveal what was typed. A stored key is never sent to the
 * page; editing shows only its masked form, and an empty field keeps it.
 */
export function KeyField({ id, value, onInput, maskedKey, hint, role, error }: KeyFieldProps) {
  const [shown, setShown] = useState(false);
  // Preact types inputs by their `type`; both kinds take exactly the same attributes here.
  const type = (shown ? 'text' : 'password') as 'text';
  return (
    <Field
      id={id}
      label={i18n.t('profiles.form.key')}
      hint={
        hint ??
        (maskedKey
          ? i18n.t('profiles.form.keyKeep', [maskedKey])
          : role === 'network'
            ? i18n.t('profiles.form.keyHintNetwork')
            : i18n.t('profiles.form.keyHint'))
      }
      error={error}
    >
      <div class="input-with-button">
        <input
          id={id}
          data-field="apiKey"
          type={type}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="off"
          value={value}
          placeholder={maskedKey}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, true, error)}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button
          type="button"
          class="button"
          aria-pressed={shown ? 'true' : 'false'}
          aria-controls={id}
          onClick={() => setShown((s) => !s)}
        >
          {i18n.t('profiles.form.showKey')}
        </button>
      </div>
    </Field>
  );
}
