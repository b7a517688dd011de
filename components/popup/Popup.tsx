import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { OfferView } from '../../lib/model/offer';
import type { PixelView } from '../../lib/model/pixel';
import { hostOfUrl } from '../../lib/portal/domain';
import { isPortalTab } from '../../lib/portal/remembered-host';
import { err, type Result } from '../../lib/result';
import { defaultTemplateFor } from '../../lib/templates/default-template';
import type { NeedsAttentionProps } from '../health/NeedsAttention';
import { ListGapsNotice } from '../ListGapsNotice';
import type { TestFirePanelProps, TestFireSource } from '../test-fire/TestFirePanel';
import { formatAsOf } from '../ui/format';
import { useStatusToggle } from '../use-status-toggle';
import type { CreatePanelProps } from './CreatePanel';
import { CreatePanelShell } from './CreatePanelShell';
import { DeleteConfirm } from './DeleteConfirm';
import type { EditPanelProps } from './EditPanel';
import { ActionError } from './errors';
import { OfferBar } from './OfferBar';
import { PortalQuestion } from './PortalQuestion';
import { PostbackList } from './PostbackList';
import { MARK_INTERACTIVE } from './perf-marks';
import type { PopupApi, PopupStart } from './popup-api';
import { UndoToast } from './UndoToast';
import { useLazy } from './use-lazy';
import { usePostbacks } from './use-postbacks';

/** Back from the edit form: the top of the popup (the notice), then the row edited, once the list is back. */
function scrollToRow(pixelId: number): void {
  requestAnimationFrame(() => {
    window.scrollTo(0, 0);
    document.querySelector(`[data-pixel-id="${pixelId}"]`)?.scrollIntoView({ block: 'nearest' });
  });
}

const loadCreate = () => import('./CreatePanel').then((m) => m.CreatePanel);
const loadEdit = () => import('./EditPanel').then((m) => m.EditPanel);
// Loaded after the list has painted, like the panels: it is not part of the popup's first paint.
const loadAttention = () => import('../health/NeedsAttention').then((m) => m.NeedsAttention);
const loadTestFire = () => import('../test-fire/TestFirePanel').then((m) => m.TestFirePanel);

/** The test-fire source of a postback. */
function testSource(p: PixelView): TestFireSource {
  return p.deliveryMethod === 'html'
    ? { htmlCode: p.htmlCode, pixelType: p.type }
    : { postbackUrl: p.postbackUrl, pixelType: p.type };
}

interface OfferState {
  id: number;
  view?: OfferView;
  source: 'tab' | 'picked';
}

/**
 * The toolbar popup: the offer of the active tab, its postbacks with one-click switches, and a new postback from
 * a template. Reads what it already knows from storage, so it paints before the background answers.
 */
export function Popup({ api, initial }: { api: PopupApi; initial?: Result<PopupStart, AppError> }) {
  // With `initial` (the start answer arrived before the first render), the first render already shows the rows:
  // no empty shell, and no frame spent waiting for an effect to ask for them.
  const first = initial?.ok ? initial.value : undefined;
  const [start, setStart] = useState<PopupStart | undefined>(first);
  const [profileId, setProfileId] = useState<string | undefined>(first?.profileId);
  const [offer, setOffer] = useState<OfferState | undefined>(
    first?.offer ? { ...first.offer, source: 'tab' } : undefined,
  );
  const [view, setView] = useState<'offer' | 'all'>(first && !first.offer ? 'all' : 'offer');
  const [editing, setEditing] = useState<PixelView>();
  const [notice, setNotice] = useState<string>();
  // The last toggle, edit or delete, offered for undo for a few seconds (issue 17.4).
  const [undoable, setUndoable] = useState<{ pixelId: number; text: string; at: number }>();
  const offerUndo = (pixelId: number, text: string) => {
    setNotice(undefined);
    setUndoable({ pixelId, text, at: performance.now() });
  };
  const clearUndo = useCallback(() => setUndoable(undefined), []);
  const [deleting, setDeleting] = useState<{ pixel: PixelView; busy: boolean; error?: string }>();
  const [testing, setTesting] = useState<PixelView>();
  const [question, setQuestion] = useState<PopupStart['question']>(first?.question);

  const [startError, setStartError] = useState<string | undefined>(
    initial && !initial.ok ? initial.error.message : undefined,
  );
  useEffect(() => {
    if (initial) return;
    void api.start().then((r) => {
      if (!r.ok) return setStartError(r.error.message);
      setStart(r.value);
      setProfileId(r.value.profileId);
      setQuestion(r.value.question);
      if (r.value.offer) setOffer({ ...r.value.offer, source: 'tab' });
      else setView('all');
    });
    // `initial` only seeds the first render.
  }, [api]);

  const profile = start?.profiles.find((p) => p.id === profileId);
  const listOfferId = view === 'offer' ? offer?.id : undefined;
  const postbacks = usePostbacks(
    api,
    profileId,
    listOfferId,
    start?.profileId
      ? {
          profileId: start.profileId,
          offerId: start.offer?.id,
          rows: start.rows,
          partial: start.rowsTotal !== undefined,
          fetchedAt: start.rowsFetchedAt,
        }
      : undefined,
  );
  const { rows, patched, refreshing, error, gaps, asOf, retry, setRows, patchRow, noteChange } = postbacks;
  const painted = rows !== null;
  useEffect(() => {
    if (painted) performance.mark(MARK_INTERACTIVE);
  }, [painted]);
  // The panels load after the list has painted (or at once when the user asks to edit).
  const CreatePanel = useLazy<CreatePanelProps>(loadCreate, rows !== null && view === 'offer');
  const EditPanel = useLazy<EditPanelProps>(loadEdit, rows !== null || editing !== undefined);
  const TestFirePanel = useLazy<TestFirePanelProps>(loadTestFire, testing !== undefined);
  const NeedsAttention = useLazy<NeedsAttentionProps>(
    loadAttention,
    rows !== null && api.health !== undefined,
  );

  // The offer's name and events, fresh from the API (the start message brought the cached ones).
  useEffect(() => {
    if (!profileId || !offer || offer.view) return;
    let live = true;
    void api
      .getOffer(profileId, offer.id)
      .then((r) => live && r.ok && setOffer((o) => (o?.id === r.value.id ? { ...o, view: r.value } : o)));
    return () => {
      live = false;
    };
  }, [api, profileId, offer?.id]);

  const {
    toggle,
    pending,
    errors: rowErrors,
    clearErrors,
  } = useStatusToggle({
    setStatus: async (pixelId, status) => {
      if (!profileId) return err({ kind: 'unavailable', message: i18n.t('popup.noProfileSelected') });
      const r = await api.setStatus(profileId, pixelId, status);
      if (r.ok)
        offerUndo(
          pixelId,
          i18n.t(status === 'active' ? 'popup.switchedOn' : 'popup.switchedOff', [String(pixelId)]),
        );
      return r;
    },
    // One entry in `patched`: a switch costs the same at 10 rows as at 10 000.
    replace: patchRow,
    onChange: noteChange,
  });

  // Network profiles only (the affiliate API has no delete): confirmed first, then gone from the list.
  const remove = async (p: PixelView) => {
    if (!profileId) return;
    setDeleting({ pixel: p, busy: true });
    const r = await api.deletePixel(profileId, p.id);
    noteChange(p.id);
    if (!r.ok) return setDeleting({ pixel: p, busy: false, error: r.error.message });
    setDeleting(undefined);
    setRows((all) => all.filter((x) => x.id !== p.id));
    offerUndo(p.id, i18n.t('popup.deleted', [String(p.id)]));
  };

  const role = profile?.role;
  // Event postbacks whose answer does not name their event are named from the offer's events.
  const offerEvents = offer?.view?.events;
  const eventNames = useMemo(
    () => (offerEvents?.length ? new Map(offerEvents.map((e) => [e.id, e.name])) : undefined),
    [offerEvents],
  );
  const testFireApi = api.testFire;
  // A status line (or undo offer) belongs to the action that made it: a row's switch, edit, delete or a create
  // starts a new one.
  const clearStatus = useCallback(() => {
    setNotice(undefined);
    setUndoable(undefined);
  }, []);
  const confirmDelete = useCallback(
    (p: PixelView) => {
      clearStatus();
      setDeleting({ pixel: p, busy: false });
    },
    [clearStatus],
  );
  const toggleRow = useCallback(
    (p: PixelView) => {
      clearStatus();
      return toggle(p);
    },
    [toggle, clearStatus],
  );
  const editRow = useCallback(
    (p: PixelView) => {
      clearStatus();
      setEditing(p);
    },
    [clearStatus],
  );
  // The same element while its inputs are unchanged, so Preact skips the list when anything else re-renders
  // (the refresh note, the lazy panels, notices).
  const list = useMemo(
    () =>
      rows === null ? null : (
        <PostbackList
          rows={rows}
          patched={patched}
          pending={pending}
          errors={rowErrors}
          onToggle={toggleRow}
          onEdit={editRow}
          onDelete={role === 'network' ? confirmDelete : undefined}
          onTestFire={testFireApi ? setTesting : undefined}
          all={view === 'all'}
          eventNames={eventNames}
          total={start?.rowsTotal !== undefined && rows === start.rows ? start.rowsTotal : undefined}
        />
      ),
    [
      rows,
      patched,
      pending,
      rowErrors,
      toggleRow,
      editRow,
      role,
      confirmDelete,
      view,
      eventNames,
      testFireApi,
      start,
    ],
  );

  if (startError) {
    return (
      <main class="popup" data-state="error">
        <p class="action-error" role="alert">
          {startError}
        </p>
      </main>
    );
  }
  if (!start) return <main class="popup" data-state="loading" aria-busy="true" />;
  if (!start.profiles.length || !profile) {
    return (
      <main class="popup" data-state="ready">
        <h1>{i18n.t('popup.title')}</h1>
        <p>{i18n.t('popup.noProfile')}</p>
        <button type="button" class="button button--primary" onClick={() => api.openOptions('#profiles')}>
          {i18n.t('popup.addProfile')}
        </button>
      </main>
    );
  }
  const portalOrigin = start.tabUrl && offer?.source === 'tab' ? new URL(start.tabUrl).origin : undefined;
  // The host a header pick is remembered for: only a portal (asked about, claimed, or an offer page), never any site.
  const pickHost =
    question?.host ?? (isPortalTab(start.tabUrl, start.profiles) ? hostOfUrl(start.tabUrl) : null);
  // Where unreadable rows can be seen: the portal the tab is on, else the profile's first portal domain.
  const portalUrl =
    portalOrigin ?? (profile.portalDomains[0] ? `https://${profile.portalDomains[0]}` : undefined);
  const templates = start.templates.filter((t) => t.side === profile.role);
  const defaultTemplateId = defaultTemplateFor(start, profile.id, templates)?.id;
  const ready = rows !== null;
  const asking = question !== undefined && !question.guessed;

  return (
    <main class="popup" data-state={ready ? 'ready' : 'loading'} aria-busy={!ready}>
      <header class="popup__header">
        <select
          aria-label={i18n.t('popup.profile')}
          value={profileId}
          onChange={(e) => {
            setProfileId(e.currentTarget.value);
            clearErrors();
            // Remembered for this portal only: the default profile stays what the options page says.
            if (pickHost) void api.pickProfile(pickHost, e.currentTarget.value);
          }}
        >
          {start.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" class="link-button" onClick={() => api.openOptions()}>
          {i18n.t('popup.settings')}
        </button>
      </header>
      {NeedsAttention && api.health && ready && !testing && !editing ? (
        <NeedsAttention api={api.health} hideWhenEmpty onTestFire={(p) => setTesting(p)} />
      ) : null}
      {testing ? (
        <section class="panel" aria-label={i18n.t('popup.test.label', [String(testing.id)])}>
          <h2>{i18n.t('testFire.dialogTitle', [String(testing.id)])}</h2>
          {TestFirePanel && api.testFire ? (
            <TestFirePanel
              api={api.testFire}
              source={testSource(testing)}
              onClose={() => setTesting(undefined)}
            />
          ) : (
            <p class="muted">{i18n.t('popup.test.loading')}</p>
          )}
        </section>
      ) : deleting ? (
        <DeleteConfirm
          pixel={deleting.pixel}
          busy={deleting.busy}
          error={deleting.error}
          onConfirm={() => void remove(deleting.pixel)}
          onCancel={() => setDeleting(undefined)}
        />
      ) : editing && EditPanel ? (
        <EditPanel
          api={api}
          profileId={profile.id}
          pixel={editing}
          templates={templates}
          {...(offer?.view ? { offer: offer.view } : {})}
          {...(portalOrigin ? { portalOrigin } : {})}
          onSaved={(p) => {
            noteChange(p.id);
            patchRow(p);
            setEditing(undefined);
            offerUndo(p.id, i18n.t('popup.saved', [String(p.id)]));
            scrollToRow(p.id);
          }}
          onClose={() => {
            const id = editing.id;
            setEditing(undefined);
            scrollToRow(id);
          }}
        />
      ) : (
        <>
          {question ? (
            <PortalQuestion
              host={question.host}
              offerId={question.offerId}
              profiles={question.candidates.flatMap((id) => start.profiles.filter((p) => p.id === id))}
              current={question.guessed ? profileId : undefined}
              claim={api.claimPortal}
              onClaimed={(p) => {
                setStart({
                  ...start,
                  profiles: start.profiles.map((x) =>
                    x.id === p.id ? { ...x, portalDomains: p.portalDomains } : x,
                  ),
                });
                setProfileId(p.id);
                setOffer((o) => (o?.id === question.offerId ? o : { id: question.offerId, source: 'tab' }));
                setView('offer');
                setQuestion(undefined);
                clearErrors();
              }}
            />
          ) : null}
          {/* Until the portal's profile is known, the question is the whole answer: no "No offer", no list. */}
          {asking ? null : (
            <>
              <OfferBar
                {...(offer ? { offerId: offer.id } : {})}
                {...(offer?.view ? { offerName: offer.view.name } : {})}
                source={offer?.source ?? 'none'}
                search={(text) => api.searchOffers(profile.id, text)}
                onPick={(o) => {
                  setOffer(o ? { id: o.id, view: o, source: 'picked' } : undefined);
                  setView(o ? 'offer' : 'all');
                }}
              />
              {offer ? (
                <fieldset class="tabs" aria-label={i18n.t('popup.whichPostbacks')}>
                  <button type="button" aria-pressed={view === 'offer'} onClick={() => setView('offer')}>
                    {i18n.t('popup.thisOffer')}
                  </button>
                  <button type="button" aria-pressed={view === 'all'} onClick={() => setView('all')}>
                    {i18n.t('popup.allPostbacks')}
                  </button>
                </fieldset>
              ) : null}
              {view === 'offer' && !CreatePanel ? (
                <CreatePanelShell templates={templates} defaultTemplateId={defaultTemplateId} />
              ) : null}
              {CreatePanel && view === 'offer' ? (
                <CreatePanel
                  key={`${profile.id}:${offer?.id ?? 'none'}:${templates.length ? 'templates' : 'first'}`}
                  api={api}
                  profileId={profile.id}
                  side={profile.role}
                  templates={templates}
                  {...(defaultTemplateId ? { defaultTemplateId } : {})}
                  {...(offer
                    ? {
                        offer: offer.view ?? {
                          id: offer.id,
                          name: i18n.t('popup.offerN', [String(offer.id)]),
                          events: [],
                        },
                      }
                    : {})}
                  {...(portalOrigin ? { portalOrigin } : {})}
                  listed={rows ?? []}
                  apiHost={profile.apiHost}
                  onTemplate={(t) =>
                    setStart(
                      (s) =>
                        s && {
                          ...s,
                          templates: [...s.templates, t],
                          defaultTemplateIds: { ...s.defaultTemplateIds, [profile.id]: t.id },
                        },
                    )
                  }
                  onDefault={(templateId) => {
                    void api.setDefaultTemplate(profile.id, templateId).then((r) => {
                      if (r.ok)
                        setStart((s) => s && { ...s, defaultTemplateIds: r.value.defaultTemplateIds });
                      else setNotice(r.error.message);
                    });
                  }}
                  onNotice={setNotice}
                  onStart={clearStatus}
                  onCreated={(p, recovered) => {
                    noteChange(p.id);
                    setUndoable(undefined);
                    setRows((all) => [p, ...all.filter((x) => x.id !== p.id)]);
                    setNotice(i18n.t(recovered ? 'popup.recovered' : 'popup.created', [String(p.id)]));
                  }}
                />
              ) : null}
              {notice ? (
                <p class="notice" role="status">
                  {notice}
                </p>
              ) : null}
              {undoable && profileId ? (
                <UndoToast
                  key={undoable.at}
                  text={undoable.text}
                  onUndo={async (confirm) => {
                    const r = await api.undoLatest(profileId, undoable.pixelId, confirm);
                    // The reply carries the row as it is now: the list shows it at once (it is not read again).
                    if (r.ok && r.value.pixel) {
                      noteChange(r.value.pixel.id);
                      patchRow(r.value.pixel);
                    }
                    return r;
                  }}
                  onDone={clearUndo}
                />
              ) : null}
              {error ? (
                <ActionError
                  error={{
                    ...error,
                    // The list on screen is older than what failed: say how old ("as of 10:42").
                    message: `${error.message}${
                      rows?.length
                        ? asOf
                          ? i18n.t('popup.showingAsOf', [formatAsOf(asOf)])
                          : i18n.t('popup.showingBefore')
                        : ''
                    }`,
                  }}
                  apiHost={profile.apiHost}
                  onRetry={refreshing ? undefined : retry}
                />
              ) : null}
              <ListGapsNotice gaps={gaps} shown={rows?.length ?? 0} portalUrl={portalUrl} />
              {list ?? (
                <p class="muted">
                  {/* The cache is bounded (lib/background/cache.ts): an evicted list is loaded again, and said so. */}
                  {start.evicted && profileId === start.profileId
                    ? i18n.t('popup.evicted')
                    : i18n.t('popup.loading')}
                </p>
              )}
              {refreshing && ready ? <p class="muted refreshing">{i18n.t('popup.refreshing')}</p> : null}
            </>
          )}
        </>
      )}
    </main>
  );
}
