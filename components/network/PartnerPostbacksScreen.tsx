import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PixelView, ProfileView } from '../../lib/messaging/views';
import type { Template } from '../../lib/storage/schemas';
import type { DraftStore } from '../drafts/use-draft';
import { Notice, type NoticeState } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import type { PartnerPostbacksApi } from './api';
import { EditorForm } from './EditorForm';
import { editorFromPixel, emptyEditor } from './editor-value';
import { PostbackConsole } from './PostbackConsole';

export interface PartnerPostbacksScreenProps {
  api: PartnerPostbacksApi;
  drafts: DraftStore;
  /** From the address: "new", a postback id (edit), or none (the console). */
  item?: string | undefined;
  navigate: (item?: string) => void;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; profiles: ProfileView[]; templates: Template[] }
  | { kind: 'error'; message: string };

/** The network profile to work with: the default one if it is a network profile, else the first. */
function firstChoice(profiles: readonly ProfileView[]): string | undefined {
  return (profiles.find((p) => p.isDefault) ?? profiles[0])?.id;
}

/**
 * "Partner postbacks" (network profiles): the search console, and the create/edit form at
 * `#partner-postbacks/new` and `#partner-postbacks/<id>`, with a profile picker when there are several
 * network profiles.
 */
export function PartnerPostbacksScreen({ api, drafts, item, navigate }: PartnerPostbacksScreenProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [profileId, setProfileId] = useState<string>();
  const [notice, setNotice] = useState<NoticeState>();

  const refresh = useCallback(async () => {
    const [profiles, templates] = await Promise.all([api.profiles(), api.templates()]);
    if (!profiles.ok) return setLoad({ kind: 'error', message: profiles.error.message });
    const network = profiles.value.filter((p) => p.role === 'network');
    setLoad({ kind: 'ready', profiles: network, templates: templates.ok ? templates.value : [] });
    setProfileId((id) => (id && network.some((p) => p.id === id) ? id : firstChoice(network)));
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (load.kind === 'loading') {
    return (
      <p class="status" aria-busy="true">
        {i18n.t('common.loading')}
      </p>
    );
  }
  if (load.kind === 'error') {
    return (
      <p class="alert" role="alert">
        {load.message}
      </p>
    );
  }
  const profile = load.profiles.find((p) => p.id === profileId);
  if (!profile) {
    return (
      <p class="intro">
        {i18n.t('network.noProfile')} <a href="#profiles">{i18n.t('options.nav.profiles')}</a>
      </p>
    );
  }
  const pixelId = item && /^\d+$/.test(item) ? Number(item) : undefined;
  const back = (n?: NoticeState) => {
    setNotice(n);
    navigate(undefined);
  };
  return (
    <div class="screen">
      <p class="intro">{i18n.t('network.intro')}</p>
      {load.profiles.length > 1 && (
        <SelectField
          id="pp-profile"
          label={i18n.t('network.profile')}
          value={profile.id}
          options={load.profiles.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(id) => {
            setProfileId(id);
            back(undefined);
          }}
        />
      )}
      <Notice state={notice} />
      {item === 'new' ? (
        <EditorForm
          key={`${profile.id}:new`}
          api={api}
          drafts={drafts}
          profileId={profile.id}
          initial={emptyEditor()}
          templates={load.templates}
          onSaved={() => back()}
          onBack={() => back()}
        />
      ) : pixelId !== undefined ? (
        <EditPixel
          key={`${profile.id}:${pixelId}`}
          api={api}
          drafts={drafts}
          profileId={profile.id}
          pixelId={pixelId}
          onDone={back}
        />
      ) : (
        <>
          <div class="toolbar">
            <button type="button" class="button button--primary" onClick={() => navigate('new')}>
              {i18n.t('network.new')}
            </button>
          </div>
          <PostbackConsole
            key={profile.id}
            api={api}
            profileId={profile.id}
            onEdit={(p) => navigate(String(p.id))}
            onNotice={setNotice}
            portalUrl={profile.portalDomains[0] ? `https://${profile.portalDomains[0]}` : undefined}
          />
        </>
      )}
    </div>
  );
}

interface EditPixelProps {
  api: PartnerPostbacksApi;
  drafts: DraftStore;
  profileId: string;
  pixelId: number;
  onDone: (notice?: NoticeState) => void;
}

/** Loads the postback fresh from Everflow, then opens it in the editor. */
function EditPixel({ api, drafts, profileId, pixelId, onDone }: EditPixelProps) {
  const [pixel, setPixel] = useState<PixelView | { error: string }>();
  useEffect(() => {
    let live = true;
    void api
      .get(profileId, pixelId)
      .then((r) => live && setPixel(r.ok ? r.value : { error: r.error.message }));
    return () => {
      live = false;
    };
  }, [api, profileId, pixelId]);
  if (!pixel) {
    return (
      <p class="status" aria-busy="true">
        {i18n.t('network.editor.loading')}
      </p>
    );
  }
  if ('error' in pixel) {
    return (
      <div>
        <p class="alert" role="alert">
          {pixel.error}
        </p>
        <button type="button" class="button" onClick={() => onDone()}>
          {i18n.t('network.editor.back')}
        </button>
      </div>
    );
  }
  return (
    <EditorForm
      api={api}
      drafts={drafts}
      profileId={profileId}
      editing={pixel}
      initial={editorFromPixel(pixel)}
      templates={[]}
      onSaved={(saved) =>
        onDone({ kind: 'ok', text: i18n.t('network.editor.saved', [String(saved.id)]), focus: true })
      }
      onBack={() => onDone()}
    />
  );
}
