import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { OfferView } from '../../lib/model/offer';
import type { PixelDraft, PixelView } from '../../lib/model/pixel';
import type { Template, TemplateInput } from '../../lib/model/template';
import type { Role } from '../../lib/model/vocabulary';
import { TRACKER_PRESETS } from '../../lib/postback/trackers';
import { ok } from '../../lib/result';
import { useDraft } from '../drafts/use-draft';
import type { ComboOption } from '../ui/Combobox';
import { ActionError } from './errors';
import { type FirstPostbackInput, firstPostbackUrl } from './first-postback';
import { PartnerPicker } from './PartnerPicker';
import type { PopupApi } from './popup-api';

export interface FirstPostbackProps {
  api: PopupApi;
  profileId: string;
  side: Role;
  offer?: OfferView | undefined;
  portalOrigin?: string | undefined;
  apiHost?: 'everflow' | 'custom' | undefined;
  onCreated: (pixel: PixelView, recovered: boolean) => void;
  /** The template saved from this postback, now the profile's default. */
  onTemplate: (template: Template) => void;
  /** What to tell the user once it is all done. */
  onNotice: (text: string) => void;
  /** A create starts: the popup drops the status line of an earlier action. */
  onStart?: () => void;
}

interface Draft extends FirstPostbackInput {
  partner?: ComboOption | undefined;
}

/**
 * The create panel with no template yet: pick the tracker, paste its domain (or a postback URL it gave you),
 * Create. The postback is created for the offer in view, then saved as a template named after the tracker and
 * made the profile's default, so the next one is the usual one-click create.
 */
export function FirstPostback(props: FirstPostbackProps) {
  const { api, profileId, side, offer } = props;
  const [draft, setDraft] = useState<Draft>({ tracker: TRACKER_PRESETS[0]!.id, text: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();
  const [tried, setTried] = useState(false);
  const kept = useDraft<Draft>({
    store: api.drafts,
    formId: `popup:first:${profileId}`,
    value: draft,
    delayMs: 0,
    parse: (raw) => {
      const r = raw as Record<string, unknown>;
      const tracker =
        r.tracker === 'custom' || TRACKER_PRESETS.some((p) => p.id === r.tracker) ? r.tracker : undefined;
      if (!tracker || typeof r.text !== 'string') return undefined;
      return { tracker: tracker as Draft['tracker'], text: r.text };
    },
    onRestore: setDraft,
  });
  const built = useMemo(() => firstPostbackUrl(draft), [draft.tracker, draft.text]);
  const network = side === 'network';
  const update = (next: Draft) => {
    setDraft(next);
    setError(undefined);
  };

  /** The postback as it is sent (also what "Check again" looks for). */
  const pixelDraft = (url: string): PixelDraft => ({
    deliveryMethod: 'postback',
    type: 'conversion',
    level: 'specific',
    status: 'active',
    ...(offer ? { offerId: offer.id } : {}),
    postbackUrl: url,
    delayMs: 0,
    ...(network && draft.partner ? { affiliateId: draft.partner.id } : {}),
  });
  // "create": the usual; "anyway": past the duplicate warning; "check": after an unknown outcome, only look
  // for the postback (never a second POST).
  const create = async (how: 'create' | 'anyway' | 'check') => {
    setTried(true);
    if (!built.ok || !built.check.valid || !offer || (network && !draft.partner)) return;
    props.onStart?.();
    setBusy(true);
    const known = error?.kind === 'unknown_outcome' ? (error.knownIds ?? []) : [];
    setError(undefined);
    const r =
      how === 'check'
        ? await api.findCreated(profileId, pixelDraft(built.url), known)
        : await api.createPixel(profileId, pixelDraft(built.url), how === 'anyway');
    if (!r.ok) {
      setBusy(false);
      setError(r.error);
      return;
    }
    const input: TemplateInput = {
      name: built.preset ? built.preset.tracker : new URL(built.url).hostname,
      side,
      tracker: built.preset?.id ?? 'custom',
      deliveryMethod: 'postback',
      pixelType: 'conversion',
      level: 'specific',
      postbackUrl: built.url,
      htmlCode: '',
      delayMs: 0,
      notes: '',
      description: '',
    };
    const saved = await api.saveTemplate(input);
    const made = saved.ok ? await api.setDefaultTemplate(profileId, saved.value.id) : saved;
    setBusy(false);
    await kept.clear();
    props.onCreated(r.value.pixel, r.value.recovered);
    if (saved.ok) props.onTemplate(saved.value);
    props.onNotice(
      made.ok && saved.ok
        ? i18n.t('popup.first.saved', [String(r.value.pixel.id), saved.value.name])
        : i18n.t('popup.first.templateFailed', [String(r.value.pixel.id), made.ok ? '' : made.error.message]),
    );
  };

  const problem = !built.ok
    ? built.message
    : !built.check.valid
      ? // Each error in its own words ("1 error" alone would not say what to change).
        built.check.errors.map((f) => f.message).join(' ')
      : network && !draft.partner
        ? i18n.t('popup.first.needPartner')
        : undefined;
  return (
    <section class="create create--first" aria-label={i18n.t('popup.first.label')}>
      <p class="muted create__intro">{i18n.t('popup.first.intro', [side])}</p>
      <div class="create__pick">
        <label for="first-tracker">{i18n.t('popup.first.tracker')}</label>
        <select
          id="first-tracker"
          value={draft.tracker}
          onChange={(e) => update({ ...draft, tracker: e.currentTarget.value as Draft['tracker'] })}
        >
          {TRACKER_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.tracker}
            </option>
          ))}
          <option value="custom">{i18n.t('popup.first.other')}</option>
        </select>
      </div>
      <div class="create__pick">
        <label for="first-text">{i18n.t('popup.first.text')}</label>
        <input
          id="first-text"
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder={i18n.t('popup.first.placeholder')}
          value={draft.text}
          aria-invalid={tried && problem ? 'true' : undefined}
          aria-describedby={tried && problem ? 'first-problem' : undefined}
          onInput={(e) => update({ ...draft, text: e.currentTarget.value })}
        />
      </div>
      {network ? (
        <PartnerPicker
          value={draft.partner}
          search={async (text) => {
            const r = await api.searchPartners(profileId, text);
            return r.ok ? ok(r.value.items.map((p) => ({ id: p.id, name: p.name }))) : r;
          }}
          onChange={(partner) => update({ ...draft, partner })}
        />
      ) : null}
      {built.ok && draft.text.trim() ? (
        <p class="preview__url">
          <code>{built.url}</code>
        </p>
      ) : null}
      {tried && problem ? (
        <p class="error" id="first-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? (
        <ActionError error={error} portalOrigin={props.portalOrigin} apiHost={props.apiHost} draftKept />
      ) : null}
      <div class="create__actions">
        {error?.kind === 'unknown_outcome' || error?.kind === 'duplicate' ? (
          <button
            type="button"
            class="button button--primary"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void create(error.kind === 'duplicate' ? 'anyway' : 'check')}
          >
            {error.kind === 'duplicate' ? i18n.t('popup.create.anyway') : i18n.t('popup.create.checkAgain')}
          </button>
        ) : (
          <button
            type="button"
            class="button button--primary"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void create('create')}
          >
            {busy ? i18n.t('popup.create.creating') : i18n.t('popup.create.submit')}
          </button>
        )}
        <button type="button" class="link-button" onClick={() => api.openOptions('#templates')}>
          {i18n.t('popup.first.settings')}
        </button>
      </div>
    </section>
  );
}
