// The popup loads this panel lazily and it is the popup's first zod user: set zod jitless before any schema runs.
import '../../lib/zod-setup';
import { useId, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { OfferView } from '../../lib/model/offer';
import type { PixelView } from '../../lib/model/pixel';
import type { Template } from '../../lib/model/template';
import { DraftNotice } from '../drafts/DraftNotice';
import { useDraft } from '../drafts/use-draft';
import { affiliateIntegrationRenderer } from '../network/integrations/render';
import { type PostbackFormValue, parseValue, toPixelDraft } from '../postback-form/model';
import { PostbackForm } from '../postback-form/PostbackForm';
import { formIssues, integrationErrors, issuesByField } from '../postback-form/rules';
import { trackerForUrl } from '../postback-form/tracker-hint';
import { TestFireButton } from '../test-fire/TestFireButton';
import { ActionError } from './errors';
import { fromPixel } from './from-pixel';
import type { PopupApi } from './popup-api';

export interface EditPanelProps {
  api: PopupApi;
  profileId: string;
  pixel: PixelView;
  offer?: OfferView;
  portalOrigin?: string;
  /** Saved templates: one to the same host tells which tracker's rules the URL gets. */
  templates?: readonly Template[];
  onSaved: (pixel: PixelView) => void;
  onClose: () => void;
}

const withTracker = (tracker: string | undefined) => (tracker ? { tracker } : {});

/**
 * Edit an existing postback with the shared form. Saving is the affiliate "Update Postback" (or the network
 * update): the background GETs the postback, applies these fields and PUTs the whole object back.
 */
export function EditPanel({
  api,
  profileId,
  pixel,
  offer,
  portalOrigin,
  templates = [],
  onSaved,
  onClose,
}: EditPanelProps) {
  const formId = `popup:edit:${profileId}:${pixel.id}`;
  const [value, setValue] = useState<PostbackFormValue>(() => fromPixel(pixel));
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  // What the server had when the draft was started: a draft made on an older version is dropped, never saved
  // over newer server data.
  const base = JSON.stringify(fromPixel(pixel));
  const draft = useDraft({
    store: api.drafts,
    formId,
    value: useMemo(() => ({ value, base }), [value, base]),
    delayMs: 0,
    dropUnusable: true,
    parse: (raw) => {
      const r = raw as { value?: unknown; base?: unknown };
      const restored = r.base === base ? parseValue(r.value) : undefined;
      return restored ? { value: restored, base } : undefined;
    },
    onRestore: (restored) => setValue(restored.value),
  });

  const side = pixel.side;
  // The Meta sub-form of the postback's side (the network side's is the form's default): a Meta postback
  // opens with its method and fields, never a blank method select.
  const formIdPrefix = useId();
  const renderIntegration = useMemo(
    () => (side === 'affiliate' ? affiliateIntegrationRenderer(`${formIdPrefix}-int`) : undefined),
    [side, formIdPrefix],
  );
  // An edit is a PUT: the integration id is not required (a partner's own Meta pixel has none).
  const issues = formIssues(value, {
    side,
    withOffer: pixel.level !== 'global',
    withPartner: false,
    mode: 'update',
  });
  const save = async () => {
    setTried(true);
    if (issues.length) return;
    setBusy(true);
    const r = await api.updatePixel(profileId, pixel.id, toPixelDraft(value, pixel.status));
    setBusy(false);
    if (!r.ok) return setError(r.error);
    await draft.clear();
    onSaved(r.value);
  };

  return (
    <section class="edit" aria-label={i18n.t('popup.edit.label', [String(pixel.id)])}>
      <h2>{i18n.t('popup.edit.title', [String(pixel.id)])}</h2>
      <DraftNotice
        restoredAt={draft.restoredAt}
        error={draft.error}
        onDiscard={() => {
          const saved = fromPixel(pixel);
          setValue(saved);
          void draft.clear({ value: saved, base });
        }}
      />
      <PostbackForm
        side={side}
        value={value}
        onChange={(next) => {
          setValue(next);
          setError(undefined);
        }}
        {...withTracker(trackerForUrl(value.postbackUrl, templates))}
        {...(renderIntegration ? { renderIntegration } : {})}
        errors={tried ? issuesByField(issues) : {}}
        integrationErrors={tried ? integrationErrors(issues) : {}}
        {...(offer
          ? { offers: [offer], loadEvents: async () => ({ ok: true as const, value: offer.events }) }
          : {})}
      />
      {error ? <ActionError error={error} portalOrigin={portalOrigin} draftKept /> : null}
      <div class="create__actions">
        <button type="button" class="button" onClick={onClose}>
          {i18n.t('popup.edit.back')}
        </button>
        {api.testFire ? <TestFireButton api={api.testFire} value={value} /> : null}
        <button
          type="button"
          class="button button--primary"
          disabled={busy}
          aria-busy={busy}
          onClick={() => void save()}
        >
          {busy ? i18n.t('popup.edit.saving') : i18n.t('popup.edit.save')}
        </button>
      </div>
    </section>
  );
}
