import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { BulkApi } from '../bulk/api';
import { BulkScreen } from '../bulk/BulkScreen';
import type { DraftStore } from '../drafts/use-draft';
import { HealthScreen } from '../health/HealthScreen';
import type { HealthApi } from '../health/health-api';
import { type HistoryApi, HistoryScreen } from '../history/HistoryScreen';
import type { PartnerPostbacksApi } from '../network/api';
import { PartnerPostbacksScreen } from '../network/PartnerPostbacksScreen';
import { type ProfilesApi, ProfilesScreen } from '../profiles/ProfilesScreen';
import type { PermissionsApi } from '../profiles/permissions';
import { type SettingsApi, SettingsScreen } from '../settings/SettingsScreen';
import { type TemplatesApi, TemplatesScreen } from '../templates/TemplatesScreen';
import type { TestFireApi } from '../test-fire/test-fire-api';
import { parseHash, type Route, SECTIONS, type Section, toHash } from './route';

/** Everything the options page talks to, injected by the entrypoint (and by tests). */
export interface OptionsServices {
  profiles: ProfilesApi;
  templates: TemplatesApi;
  settings: SettingsApi;
  drafts: DraftStore;
  permissions: PermissionsApi;
  /** Network profiles: the partner-postback console. */
  partnerPostbacks: PartnerPostbacksApi;
  /** Bulk jobs: apply to offers, find and replace, the jobs (issue 17). */
  bulk: BulkApi;
  /** The write history and undo (issue 17). */
  history: HistoryApi;
  /** The health watch's list and test-fire (issue 18); optional so tests of other sections need not fake them. */
  health?: HealthApi;
  testFire?: TestFireApi;
}

export interface OptionsPageProps {
  services: OptionsServices;
  /** Shown under the title (the version line). */
  status?: ComponentChildren;
}

function sectionLabel(s: Section): string {
  if (s === 'partner-postbacks') return i18n.t('options.nav.partnerPostbacks');
  if (s === 'templates') return i18n.t('options.nav.templates');
  if (s === 'settings') return i18n.t('options.nav.settings');
  if (s === 'bulk') return i18n.t('options.nav.bulk');
  if (s === 'history') return i18n.t('options.nav.history');
  if (s === 'health') return i18n.t('options.nav.health');
  return i18n.t('options.nav.profiles');
}

/**
 * The options page: one heading, a navigation list, and the section the address names (#profiles,
 * #partner-postbacks, #templates, #settings; `#templates/new`, `#partner-postbacks/<id>` or `#profiles/<id>` open a
 * form, so a reload reopens it and its draft).
 */
export function OptionsPage({ services, status }: OptionsPageProps) {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  const [hasNetwork, setHasNetwork] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // "Partner postbacks" is for network profiles: look again whenever the section changes (one may be added).
  useEffect(() => {
    let live = true;
    void services.profiles.list().then((r) => {
      if (live && r.ok) setHasNetwork(r.value.some((p) => p.role === 'network'));
    });
    return () => {
      live = false;
    };
  }, [services, route.section]);

  useEffect(() => {
    const onHash = () => {
      const next = parseHash(location.hash);
      setRoute((prev) => {
        moved.current = prev.section !== next.section;
        return next;
      });
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // After a section change, focus its heading, so keyboard and screen-reader users land on the new content.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
  }, [route.section]);

  const navigate = (item?: string) => {
    const hash = toHash({ section: route.section, item });
    if (location.hash !== hash) location.hash = hash;
  };
  return (
    <div class="options">
      <header class="options__header">
        <h1>{i18n.t('extName')}</h1>
        {status}
      </header>
      <div class="options__body">
        <nav class="options__nav" aria-label={i18n.t('options.navLabel')}>
          <ul>
            {SECTIONS.filter(
              (s) => s !== 'partner-postbacks' || hasNetwork || route.section === 'partner-postbacks',
            ).map((s) => (
              <li key={s}>
                <a href={`#${s}`} aria-current={route.section === s ? 'page' : undefined}>
                  {sectionLabel(s)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="options__main" aria-labelledby="section-heading">
          <h2 id="section-heading" ref={heading} tabIndex={-1}>
            {sectionLabel(route.section)}
          </h2>
          {route.section === 'profiles' && (
            <ProfilesScreen
              api={services.profiles}
              permissions={services.permissions}
              drafts={services.drafts}
              item={route.item}
              navigate={navigate}
            />
          )}
          {route.section === 'partner-postbacks' && (
            <PartnerPostbacksScreen
              api={services.partnerPostbacks}
              drafts={services.drafts}
              item={route.item}
              navigate={navigate}
            />
          )}
          {route.section === 'templates' && (
            <TemplatesScreen
              api={services.templates}
              {...(services.testFire ? { testFire: services.testFire } : {})}
              drafts={services.drafts}
              item={route.item}
              navigate={navigate}
            />
          )}
          {route.section === 'bulk' && <BulkScreen api={services.bulk} />}
          {route.section === 'history' && <HistoryScreen api={services.history} />}
          {route.section === 'health' && services.health && services.testFire && (
            <HealthScreen health={services.health} testFire={services.testFire} />
          )}
          {route.section === 'settings' && <SettingsScreen api={services.settings} />}
        </main>
      </div>
    </div>
  );
}
