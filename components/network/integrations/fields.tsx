import type { Term } from '../../../lib/postback/integration-vocabulary';
import { describedBy, Field } from '../../ui/Field';

/** What every integration sub-form gets: the object as the API documents it, and its fields' errors. */
export interface IntegrationFieldsProps {
  /** Prefix for element ids. */
  idPrefix: string;
  value: Readonly<Record<string, unknown>>;
  onChange: (next: Record<string, unknown>) => void;
  errors: Readonly<Record<string, string>>;
  /**
   * The checker's findings on macro-bearing values (issue 15.4), by field name, or `field.row` for a row of a
   * list (`user_data.0`), shown under the field or row they are about. Warnings: they never block a save.
   */
  notes?: Readonly<Record<string, string>>;
}

/** Names a field offers (a native datalist: pick one, or type anything else). */
export function Suggestions({ id, terms }: { id: string; terms: readonly Term[] }) {
  return (
    <datalist id={id}>
      {terms.map((t) => (
        <option key={t.name} value={t.name}>
          {t.description}
        </option>
      ))}
    </datalist>
  );
}

/** A checker note under a field or row. */
export function FieldNote({ id, note }: { id: string; note: string | undefined }) {
  if (!note) return null;
  return (
    <p class="hint field-note warn-text" id={id}>
      {note}
    </p>
  );
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

/**
 * A text field of an integration object; with `suggestions`, it offers the platform's documented names (issue
 * 15.5) and still takes anything typed.
 */
export function TextInput({
  idPrefix,
  value,
  onChange,
  errors,
  notes,
  field,
  label,
  hint,
  suggestions,
}: InputProps & { suggestions?: readonly Term[] | undefined }) {
  const id = `${idPrefix}-${field}`;
  const error = errors[field];
  const note = notes?.[field];
  const current = value[field];
  const described = [describedBy(id, hint, error), note && `${id}-note`].filter(Boolean).join(' ');
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="text"
        autocomplete="off"
        spellcheck={false}
        list={suggestions?.length ? `${id}-list` : undefined}
        value={typeof current === 'string' ? current : current === undefined ? '' : String(current)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => onChange(withField(value, field, (e.currentTarget as HTMLInputElement).value))}
      />
      {suggestions?.length ? <Suggestions id={`${id}-list`} terms={suggestions} /> : null}
      <FieldNote id={`${id}-note`} note={note} />
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
