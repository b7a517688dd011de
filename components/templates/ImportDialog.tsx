import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ContentField, PreviewEntry } from '../../lib/templates/preview';
import { Dialog } from '../ui/Dialog';
import { fieldName, invalidEntryText } from './import-text';

export interface ImportDialogProps {
  fileName: string;
  preview: readonly PreviewEntry[];
  busy: boolean;
  /** Import: every new entry, and the changed entries whose rows are in `overwrite`. */
  onImport: (overwrite: ReadonlySet<number>) => void;
  onClose: () => void;
}

const changes = (fields: readonly ContentField[]) => fields.map(fieldName).join(', ');

/**
 * What an import would do, before it does anything: new, changed, unchanged and invalid entries (with the
 * reason for each invalid one). A changed entry overwrites its template only when its box is ticked.
 */
export function ImportDialog({ fileName, preview, busy, onImport, onClose }: ImportDialogProps) {
  const id = useId();
  const [overwrite, setOverwrite] = useState<Set<number>>(new Set());
  const of = <S extends PreviewEntry['status']>(status: S) =>
    preview.filter((e): e is Extract<PreviewEntry, { status: S }> => e.status === status);
  const fresh = of('new');
  const changed = of('changed');
  const same = of('unchanged');
  const invalid = of('invalid');
  const count = fresh.length + overwrite.size;
  const toggle = (row: number, on: boolean) => {
    const next = new Set(overwrite);
    if (on) next.add(row);
    else next.delete(row);
    setOverwrite(next);
  };
  return (
    <Dialog title={i18n.t('templates.import.title')} onClose={onClose} describedBy={`${id}-summary`} wide>
      <p id={`${id}-summary`}>
        {i18n.t('templates.import.summary', [
          fileName,
          String(fresh.length),
          String(changed.length),
          String(same.length),
          String(invalid.length),
        ])}
      </p>
      {fresh.length > 0 && (
        <section aria-labelledby={`${id}-new`}>
          <h3 id={`${id}-new`}>{i18n.t('templates.import.new')}</h3>
          <ul>
            {fresh.map((e) => (
              <li key={e.row}>{e.template.name}</li>
            ))}
          </ul>
        </section>
      )}
      {changed.length > 0 && (
        <fieldset>
          <legend>{i18n.t('templates.import.changed')}</legend>
          {changed.map((e) => (
            <div key={e.row} class="choice-row">
              <label class="choice">
                <input
                  type="checkbox"
                  checked={overwrite.has(e.row)}
                  onChange={(ev) => toggle(e.row, (ev.currentTarget as HTMLInputElement).checked)}
                />{' '}
                {i18n.t('templates.import.overwrite', [e.existing.name])}
              </label>
              <p class="hint">{i18n.t('templates.import.differs', [changes(e.changes)])}</p>
            </div>
          ))}
        </fieldset>
      )}
      {same.length > 0 && (
        <section aria-labelledby={`${id}-same`}>
          <h3 id={`${id}-same`}>{i18n.t('templates.import.unchanged')}</h3>
          <ul>
            {same.map((e) => (
              <li key={e.row}>{e.template.name}</li>
            ))}
          </ul>
        </section>
      )}
      {invalid.length > 0 && (
        <section aria-labelledby={`${id}-invalid`}>
          <h3 id={`${id}-invalid`}>{i18n.t('templates.import.invalid')}</h3>
          <ul class="invalid-list">
            {invalid.map((e) => (
              <li key={e.row}>
                {e.name && <strong>{e.name}: </strong>}
                {invalidEntryText(e.row, e.reasons)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="actions">
        <button
          type="button"
          class="button button--primary"
          disabled={count === 0 || busy}
          onClick={() => onImport(overwrite)}
        >
          {i18n.t('templates.import.confirm', count)}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {i18n.t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
