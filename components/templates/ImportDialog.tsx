import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ContentField, PreviewEntry } from '../../lib/templates/preview';
import { maskSecret } from '../../lib/templates/secret-fields';
import { Dialog } from '../ui/Dialog';
import { fieldName, invalidEntryText } from './import-text';

export interface ImportDialogProps {
  fileName: string;
  preview: readonly PreviewEntry[];
  busy: boolean;
  /**
   * Import: every new entry, and the changed entries whose rows are in `overwrite`; the file's secrets only
   * when `keepSecrets`.
   */
  onImport: (overwrite: ReadonlySet<number>, keepSecrets: boolean) => void;
  onClose: () => void;
}

const changes = (fields: readonly ContentField[]) => fields.map(fieldName).join(', ');

/**
 * What an import would do, before it does anything: new, changed, unchanged and invalid entries (with the
 * reason for each invalid one). A changed entry overwrites its template only when its box is ticked. When what
 * would be imported carries secrets (a Meta access token, a password), they are listed masked and the user
 * chooses to keep or drop them before the import can start (issue 13, defect 11).
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
  const [keepSecrets, setKeepSecrets] = useState<boolean>();
  const count = fresh.length + overwrite.size;
  const planned = [...fresh, ...changed.filter((e) => overwrite.has(e.row))];
  const secrets = planned.flatMap((e) =>
    e.secrets.map((hit) => ({ name: e.template.name, row: e.row, hit })),
  );
  const mustChoose = secrets.length > 0 && keepSecrets === undefined;
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
      {secrets.length > 0 && (
        <fieldset aria-describedby={`${id}-secrets`}>
          <legend>{i18n.t('templates.import.secretsTitle')}</legend>
          <p class="hint" id={`${id}-secrets`}>
            {i18n.t('templates.import.secretsIntro', secrets.length)}
          </p>
          <ul>
            {secrets.map(({ name, row, hit }) => (
              <li key={`${row}:${hit.path}`}>
                {i18n.t('templates.import.secretItem', [name, hit.path, maskSecret(hit.value)])}
              </li>
            ))}
          </ul>
          <label class="choice">
            <input
              type="radio"
              name={`${id}-keep`}
              checked={keepSecrets === true}
              onChange={() => setKeepSecrets(true)}
            />{' '}
            {i18n.t('templates.import.keepSecrets')}
          </label>
          <label class="choice">
            <input
              type="radio"
              name={`${id}-keep`}
              checked={keepSecrets === false}
              onChange={() => setKeepSecrets(false)}
            />{' '}
            {i18n.t('templates.import.dropSecrets')}
          </label>
        </fieldset>
      )}
      <div class="actions">
        <button
          type="button"
          class="button button--primary"
          disabled={count === 0 || busy || mustChoose}
          onClick={() => onImport(overwrite, keepSecrets === true)}
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
