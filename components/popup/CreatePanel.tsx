// The popup loads this panel lazily and it is the popup's first zod user: set zod jitless before any schema runs.
import '../../lib/zod-setup';
import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { OfferView } from '../../lib/model/offer';
import type { PixelView } from '../../lib/model/pixel';
import type { Template } from '../../lib/model/template';
import type { Role } from '../../lib/model/vocabulary';
import { checkPostbackUrl } from '../../lib/postback/check';
import { receiverHint } from '../../lib/postback/trackers';
import { ok } from '../../lib/result';
import { DraftNotice } from '../drafts/DraftNotice';
import { useDraft } from '../drafts/use-draft';
import { DoubleCountWarning } from '../postback-form/DoubleCountWarning';
import { doubleCountGlobals } from '../postback-form/double-count';
import { findingsSummary } from '../postback-form/FindingsList';
import { fromTemplate, type PostbackFormValue, parseValue, toPixelDraft } from '../postback-form/model';
import { PostbackForm } from '../postback-form/PostbackForm';
import { formIssues, integrationErrors, issuesByField } from '../postback-form/rules';
import { UrlPreview } from '../postback-form/UrlPreview';
import type { ComboOption } from '../ui/Combobox';
import { ActionError } from './errors';
import { FirstPostback } from './FirstPostback';
import { PartnerPicker } from './PartnerPicker';
import type { PopupApi } from './popup-api';
import { TemplateSelect } from './TemplateSelect';

export interface CreatePanelProps {
  api: PopupApi;
  profileId: string;
  side: Role;
  templates: Template[];
  defaultTemplateId?: string;
  offer?: OfferView;
  portalOrigin?: string;
  /** The postbacks listed for the offer (its global ones included), for the double-count warning. */
  listed?: readonly PixelView[];
  /** The profile's API host, for advice that fits it when Everflow cannot be reached. */
  apiHost?: 'everflow' | 'custom';
  onCreated: (pixel: PixelView, recovered: boolean) => void;
  /** A template was saved here (the first postback's), or made the profile's default ("Make default"). */
  onTemplate?: (template: Template) => void;
  onDefault?: (templateId: string) => void;
  onNotice?: (text: string) => void;
  /** A create starts: the popup drops the status line of an earlier action. */
  onStart?: () => void;
}

/** The panel's state, kept as a draft as it is. */
interface Draft {
  templateId: string;
  value: PostbackFormValue;
  /** Network profiles: the partner the postback is for (its id is also in `value`). */
  partner?: ComboOption | undefined;
  /** "Customize" is open. */
  showForm?: boolean;
}

function partnerOf(raw: unknown): ComboOption | undefined {
  const p = raw as { id?: unknown; name?: unknown } | null | undefined;
  return p && typeof p.id === 'number' && typeof p.name === 'string' ? { id: p.id, name: p.name } : undefined;
}

/** Apply a template to the offer in view: a specific template targets this offer, a global one every offer. */
function valueFor(t: Template, offer: OfferView | undefined): PostbackFormValue {
  const v = fromTemplate(t);
  if (v.level !== 'global' && offer) v.offerId = offer.id;
  return v;
}

/**
 * "New postback from a template": pick a template (the default is preselected), see the checked URL and what
 * the tracker will receive, create. Every change is kept as a draft, so closing the popup loses nothing.
 */
export function CreatePanel(props: CreatePanelProps) {
  const { api, profileId, side, templates, offer } = props;
  const formId = `popup:create:${profileId}:${offer?.id ?? 'none'}`;
  const initial = templates.find((t) => t.id === props.defaultTemplateId) ?? templates[0];
  const [draft, setDraft] = useState<Draft | null>(
    initial ? { templateId: initial.id, value: valueFor(initial, offer) } : null,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();
  const [duplicate, setDuplicate] = useState(false);
  const showForm = draft?.showForm === true;
  // Every change is saved in its own task (delayMs 0): the popup closes whenever the user clicks elsewhere.
  const kept = useDraft<Draft | Record<string, never>>({
    store: api.drafts,
    formId,
    value: draft ?? {},
    delayMs: 0,
    parse: (raw) => {
      const r = raw as Record<string, unknown>;
      const value = parseValue(r.value);
      const templateId = typeof r.templateId === 'string' ? r.templateId : undefined;
      if (!value || !templateId || !templates.some((t) => t.id === templateId)) return undefined;
      return { templateId, value, partner: partnerOf(r.partner), showForm: r.showForm === true };
    },
    onRestore: (restored) => setDraft(restored as Draft),
  });

  const update = (next: Draft) => {
    setDraft(next);
    setError(undefined);
    setDuplicate(false);
  };

  const template = templates.find((t) => t.id === draft?.templateId);
  // The quick summary and preview show while "Customize" is closed; the open form shows its own findings and
  // preview, so then the URL is checked once per keystroke (by the form), not twice. Same tracker hint as the form.
  const quick = !showForm && draft?.value.deliveryMethod === 'postback';
  const check = useMemo(
    () =>
      quick && draft
        ? checkPostbackUrl(draft.value.postbackUrl, {
            pixelType: draft.value.pixelType,
            tracker: receiverHint(template?.tracker),
          })
        : undefined,
    [quick, draft?.value.postbackUrl, draft?.value.pixelType, template?.tracker],
  );
  if (!draft || !template) {
    // No template of this kind yet: the first postback is made right here, and becomes the template.
    return (
      <FirstPostback
        api={api}
        profileId={profileId}
        side={side}
        offer={offer}
        portalOrigin={props.portalOrigin}
        apiHost={props.apiHost}
        onCreated={props.onCreated}
        onTemplate={(t) => props.onTemplate?.(t)}
        onNotice={(text) => props.onNotice?.(text)}
        onStart={() => props.onStart?.()}
      />
    );
  }

  const network = side === 'network';
  const issues = formIssues(draft.value, { side, withOffer: true, withPartner: network });
  const searchPartners = async (text: string) => {
    const r = await api.searchPartners(profileId, text);
    return r.ok ? ok(r.value.items.map((p) => ({ id: p.id, name: p.name }))) : r;
  };
  const pickPartner = (partner: ComboOption | undefined) =>
    update({ ...draft, partner, value: { ...draft.value, affiliateId: partner?.id } });
  const create = async (allowDuplicate: boolean) => {
    if (issues.length) {
      setDraft({ ...draft, showForm: true });
      return;
    }
    props.onStart?.();
    setBusy(true);
    const r = await api.createPixel(profileId, toPixelDraft(draft.value), allowDuplicate);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setDuplicate(r.error.kind === 'duplicate');
      return;
    }
    await done(r.value);
  };
  // Everflow never confirmed the create: look for it again (nothing is sent), with the ids seen before it.
  const checkAgain = async (knownIds: number[]) => {
    props.onStart?.();
    setBusy(true);
    const r = await api.findCreated(profileId, toPixelDraft(draft.value), knownIds);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    await done(r.value);
  };
  const done = async (created: { pixel: PixelView; recovered: boolean }) => {
    setError(undefined);
    // The partner stays picked: the next postback is often for the same partner.
    const next = {
      templateId: template.id,
      value: { ...valueFor(template, offer), ...(draft.partner ? { affiliateId: draft.partner.id } : {}) },
      partner: draft.partner,
      showForm,
    };
    setDraft(next);
    await kept.clear(next);
    props.onCreated(created.pixel, created.recovered);
  };
  const unknown = error?.kind === 'unknown_outcome' ? error : undefined;

  return (
    <section class="create" aria-label={i18n.t('popup.create.label')} data-restored={kept.ready}>
      <TemplateSelect
        templates={templates}
        value={draft.templateId}
        isDefault={draft.templateId === props.defaultTemplateId}
        onMakeDefault={props.onDefault ? () => props.onDefault?.(draft.templateId) : undefined}
        onPick={(t) => {
          const value = valueFor(t, offer);
          if (draft.partner) value.affiliateId = draft.partner.id;
          update({ templateId: t.id, value, partner: draft.partner, showForm });
        }}
      />
      {network && draft.value.level !== 'global_offer' ? (
        <PartnerPicker
          value={draft.partner}
          search={searchPartners}
          onChange={pickPartner}
          error={issuesByField(issues).affiliateId}
        />
      ) : null}
      {check ? (
        <div class="create__check">
          <p class={`findings__summary${check.valid ? '' : ' findings__summary--bad'}`} role="status">
            {findingsSummary(check)}
          </p>
          <UrlPreview url={draft.value.postbackUrl} pixelType={draft.value.pixelType} />
        </div>
      ) : null}
      <details
        open={showForm}
        onToggle={(e) => {
          const open = (e.currentTarget as HTMLDetailsElement).open;
          // From the state, not this render: the event can come after a restore replaced the draft.
          setDraft((d) => (d && (d.showForm === true) !== open ? { ...d, showForm: open } : d));
        }}
      >
        <summary>{i18n.t('popup.create.customize')}</summary>
        {showForm ? (
          <PostbackForm
            side={side}
            value={draft.value}
            onChange={(value) => update({ ...draft, value })}
            tracker={template.tracker}
            errors={issuesByField(issues)}
            integrationErrors={integrationErrors(issues)}
            hide={{ level: offer === undefined }}
            {...(offer
              ? { offers: [offer], loadEvents: async () => ({ ok: true as const, value: offer.events }) }
              : {})}
          />
        ) : null}
      </details>
      {issues.length && !showForm ? <p class="error">{issues[0]!.message}</p> : null}
      <DoubleCountWarning globals={doubleCountGlobals(draft.value, props.listed ?? [])} />
      <DraftNotice error={kept.error} onDiscard={() => {}} />
      {error ? (
        <ActionError error={error} portalOrigin={props.portalOrigin} apiHost={props.apiHost} draftKept />
      ) : null}
      <div class="create__actions">
        {unknown ? (
          <button
            type="button"
            class="button button--primary"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void checkAgain(unknown.knownIds ?? [])}
          >
            {i18n.t('popup.create.checkAgain')}
          </button>
        ) : duplicate ? (
          <button type="button" class="button" disabled={busy} onClick={() => void create(true)}>
            {i18n.t('popup.create.anyway')}
          </button>
        ) : (
          <button
            type="button"
            class="button button--primary"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void create(false)}
          >
            {busy ? i18n.t('popup.create.creating') : i18n.t('popup.create.submit')}
          </button>
        )}
      </div>
    </section>
  );
}
