import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/messaging/protocol';
import type { PixelView } from '../../lib/messaging/views';
import { ok } from '../../lib/result';
import type { Template } from '../../lib/storage/schemas';
import { DraftNotice } from '../drafts/DraftNotice';
import { type DraftStore, useDraft } from '../drafts/use-draft';
import type { LoadEvents } from '../postback-form/EventPicker';
import { toPixelDraft } from '../postback-form/model';
import { PostbackForm } from '../postback-form/PostbackForm';
import { formIssues, integrationErrors, issuesByField } from '../postback-form/rules';
import { Combobox, type ComboOption } from '../ui/Combobox';
import { FormActions } from '../ui/FormActions';
import { Notice, type NoticeState } from '../ui/Notice';
import { offerOf, partnerOf } from '../ui/pixel-labels';
import { SelectField } from '../ui/SelectField';
import type { PartnerPostbacksApi } from './api';
import { type EditorValue, errorPlace, parseEditorDraft, withTemplate } from './editor-value';
import { networkIntegrationRenderer } from './integrations/render';
import { usePickerSearch } from './pickers';

export interface EditorFormProps {
  api: PartnerPostbacksApi;
  drafts: DraftStore;
  profileId: string;
  /** The postback being edited; absent for a new one. */
  editing?: PixelView | undefined;
  initial: EditorValue;
  /** Network templates to start a new postback from. */
  templates: readonly Template[];
  onSaved: (pixel: PixelView) => void;
  onBack: () => void;
}

/** A level's fixed id, shown instead of a picker: "All partners (sent as 0)". */
function FixedId({ label, text }: { label: string; text: string }) {
  return (
    <fieldset class="field">
      <legend>{label}</legend>
      <p class="fixed-id">{text}</p>
    </fieldset>
  );
}

/**
 * Create or edit a partner postback with the shared form: partner and offer pickers, every level, type and
 * delivery method (integration sub-forms included), status (create only); the same rules as the API before any
 * request.
 * After a create the form keeps its settings and clears the offer, so the same postback can be stamped onto
 * the next offer (or, for a global one, the next partner).
 */
export function EditorForm(props: EditorFormProps) {
  const { api, drafts, profileId, editing, templates } = props;
  const id = useId();
  const [value, setValue] = useState<EditorValue>(props.initial);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useDraft({
    store: drafts,
    formId: `options.partner-postback:${profileId}:${editing?.id ?? 'new'}`,
    value,
    parse: parseEditorDraft,
    onRestore: setValue,
  });
  const { searchOffers, searchPartners } = usePickerSearch(api, profileId);
  const loadEvents: LoadEvents = useCallback(
    async (offerId) => {
      const r = await api.offer(profileId, offerId);
      return r.ok ? ok(r.value.events) : r;
    },
    [api, profileId],
  );
  const renderIntegration = useMemo(() => networkIntegrationRenderer(`${id}-int`), [id]);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);

  const update = (next: EditorValue) => {
    setValue(next);
    setFailure(undefined);
  };
  const pickPartner = (partner: ComboOption | undefined) =>
    update({ ...value, partner, postback: { ...value.postback, affiliateId: partner?.id } });
  const pickOffer = (offer: ComboOption | undefined) =>
    update({ ...value, offer, postback: { ...value.postback, offerId: offer?.id, eventId: undefined } });

  const mode = editing ? 'update' : 'create';
  const issues = formIssues(value.postback, { side: 'network', withOffer: true, withPartner: true, mode });
  const errors = tried ? issuesByField(issues) : {};
  const subErrors: Record<string, string> = tried ? integrationErrors(issues) : {};
  const place = failure ? errorPlace(failure) : {};
  if (failure && place.field === 'integration' && place.key) subErrors[place.key] ??= failure.message;
  else if (failure && place.field) errors[place.field] ??= failure.message;

  const focusFirstError = () =>
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  const submit = async (allowDuplicate: boolean) => {
    if (busy) return;
    setTried(true);
    setNotice(undefined);
    if (issues.length) return focusFirstError();
    setBusy(true);
    const body = toPixelDraft(value.postback, value.status);
    const r = editing
      ? await api.update(profileId, editing.id, body)
      : await api.create(profileId, body, allowDuplicate);
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      return focusFirstError();
    }
    if (!('pixel' in r.value)) {
      await draft.clear();
      return props.onSaved(r.value);
    }
    await stampAgain(
      i18n.t('network.editor.created', [
        String(r.value.pixel.id),
        `${partnerOf(r.value.pixel)} · ${offerOf(r.value.pixel)}`,
      ]),
    );
  };
  // Everflow never confirmed the create: look for it again (nothing is sent), with the ids seen before it.
  const checkAgain = async (knownIds: number[]) => {
    if (busy) return;
    setBusy(true);
    const r = await api.findCreated(profileId, toPixelDraft(value.postback, value.status), knownIds);
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    const found = r.value.pixel;
    await stampAgain(
      i18n.t('network.editor.found', [String(found.id), `${partnerOf(found)} · ${offerOf(found)}`]),
    );
  };
  /** After a create (or a late one found): keep every setting, clear what changes, and say what happened. */
  const stampAgain = async (text: string) => {
    setFailure(undefined);
    await draft.clear();
    setTried(false);
    // Stamp again: keep every setting, clear what changes from one postback to the next.
    const usesOffer = value.postback.level !== 'global';
    setValue({
      ...value,
      ...(usesOffer ? { offer: undefined } : { partner: undefined }),
      postback: {
        ...value.postback,
        ...(usesOffer ? { offerId: undefined, eventId: undefined } : { affiliateId: undefined }),
      },
    });
    setNotice({ kind: 'ok', text, focus: true });
  };

  const level = value.postback.level;
  const partnerField =
    level === 'global_offer' ? (
      <FixedId label={i18n.t('form.partner.label')} text={i18n.t('network.editor.allPartners')} />
    ) : (
      <Combobox
        id={`${id}-partner`}
        label={i18n.t('form.partner.label')}
        value={value.partner}
        search={searchPartners}
        onChange={pickPartner}
        hint={i18n.t('network.editor.pickHint')}
        error={errors.affiliateId}
      />
    );
  const offerField =
    level === 'global' ? (
      <FixedId label={i18n.t('form.offer.label')} text={i18n.t('network.editor.allOffers')} />
    ) : (
      <Combobox
        id={`${id}-offer`}
        label={i18n.t('form.offer.label')}
        value={value.offer}
        search={searchOffers}
        onChange={pickOffer}
        hint={i18n.t('network.editor.pickHint')}
        error={errors.offerId}
      />
    );
  const networkTemplates = templates.filter((t) => t.side === 'network');
  return (
    <form
      ref={formRef}
      class="card form pp-editor"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <h3 id={`${id}-title`}>
        {editing
          ? i18n.t('network.editor.editTitle', [String(editing.id)])
          : i18n.t('network.editor.newTitle')}
      </h3>
      <DraftNotice
        restoredAt={draft.restoredAt}
        error={draft.error}
        onDiscard={() => {
          setValue(props.initial);
          void draft.clear(props.initial);
        }}
      />
      <Notice state={notice} />
      {!editing && networkTemplates.length > 0 && (
        <SelectField
          id={`${id}-template`}
          label={i18n.t('network.editor.template')}
          value={value.templateId}
          options={[
            { value: '', label: i18n.t('network.editor.templateNone') },
            ...networkTemplates.map((t) => ({ value: t.id, label: t.name })),
          ]}
          hint={i18n.t('network.editor.templateHint')}
          onChange={(templateId) => {
            const t = networkTemplates.find((x) => x.id === templateId);
            update(t ? withTemplate(value, t) : { ...value, templateId: '' });
          }}
        />
      )}
      <PostbackForm
        side="network"
        value={value.postback}
        onChange={(postback) => update({ ...value, postback })}
        errors={errors}
        integrationErrors={subErrors}
        partnerField={<div class="field-row">{partnerField}</div>}
        offerField={offerField}
        loadEvents={loadEvents}
        renderIntegration={renderIntegration}
      />
      {/* An edit keeps the server's status (it may have changed since the form opened): the switch sets it. */}
      {!editing && (
        <SelectField
          id={`${id}-status`}
          label={i18n.t('form.status.label')}
          value={value.status}
          options={[
            { value: 'active', label: i18n.t('form.status.active') },
            { value: 'inactive', label: i18n.t('form.status.inactive') },
          ]}
          onChange={(status) => update({ ...value, status })}
        />
      )}
      {failure && (
        <p class="alert" role="alert" data-kind={failure.kind}>
          {failure.message}
        </p>
      )}
      <FormActions
        submitLabel={editing ? i18n.t('network.editor.save') : i18n.t('network.editor.create')}
        busy={busy}
        primary={
          failure?.kind === 'unknown_outcome' ? (
            <button
              type="button"
              class="button button--primary"
              aria-disabled={busy ? 'true' : undefined}
              onClick={() => void checkAgain(failure.knownIds ?? [])}
            >
              {i18n.t('network.editor.checkAgain')}
            </button>
          ) : failure?.kind === 'duplicate' ? (
            <button type="button" class="button button--primary" onClick={() => void submit(true)}>
              {i18n.t('network.editor.createAnyway')}
            </button>
          ) : undefined
        }
        cancelLabel={i18n.t('network.editor.back')}
        onCancel={() => {
          void draft.clear();
          props.onBack();
        }}
      />
    </form>
  );
}
