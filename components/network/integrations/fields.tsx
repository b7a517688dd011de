import { describedBy, Field } from '../../ui/Field';

/** What every integration sub-form gets: the object as the API documents it, and its fields' errors. */
export interface IntegrationFieldsProps {
  /** Prefix for element ids. */
  idPrefix: string;
  value: Readonly<Record<string, unknown>>;
  onChange: (next: Record<string, unknown>) => void;
  errors: Readonly<Record<string, string>>;
}

/**
 * The object with one field set. An emptied field is left out (as the create body leaves out defaults); the
 * object's other keys, known or not, stay exactly as they were.
 */
export function withField(
  value: Readonly<Record<string, unknown>>,
  key: string,
  next: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  if (next === undefined || next === '' || (Array.isArray(next) && next.length === 0)) delete out[key];
  else out[key] = next;
  return out;
}

interface InputProps extends IntegrationFieldsProps {
  field: string;
  label: string;
  hint?: string;
}

/** A text field of an integration object. */
export function TextInput({ idPrefix, value, onChange, errors, field, label, hint }: InputProps) {
  const id = `${idPrefix}-${field}`;
  const error = errors[field];
  const current = value[field];
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="text"
        autocomplete="off"
        spellcheck={false}
        value={typeof current === 'string' ? current : current === undefined ? '' : String(current)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onChange(withField(value, field, (e.currentTarget as HTMLInputElement).value))}
      />
    </Field>
  );
}

/** A number field (ids): stored as a JSON number, as the API documents it; emptied means left out. */
export function NumberInput({ idPrefix, value, onChange, errors, field, label, hint }: InputProps) {
  const id = `${idPrefix}-${field}`;
  const error = errors[field];
  const current = value[field];
  return (
    <Field id={id} label={label} hint={hint} error={error} class="field field--narrow">
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={typeof current === 'number' ? String(current) : ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value.trim();
          const n = Number(raw);
          onChange(withField(value, field, raw === '' || !Number.isFinite(n) ? undefined : n));
        }}
      />
    </Field>
  );
}
