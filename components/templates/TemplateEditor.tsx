import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { Template, TemplateInput } from '../../lib/model/template';
import { TRACKER_PRESETS } from '../../lib/postback/trackers';
import type { Result } from '../../lib/result';
import { DraftForm } from '../drafts/DraftForm';
import { type DraftStore, useDraft } from '../drafts/use-draft';
import { type FormField, normalise } from '../postback-form/model';
import { PostbackForm } from '../postback-form/PostbackForm';
import { formIssues, issuesByField } from '../postback-form/rules';
import { TestFireButton } from '../test-fire/TestFireButton';
import type { TestFireApi } from '../test-fire/test-fire-api';
import { FieldError } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { SelectField } from '../ui/SelectField';
import { parseTemplateDraft, type TemplateFormValue, toTemplateInput } from './template-value';

export interface TemplateEditorProps {
  /** The template being edited; absent for a new one. */
  editing?: Template;
  /** The starting value (a blank template, a preset, or the stored template). */
  initial: TemplateFormValue;
  save: (input: TemplateInput) => Promise<Result<Template, AppError>>;
  drafts: DraftStore;
  onSaved: (template: Template) => void;
  onCancel: () => void;
  /** "Send a test" of the template's URL (issue 18.2); absent in tests that do not need it. */
  testFire?: TestFireApi;
}

type Errors = Partial<Record<FormField | 'name', string>>;

/** Background field names (API or template words) mapped to the form's fields. */
const FIELD_OF: Record<string, FormField | 'name'> = {
  name: 'name',
  postbackUrl: 'postbackUrl',
  postback_url: 'postbackUrl',
  htmlCode: 'htmlCode',
  html_code: 'htmlCode',
  delayMs: 'delaySeconds',
  delay_ms: 'delaySeconds',
  level: 'level',
  pixel_level: 'level',
};

/** Create or edit a template: its name, tracker, side and notes, and the shared postback form. */
export function TemplateEditor({
  editing,
  initial,
  save,
  drafts,
  onSaved,
  onCancel,
  testFire,
}: TemplateEditorProps) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useDraft({
    store: drafts,
    formId: `options.template:${editing?.id ?? 'new'}`,
    value,
    parse: parseTemplateDraft,
    onRestore: setValue,
  });
  const set = (patch: Partial<TemplateFormValue>) => setValue((v) => ({ ...v, ...patch }));
  // The editor replaces the control that opened it: start keyboard users in its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const focusFirstError = () =>
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const issues = formIssues(value.postback, { side: value.side, withOffer: false, withPartner: false });
    const next: Errors = issuesByField(issues);
    if (!value.name.trim()) next.name = i18n.t('templates.editor.nameRequired');
    setErrors(next);
    setFailure(undefined);
    if (Object.keys(next).length > 0) return focusFirstError();
    setSaving(true);
    const r = await save(toTemplateInput(value, editing));
    setSaving(false);
    if (!r.ok) {
      const field = r.error.field ? FIELD_OF[r.error.field] : undefined;
      if (field) setErrors({ [field]: r.error.message });
      setFailure(r.error.message);
      return;
    }
    await draft.clear();
    onSaved(r.value);
  };

  const { name: nameError, ...formErrors } = errors;
  return (
    <DraftForm
      id={id}
      title={
        editing ? i18n.t('templates.editor.editTitle', [editing.name]) : i18n.t('templates.editor.newTitle')
      }
      formRef={formRef}
      onSubmit={onSubmit}
      draft={draft}
      initial={initial}
      setValue={setValue}
    >
      <div class="field">
        <label for={`${id}-name`}>{i18n.t('templates.editor.name')}</label>
        <input
          id={`${id}-name`}
          type="text"
          autocomplete="off"
          value={value.name}
          aria-invalid={nameError ? 'true' : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          onInput={(e) => set({ name: (e.currentTarget as HTMLInputElement).value })}
        />
        <FieldError id={`${id}-name-error`} message={nameError} />
      </div>
      <div class="field-row">
        <SelectField
          id={`${id}-tracker`}
          label={i18n.t('templates.editor.tracker')}
          value={value.tracker}
          options={[
            { value: 'custom', label: i18n.t('templates.editor.custom') },
            ...TRACKER_PRESETS.map((p) => ({ value: p.id, label: p.tracker })),
          ]}
          onChange={(tracker) => set({ tracker })}
          hint={i18n.t('templates.editor.trackerHint')}
        />
        <SelectField
          id={`${id}-side`}
          label={i18n.t('templates.editor.side')}
          value={value.side}
          options={[
            { value: 'affiliate', label: i18n.t('templates.editor.sideAffiliate') },
            { value: 'network', label: i18n.t('templates.editor.sideNetwork') },
          ]}
          onChange={(side) => set({ side, postback: normalise(value.postback, side) })}
        />
      </div>
      <PostbackForm
        side={value.side}
        value={value.postback}
        onChange={(postback) => set({ postback })}
        tracker={value.tracker}
        errors={formErrors}
      />
      {testFire ? <TestFireButton api={testFire} value={value.postback} tracker={value.tracker} /> : null}
      <div class="field">
        <label for={`${id}-notes`}>{i18n.t('templates.editor.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          value={value.notes}
          onInput={(e) => set({ notes: (e.currentTarget as HTMLTextAreaElement).value })}
        />
      </div>
      {failure && (
        <p class="alert" role="alert">
          {failure}
        </p>
      )}
      <FormActions
        submitLabel={i18n.t('templates.editor.save')}
        busy={saving}
        cancelLabel={i18n.t('common.cancel')}
        onCancel={() => {
          void draft.clear();
          onCancel();
        }}
      />
    </DraftForm>
  );
}
