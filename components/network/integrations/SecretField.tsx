import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Field } from '../../ui/Field';
import { type IntegrationFieldsProps, withField } from './fields';

/**
 * A token of an integration object (`access_token`): pages only ever get it masked (`••••1234`), so it shows as
 * set or not set, never as its value. "Replace" opens a password input; a masked value sent back unchanged keeps
 * the server's token (the background restores it), and "Keep the stored token" undoes a replacement.
 */
export function SecretField({
  idPrefix,
  value,
  onChange,
  errors,
  field,
  label,
}: IntegrationFieldsProps & { field: string; label: string }) {
  const id = `${idPrefix}-${field}`;
  // The masked value the form opened with: what "keep" goes back to.
  const stored = useRef(value[field]).current;
  const isSet = typeof stored === 'string' && stored !== '';
  const [replacing, setReplacing] = useState(!isSet);
  const error = errors[field];
  // A template's token is a reference to the secret store ("••••1234 [saved:…]"): only its mask is shown.
  const state = isSet
    ? i18n.t('network.integration.tokenSet', [stored.replace(/ \[saved:[^\]]*\]$/, '')])
    : i18n.t('network.integration.tokenNotSet');
  if (!replacing) {
    return (
      <div class="field secret-field">
        <p class="secret-field__state">
          <strong>{label}:</strong> {state}
        </p>
        <button
          type="button"
          class="button button--small"
          onClick={() => setReplacing(true)}
          aria-label={i18n.t('network.integration.tokenReplaceLabel', [label])}
        >
          {i18n.t('network.integration.tokenReplace')}
        </button>
      </div>
    );
  }
  const current = value[field];
  const typed = typeof current === 'string' && current !== stored ? current : '';
  return (
    <Field
      id={id}
      label={label}
      hint={isSet ? i18n.t('network.integration.tokenReplaceHint') : i18n.t('network.integration.tokenHint')}
      error={error}
    >
      <input
        id={id}
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={typed}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => {
          const next = (e.currentTarget as HTMLInputElement).value;
          // Emptied while a token is stored: the stored one stays.
          onChange(withField(value, field, next === '' && isSet ? stored : next));
        }}
      />
      {isSet && (
        <button
          type="button"
          class="button button--small"
          onClick={() => {
            onChange(withField(value, field, stored));
            setReplacing(false);
          }}
        >
          {i18n.t('network.integration.tokenKeep')}
        </button>
      )}
    </Field>
  );
}
