import { useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Term } from '../../../lib/postback/integration-vocabulary';
import { MacroPicker } from '../../postback-form/MacroPicker';
import { FieldNote, type IntegrationFieldsProps, Suggestions, withField } from './fields';

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
  /** The platform's documented keys for this list, offered on every row's field (anything typed still goes). */
  keys?: readonly Term[] | undefined;
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
  notes,
  field,
  label,
  placeholder,
  keys,
}: KeyValueRowsProps) {
  const rows = rowsOf(value[field]);
  const id = `${idPrefix}-${field}`;
  const set = (next: Row[]) => onChange(withField(value, field, next));
  const error = errors[field];
  // Where "Insert macro" puts its macro: the value last focused (at its caret), else the last row's value.
  const target = useRef<{ row: number; at: number } | null>(null);
  const fieldRef = useRef<HTMLFieldSetElement>(null);
  const insertMacro = (token: string) => {
    const t = target.current;
    const row = t && t.row < rows.length ? t.row : rows.length - 1;
    if (row < 0) return set([{ field: '', value: token }]);
    const old = rows[row]!.value;
    const at = t && t.row === row ? Math.min(t.at, old.length) : old.length;
    set(rows.map((r, j) => (j === row ? { ...r, value: old.slice(0, at) + token + old.slice(at) } : r)));
    target.current = { row, at: at + token.length };
    setTimeout(() => {
      const el = fieldRef.current?.querySelector<HTMLInputElement>(`[data-kv-value="${row}"]`);
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    }, 0);
  };
  const keep = (row: number) => (e: Event) => {
    const el = e.currentTarget as HTMLInputElement;
    target.current = { row, at: el.selectionStart ?? el.value.length };
  };
  return (
    <fieldset class="kv" ref={fieldRef} aria-describedby={error ? `${id}-error` : undefined}>
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
            const note = notes?.[`${field}.${i}`];
            const noteId = `${id}-${i}-note`;
            const edit = (patch: Partial<Row>) => set(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
            return [
              <input
                key={`f${i}`}
                type="text"
                autocomplete="off"
                spellcheck={false}
                aria-label={i18n.t('network.integration.rows.field', [label, n])}
                list={keys?.length ? `${id}-keys` : undefined}
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
                aria-describedby={note ? noteId : undefined}
                data-kv-value={i}
                value={row.value}
                onInput={(e) => {
                  keep(i)(e);
                  edit({ value: (e.currentTarget as HTMLInputElement).value });
                }}
                onFocus={keep(i)}
                onKeyUp={keep(i)}
                onClick={keep(i)}
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
              note ? (
                <div key={`n${i}`} class="kv__note">
                  <FieldNote id={noteId} note={note} />
                </div>
              ) : null,
            ];
          })}
        </div>
      )}
      {keys?.length ? <Suggestions id={`${id}-keys`} terms={keys} /> : null}
      <div class="kv__actions">
        <button
          type="button"
          class="button button--small kv__add"
          onClick={() => set([...rows, { field: '', value: '' }])}
        >
          {i18n.t('network.integration.rows.add', [label])}
        </button>
        <MacroPicker onInsert={insertMacro} label={i18n.t('network.integration.rows.insertMacro', [label])} />
      </div>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
