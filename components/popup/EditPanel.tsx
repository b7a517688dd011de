import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppError } from '../../lib/messaging/protocol';
import type { OfferView, PixelView } from '../../lib/messaging/views';
import { type PostbackFormValue, parseValue, toPixelDraft } from '../postback-form/model';
import { PostbackForm } from '../postback-form/PostbackForm';
import { formIssues, integrationErrors, issuesByField } from '../postback-form/rules';
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
  onSaved: (pixel: PixelView) => void;
  onClose: () => void;
}

/**
 * Edit an existing postback with the shared form. Saving is the affiliate "Update Postback" (or the network
 * update): the background GETs the postback, applies these fields and PUTs the whole object back.
 */
export function EditPanel({ api, profileId, pixel, offer, portalOrigin, onSaved, onClose }: EditPanelProps) {
  const formId = `popup:edit:${profileId}:${pixel.id}`;
  const [value, setValue] = useState<PostbackFormValue>(() => fromPixel(pixel));
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [restored, setRestored] = useState(false);
  const loaded = useRef(false);
  // What the server had when the draft was started: a draft made on an older version is dropped, never saved
  // over newer server data.
  const base = JSON.stringify(fromPixel(pixel));

  useEffect(() => {
    void api.loadDraft(formId).then((raw) => {
      const draft = parseValue(raw?.value);
      if (draft && raw?.base === base) {
        setValue(draft);
        setRestored(true);
      } else if (raw) void api.clearDraft(formId);
      loaded.current = true;
    });
  }, [api, formId, base]);

  const side = pixel.side;
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
    await api.clearDraft(formId);
    onSaved(r.value);
  };

  return (
    <section class="edit" aria-label={`Edit postback ${pixel.id}`}>
      <h2>Edit postback #{pixel.id}</h2>
      {restored ? (
        <p class="notice" role="status">
          Your unsaved changes are back.{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setValue(fromPixel(pixel));
              setRestored(false);
              void api.clearDraft(formId);
            }}
          >
            Discard them
          </button>
        </p>
      ) : null}
      <PostbackForm
        side={side}
        value={value}
        onChange={(next) => {
          setValue(next);
          setError(undefined);
          if (loaded.current) void api.saveDraft(formId, { value: next, base });
        }}
        errors={tried ? issuesByField(issues) : {}}
        integrationErrors={tried ? integrationErrors(issues) : {}}
        {...(offer
          ? { offers: [offer], loadEvents: async () => ({ ok: true as const, value: offer.events }) }
          : {})}
      />
      {error ? <ActionError error={error} portalOrigin={portalOrigin} draftKept /> : null}
      <div class="create__actions">
        <button type="button" class="button" onClick={onClose}>
          Back
        </button>
        {api.testFire ? <TestFireButton api={api.testFire} value={value} /> : null}
        <button
          type="button"
          class="button button--primary"
          disabled={busy}
          aria-busy={busy}
          onClick={() => void save()}
        >
          Save postback
        </button>
      </div>
    </section>
  );
}
