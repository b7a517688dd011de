import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Template } from '../../lib/model/template';
import { exportFileName, exportText, MAX_IMPORT_BYTES, readImportFile } from '../../lib/templates/format';
import { type PreviewEntry, planImport, previewImport } from '../../lib/templates/preview';
import type { NoticeState } from '../ui/Notice';
import type { TemplatesApi } from './api';
import type { Download } from './download';
import { ImportDialog } from './ImportDialog';
import { fileProblemText } from './import-text';

export interface LibraryTransferProps {
  templates: readonly Template[];
  api: Pick<TemplatesApi, 'importAll'>;
  download: Download;
  now: () => Date;
  /** Tell the screen the outcome (it then reloads the list). */
  onDone: (notice: NoticeState) => void;
}

/** "Export templates" (a JSON download without any key) and "Import templates" (a file, previewed first). */
export function LibraryTransfer({ templates, api, download, now, onDone }: LibraryTransferProps) {
  const id = useId();
  const [pending, setPending] = useState<{ fileName: string; preview: PreviewEntry[] }>();
  const [busy, setBusy] = useState(false);

  const exportAll = () => {
    const at = now();
    download(exportFileName(at), exportText(templates, at));
    onDone({ kind: 'ok', text: i18n.t('templates.exported', templates.length) });
  };
  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Let the same file be picked again after a cancel.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      return onDone({
        kind: 'error',
        text: fileProblemText({ code: 'too_large', maxBytes: MAX_IMPORT_BYTES }),
      });
    }
    const read = readImportFile(await file.text());
    if (!read.ok)
      return onDone({
        kind: 'error',
        text: i18n.t('templates.import.refused', [file.name, fileProblemText(read.problem)]),
      });
    // The preview is a new action: an earlier banner ("Exported 1 template") does not belong above it.
    onDone(undefined);
    setPending({ fileName: file.name, preview: previewImport(read.entries, templates) });
  };
  // One message, all or nothing: what the preview showed is written, or nothing is (issue 13, defect 7).
  const apply = async (overwrite: ReadonlySet<number>, keepSecrets: boolean) => {
    if (!pending) return;
    const planned = planImport(pending.preview, overwrite, keepSecrets);
    setBusy(true);
    const r = await api.importAll(planned);
    setBusy(false);
    setPending(undefined);
    if (!r.ok) return onDone({ kind: 'error', text: r.error.message, focus: true });
    const skipped = pending.preview.filter((e) => e.status === 'invalid').length;
    const text = [
      i18n.t('templates.import.done', r.value.imported),
      skipped ? i18n.t('templates.import.skipped', skipped) : '',
    ]
      .filter(Boolean)
      .join(' ');
    onDone({ kind: 'ok', text, focus: true });
  };

  return (
    <>
      <button type="button" class="button" onClick={exportAll} disabled={templates.length === 0}>
        {i18n.t('templates.export')}
      </button>
      <span class="file-button">
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          class="file-button__input"
          onChange={(e) => void pick(e.currentTarget as HTMLInputElement)}
        />
        <label for={`${id}-file`} class="button">
          {i18n.t('templates.import.label')}
        </label>
      </span>
      {pending && (
        <ImportDialog
          fileName={pending.fileName}
          preview={pending.preview}
          busy={busy}
          onImport={(o, keep) => void apply(o, keep)}
          onClose={() => setPending(undefined)}
        />
      )}
    </>
  );
}
