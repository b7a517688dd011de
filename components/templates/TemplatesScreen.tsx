import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Template } from '../../lib/model/template';
import type { TrackerPreset } from '../../lib/postback/trackers';
import { uniqueName } from '../../lib/templates/names';
import type { DraftStore } from '../drafts/use-draft';
import { emptyValue } from '../postback-form/model';
import type { TestFireApi } from '../test-fire/test-fire-api';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { LoadState } from '../ui/LoadState';
import { Notice, type NoticeState } from '../ui/Notice';
import type { TemplatesApi } from './api';
import { type Download, downloadText } from './download';
import { LibraryTransfer } from './LibraryTransfer';
import { type PresetChoice, PresetDialog } from './PresetDialog';
import { PresetGallery } from './PresetGallery';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import { emptyTemplate, type TemplateFormValue, templateToValue } from './template-value';

export type { TemplatesApi } from './api';

export interface TemplatesScreenProps {
  api: TemplatesApi;
  drafts: DraftStore;
  /** The open editor, from the address: "new", a template id, or none. */
  item?: string;
  navigate: (item?: string) => void;
  download?: Download;
  now?: () => Date;
  /** "Send a test" in the editor (issue 18.2). */
  testFire?: TestFireApi;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; templates: Template[] }
  | { kind: 'error'; message: string };

/** The template library: list, create (blank or from a tracker preset), edit, duplicate, delete, import, export. */
export function TemplatesScreen(props: TemplatesScreenProps) {
  const { api, drafts, item, navigate, download = downloadText, now = () => new Date() } = props;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [notice, setNotice] = useState<NoticeState>();
  const [seed, setSeed] = useState<TemplateFormValue>();
  const [preset, setPreset] = useState<TrackerPreset>();
  const [deleting, setDeleting] = useState<Template>();
  const [busy, setBusy] = useState<string>();
  const [defaultId, setDefaultId] = useState<string>();

  const refresh = useCallback(async () => {
    const [r, d] = await Promise.all([api.list(), api.defaultId?.()]);
    if (d?.ok) setDefaultId(d.value);
    setLoad(r.ok ? { kind: 'ready', templates: r.value } : { kind: 'error', message: r.error.message });
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (load.kind === 'loading' || load.kind === 'error')
    return <LoadState load={load} onRetry={() => void refresh()} />;
  const templates = load.templates;
  const editing = item && item !== 'new' ? templates.find((t) => t.id === item) : undefined;
  // A banner belongs to the action that made it: opening an editor or a dialog, or starting a change, drops it.
  const open = (next: string) => {
    setNotice(undefined);
    navigate(next);
  };

  const startFromPreset = async (p: TrackerPreset, choice: PresetChoice) => {
    // A preset starts afresh: an older unsaved "new template" draft must not replace it.
    await drafts.clear('options.template:new');
    setPreset(undefined);
    setSeed({
      ...emptyTemplate(),
      name: uniqueName(
        p.tracker,
        templates.map((t) => t.name),
      ),
      tracker: p.id,
      postback: { ...emptyValue(), postbackUrl: choice.url },
    });
    navigate('new');
  };
  const duplicate = async (t: Template) => {
    setNotice(undefined);
    setBusy(t.id);
    const r = await api.duplicate(t.id);
    setBusy(undefined);
    setNotice(
      r.ok
        ? { kind: 'ok', text: i18n.t('templates.duplicated', [r.value.name]) }
        : { kind: 'error', text: r.error.message },
    );
    await refresh();
  };
  const makeDefault = async (t: Template) => {
    if (!api.setDefault) return;
    setNotice(undefined);
    setBusy(t.id);
    const r = await api.setDefault(t.id);
    setBusy(undefined);
    if (r.ok) setDefaultId(t.id);
    setNotice(
      r.ok
        ? { kind: 'ok', text: i18n.t('templates.madeDefault', [t.name]) }
        : { kind: 'error', text: r.error.message },
    );
  };
  const remove = async (t: Template) => {
    setBusy(t.id);
    const r = await api.remove(t.id);
    setBusy(undefined);
    setDeleting(undefined);
    setNotice(
      r.ok
        ? { kind: 'ok', text: i18n.t('templates.deleted', [t.name]), focus: true }
        : { kind: 'error', text: r.error.message, focus: true },
    );
    await refresh();
  };

  const editorOpen = item === 'new' || editing !== undefined;
  return (
    <div class="screen">
      <p class="intro">{i18n.t('templates.intro')}</p>
      <Notice state={notice} />
      {editorOpen ? (
        <TemplateEditor
          key={editing?.id ?? 'new'}
          editing={editing}
          initial={editing ? templateToValue(editing) : (seed ?? emptyTemplate())}
          save={api.save}
          drafts={drafts}
          {...(props.testFire ? { testFire: props.testFire } : {})}
          onSaved={(t) => {
            setSeed(undefined);
            setNotice({ kind: 'ok', text: i18n.t('templates.saved', [t.name]), focus: true });
            navigate(undefined);
            void refresh();
          }}
          onCancel={() => {
            setSeed(undefined);
            navigate(undefined);
          }}
        />
      ) : (
        <>
          <div class="toolbar">
            <button type="button" class="button button--primary" onClick={() => open('new')}>
              {i18n.t('templates.new')}
            </button>
            <LibraryTransfer
              templates={templates}
              api={api}
              download={download}
              now={now}
              onDone={(n) => {
                setNotice(n);
                void refresh();
              }}
            />
          </div>
          <PresetGallery
            onPick={(p) => {
              setNotice(undefined);
              setPreset(p);
            }}
          />
        </>
      )}
      <h3 class="section-heading">{i18n.t('templates.yours')}</h3>
      <TemplateList
        templates={templates}
        busyId={busy}
        onEdit={(t) => open(t.id)}
        onDuplicate={(t) => void duplicate(t)}
        onDelete={(t) => {
          setNotice(undefined);
          setDeleting(t);
        }}
        defaultId={defaultId}
        onMakeDefault={api.setDefault ? (t) => void makeDefault(t) : undefined}
      />
      {preset && (
        <PresetDialog
          preset={preset}
          onUse={(choice) => void startFromPreset(preset, choice)}
          onClose={() => setPreset(undefined)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={i18n.t('templates.deleteTitle', [deleting.name])}
          confirmLabel={i18n.t('templates.deleteConfirm')}
          danger
          busy={busy === deleting.id}
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(undefined)}
        >
          <p>{i18n.t('templates.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
