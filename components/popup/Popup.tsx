import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OfferView, PixelView } from '../../lib/messaging/views';
import { offerIdFromUrl, profileForHost } from '../../lib/popup/offer-from-url';
import type { CreatePanelProps } from './CreatePanel';
import type { EditPanelProps } from './EditPanel';
import { OfferBar } from './OfferBar';
import { PostbackList } from './PostbackList';
import type { PopupApi, PopupStart } from './popup-api';
import { useLazy } from './use-lazy';
import { usePostbacks } from './use-postbacks';

const loadCreate = () => import('./CreatePanel').then((m) => m.CreatePanel);
const loadEdit = () => import('./EditPanel').then((m) => m.EditPanel);

interface OfferState {
  id: number;
  view?: OfferView;
  source: 'tab' | 'picked';
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The toolbar popup: the offer of the active tab, its postbacks with one-click switches, and a new postback from
 * a template. Reads what it already knows from storage, so it paints before the background answers.
 */
export function Popup({ api }: { api: PopupApi }) {
  const [start, setStart] = useState<PopupStart>();
  const [profileId, setProfileId] = useState<string>();
  const [offer, setOffer] = useState<OfferState>();
  const [view, setView] = useState<'offer' | 'all'>('offer');
  const [editing, setEditing] = useState<PixelView>();
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [notice, setNotice] = useState<string>();
  const CreatePanel = useLazy<CreatePanelProps>(loadCreate);
  const EditPanel = useLazy<EditPanelProps>(loadEdit);

  useEffect(() => {
    void api.start().then((s) => {
      setStart(s);
      const withDefault = s.profiles.map((p) => ({
        ...p,
        isDefault: p.id === (s.settings.defaultProfileId ?? s.profiles[0]?.id),
      }));
      const host = hostOf(s.tabUrl);
      const matched = host ? profileForHost(host, withDefault) : null;
      const profile = matched ?? withDefault.find((p) => p.isDefault);
      setProfileId(profile?.id);
      const id = matched ? offerIdFromUrl(s.tabUrl) : null;
      if (id) setOffer({ id, source: 'tab' });
      else setView('all');
    });
  }, [api]);

  const profile = start?.profiles.find((p) => p.id === profileId);
  const listOfferId = view === 'offer' ? offer?.id : undefined;
  const { rows, refreshing, error, setRows } = usePostbacks(api, profileId, listOfferId);

  // The offer's name and events: cached first, then fresh.
  useEffect(() => {
    if (!profileId || !offer || offer.view) return;
    let live = true;
    void api
      .cachedOffer(profileId, offer.id)
      .then((v) => live && v && setOffer((o) => (o?.id === v.id ? { ...o, view: v } : o)));
    void api
      .getOffer(profileId, offer.id)
      .then((r) => live && r.ok && setOffer((o) => (o?.id === r.value.id ? { ...o, view: r.value } : o)));
    return () => {
      live = false;
    };
  }, [api, profileId, offer?.id]);

  const toggle = useCallback(
    async (p: PixelView) => {
      if (!profileId) return;
      const next = p.status === 'active' ? 'inactive' : 'active';
      const swap = (row: PixelView) => setRows((all) => all.map((x) => (x.id === row.id ? row : x)));
      swap({ ...p, status: next });
      setPending((s) => new Set(s).add(p.id));
      setRowErrors(({ [p.id]: _gone, ...rest }) => rest);
      const r = await api.setStatus(profileId, p.id, next);
      setPending((s) => {
        const n = new Set(s);
        n.delete(p.id);
        return n;
      });
      if (r.ok) swap(r.value);
      else {
        swap(p);
        setRowErrors((e) => ({ ...e, [p.id]: r.error.message }));
      }
    },
    [api, profileId, setRows],
  );

  if (!start) return <main class="popup" data-state="loading" aria-busy="true" />;
  if (!start.profiles.length || !profile) {
    return (
      <main class="popup" data-state="ready">
        <h1>Postback Companion</h1>
        <p>Add the API key of an Everflow network to get started.</p>
        <button type="button" class="button button--primary" onClick={() => api.openOptions('#profiles')}>
          Add a profile
        </button>
      </main>
    );
  }
  const portalOrigin = start.tabUrl && offer?.source === 'tab' ? new URL(start.tabUrl).origin : undefined;
  const templates = start.templates.filter((t) => t.side === profile.role);
  const ready = rows !== null;

  return (
    <main class="popup" data-state={ready ? 'ready' : 'loading'} aria-busy={!ready}>
      <header class="popup__header">
        <select
          aria-label="Profile"
          value={profileId}
          onChange={(e) => {
            setProfileId(e.currentTarget.value);
            setRowErrors({});
            void api.setDefaultProfile(e.currentTarget.value);
          }}
        >
          {start.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" class="link-button" onClick={() => api.openOptions()}>
          Settings
        </button>
      </header>
      {editing && EditPanel ? (
        <EditPanel
          api={api}
          profileId={profile.id}
          pixel={editing}
          {...(offer?.view ? { offer: offer.view } : {})}
          {...(portalOrigin ? { portalOrigin } : {})}
          onSaved={(p) => {
            setRows((all) => all.map((x) => (x.id === p.id ? p : x)));
            setEditing(undefined);
            setNotice(`Saved postback #${p.id}.`);
          }}
          onClose={() => setEditing(undefined)}
        />
      ) : (
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
            <fieldset class="tabs" aria-label="Which postbacks">
              <button type="button" aria-pressed={view === 'offer'} onClick={() => setView('offer')}>
                This offer
              </button>
              <button type="button" aria-pressed={view === 'all'} onClick={() => setView('all')}>
                All postbacks
              </button>
            </fieldset>
          ) : null}
          {CreatePanel && view === 'offer' ? (
            <CreatePanel
              key={`${profile.id}:${offer?.id ?? 'none'}`}
              api={api}
              profileId={profile.id}
              side={profile.role}
              templates={templates}
              {...(start.settings.defaultTemplateIds[profile.id]
                ? { defaultTemplateId: start.settings.defaultTemplateIds[profile.id] }
                : {})}
              {...(offer
                ? { offer: offer.view ?? { id: offer.id, name: `Offer ${offer.id}`, events: [] } }
                : {})}
              {...(portalOrigin ? { portalOrigin } : {})}
              onCreated={(p, recovered) => {
                setRows((all) => [p, ...all.filter((x) => x.id !== p.id)]);
                setNotice(
                  recovered
                    ? `Postback #${p.id} was already saved; nothing was sent twice.`
                    : `Created postback #${p.id}.`,
                );
              }}
            />
          ) : null}
          {notice ? (
            <p class="notice" role="status">
              {notice}
            </p>
          ) : null}
          {error ? (
            <p class="action-error" role="alert" data-kind={error.kind}>
              {error.message}
              {rows?.length ? ' Showing what was loaded before.' : ''}
            </p>
          ) : null}
          {ready ? (
            <PostbackList
              rows={rows}
              pending={pending}
              errors={rowErrors}
              onToggle={toggle}
              onEdit={setEditing}
              all={view === 'all'}
            />
          ) : (
            <p class="muted">Loading postbacks…</p>
          )}
          {refreshing && ready ? <p class="muted refreshing">Checking for changes…</p> : null}
        </>
      )}
    </main>
  );
}
