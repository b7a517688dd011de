import { i18n } from '#i18n';
import { type IntegrationFieldsProps, withField } from './fields';

interface Row {
  field: string;
  value: string;
  [extra: string]: unknown;
}

function rowsOf(raw: unknown): Row[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((r) => {
    const row = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
    return {
      ...row,
      field: typeof row.field === 'string' ? row.field : '',
      value: typeof row.value === 'string' ? row.value : '',
    };
  });
}

export interface KeyValueRowsProps extends IntegrationFieldsProps {
  /** The list's key in the object: `user_data`, `custom_data` or `properties`. */
  field: string;
  label: string;
  /** What a new row's field name starts as (e.g. "email"). */
  placeholder?: string;
}

/**
 * An editable `[{ field, value }]` list (`user_data`, `custom_data`, `properties`): add, edit, remove rows.
 * Keys of a row the form does not know stay on that row.
 */
export function KeyValueRows({
  idPrefix,
  value,
  onChange,
  errors,
  field,
  label,
  placeholder,
}: KeyValueRowsProps) {
  const rows = rowsOf(value[field]);
  const id = `${idPrefix}-${field}`;
  const set = (next: Row[]) => onChange(withField(value, field, next));
  const error = errors[field];
  return (
    <fieldset class="kv" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      {rows.length === 0 ? (
        <p class="hint">{i18n.t('network.integration.rows.empty')}</p>
      ) : (
        <div class="kv__rows">
          <span class="kv__heading" aria-hidden="true">
            {i18n.t('network.integration.rows.fieldHeading')}
          </span>
          <span class="kv__heading" aria-hidden="true">
            {i18n.t('network.integration.rows.valueHeading')}
          </span>
          <span />
          {rows.map((row, i) => {
            const n = String(i + 1);
            const edit = (patch: Partial<Row>) => set(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
            return [
              <input
                key={`f${i}`}
                type="text"
                autocomplete="off"
                spellcheck={false}
                aria-label={i18n.t('network.integration.rows.field', [label, n])}
                placeholder={placeholder}
                value={row.field}
                onInput={(e) => edit({ field: (e.currentTarget as HTMLInputElement).value })}
              />,
              <input
                key={`v${i}`}
                type="text"
                autocomplete="off"
                spellcheck={false}
                aria-label={i18n.t('network.integration.rows.value', [label, n])}
                value={row.value}
                onInput={(e) => edit({ value: (e.currentTarget as HTMLInputElement).value })}
              />,
              <button
                key={`r${i}`}
                type="button"
                class="button button--small"
                aria-label={i18n.t('network.integration.rows.remove', [label, n])}
                onClick={() => set(rows.filter((_, j) => j !== i))}
              >
                ×
              </button>,
            ];
          })}
        </div>
      )}
      <button
        type="button"
        class="button button--small kv__add"
        onClick={() => set([...rows, { field: '', value: '' }])}
      >
        {i18n.t('network.integration.rows.add', [label])}
      </button>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
