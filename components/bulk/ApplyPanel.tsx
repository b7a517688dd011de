import { useEffect, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ApplyTarget, PlannedCreate } from '../../lib/model/jobs';
import type { OfferView } from '../../lib/model/offer';
import type { ProfileView } from '../../lib/model/profile';
import type { Template } from '../../lib/model/template';
import { Notice, type NoticeState } from '../ui/Notice';
import type { BulkApi } from './api';

/** The host of a template's URL, to tell which offers already have a postback to that tracker. */
function hostOf(t: Template | undefined): string | undefined {
  if (!t?.postbackUrl) return undefined;
  try {
    return new URL(t.postbackUrl.replace(/\{[^}]*\}/g, 'x')).host;
  } catch {
    return undefined;
  }
}

type HasFilter = 'any' | 'has' | 'hasNot';

/**
 * Apply a template to many offers: pick the profile and template, then the offers (search, status, has / has no
 * postback to the template's tracker, select all), optionally one postback per event; preview, then start a job.
 */
export function ApplyPanel({ api, onStarted }: { api: BulkApi; onStarted: () => void }) {
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [profileId, setProfileId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [offers, setOffers] = useState<OfferView[]>([]);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [has, setHas] = useState<HasFilter>('any');
  const [withPostback, setWithPostback] = useState<ReadonlySet<number>>(new Set());
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [perEvent, setPerEvent] = useState(false);
  const [eventNames, setEventNames] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [preview, setPreview] = useState<{ targets: ApplyTarget[]; planned: PlannedCreate[] }>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();

  useEffect(() => {
    void Promise.all([api.profiles(), api.templates()]).then(([p, t]) => {
      if (p.ok) {
        setProfiles(p.value);
        setProfileId((id) => id || p.value.find((x) => x.isDefault)?.id || p.value[0]?.id || '');
      }
      if (t.ok) setTemplates(t.value);
    });
  }, [api]);

  const profile = profiles.find((p) => p.id === profileId);
  const usable = templates.filter((t) => t.side === profile?.role);
  const template = usable.find((t) => t.id === templateId);

  useEffect(() => {
    if (!profileId) return;
    let live = true;
    setOffers([]);
    setPicked(new Set());
    setPreview(undefined);
    void api.offers(profileId, '').then((r) => {
      if (!live) return;
      if (r.ok) setOffers(r.value.items);
      else setNotice({ kind: 'error', text: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [api, profileId]);

  // Which offers already have a postback to the template's tracker host (for the has / has-no filter).
  const host = hostOf(template);
  useEffect(() => {
    if (!host) return setWithPostback(new Set());
    let live = true;
    void api.find(host, false).then((r) => {
      if (live && r.ok) {
        setWithPostback(
          new Set(r.value.matches.filter((m) => m.profileId === profileId).map((m) => m.pixel.offerId)),
        );
      }
    });
    return () => {
      live = false;
    };
  }, [api, host, profileId]);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return offers.filter(
      (o) =>
        (!q || o.name.toLowerCase().includes(q) || String(o.id) === q) &&
        (!status || o.status === status) &&
        (has === 'any' || (has === 'has') === withPostback.has(o.id)),
    );
  }, [offers, search, status, has, withPostback]);
  const statuses = [...new Set(offers.map((o) => o.status).filter((s): s is string => !!s))];
  const allShownPicked = shown.length > 0 && shown.every((o) => picked.has(o.id));

  const toggle = (id: number) =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const buildTargets = async (): Promise<ApplyTarget[]> => {
    const wanted = eventNames
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const targets: ApplyTarget[] = [];
    for (const o of offers.filter((x) => picked.has(x.id))) {
      const target: ApplyTarget = { profileId, offerId: o.id, offerName: o.name };
      if (partnerId.trim()) target.affiliateId = Number(partnerId);
      if (perEvent) {
        const full = o.events.length ? o : await api.offer(profileId, o.id).then((r) => (r.ok ? r.value : o));
        const events = full.events.filter((e) => !wanted.length || wanted.includes(e.name.toLowerCase()));
        if (!events.length) continue;
        target.events = events.map((e) => ({ id: e.id, name: e.name }));
      }
      targets.push(target);
    }
    return targets;
  };

  const runPreview = async () => {
    if (!template) return setNotice({ kind: 'error', text: i18n.t('bulk.apply.needTemplate') });
    setBusy(true);
    setNotice(undefined);
    const targets = await buildTargets();
    if (!targets.length) {
      setBusy(false);
      return setNotice({ kind: 'error', text: i18n.t('bulk.apply.needOffer') });
    }
    const r = await api.previewApply({ templateId: template.id, targets });
    setBusy(false);
    if (!r.ok) return setNotice({ kind: 'error', text: r.error.message });
    setPreview({ targets, planned: r.value });
  };

  const start = async () => {
    if (!template || !preview) return;
    setBusy(true);
    const r = await api.startApply({ templateId: template.id, targets: preview.targets });
    setBusy(false);
    if (!r.ok) return setNotice({ kind: 'error', text: r.error.message });
    setPreview(undefined);
    setNotice({ kind: 'ok', text: i18n.t('bulk.apply.started', [String(r.value.steps.length)]) });
    onStarted();
  };

  return (
    <section class="card form bulk-apply" aria-labelledby="apply-heading">
      <h3 id="apply-heading">{i18n.t('bulk.apply.heading')}</h3>
      <div class="field-row">
        <label class="field">
          <span class="label">{i18n.t('bulk.apply.profile')}</span>
          <select value={profileId} onChange={(e) => setProfileId(e.currentTarget.value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="label">{i18n.t('bulk.apply.template')}</span>
          <select
            value={templateId}
            onChange={(e) => {
              setTemplateId(e.currentTarget.value);
              setPreview(undefined);
            }}
          >
            <option value="">{i18n.t('bulk.apply.pickTemplate')}</option>
            {usable.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {profile?.role === 'network' && (
          <label class="field">
            <span class="label">{i18n.t('bulk.apply.partnerId')}</span>
            <input
              inputMode="numeric"
              value={partnerId}
              onInput={(e) => setPartnerId(e.currentTarget.value.replace(/\D/g, ''))}
            />
          </label>
        )}
      </div>
      <div class="field-row">
        <label class="field">
          <span class="label">{i18n.t('bulk.apply.search')}</span>
          <input
            type="search"
            value={search}
            placeholder={i18n.t('bulk.apply.searchPlaceholder')}
            onInput={(e) => setSearch(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="label">{i18n.t('bulk.apply.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{i18n.t('bulk.apply.any')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="label">
            {i18n.t('bulk.apply.postbackTo', [host ?? i18n.t('bulk.apply.thisTracker')])}
          </span>
          <select value={has} onChange={(e) => setHas(e.currentTarget.value as HasFilter)}>
            <option value="any">{i18n.t('bulk.apply.any')}</option>
            <option value="hasNot">{i18n.t('bulk.apply.hasNone')}</option>
            <option value="has">{i18n.t('bulk.apply.hasOne')}</option>
          </select>
        </label>
      </div>
      <label class="choice">
        <input
          type="checkbox"
          checked={allShownPicked}
          onChange={() =>
            setPicked((s) => {
              const n = new Set(s);
              for (const o of shown) {
                if (allShownPicked) n.delete(o.id);
                else n.add(o.id);
              }
              return n;
            })
          }
        />{' '}
        {i18n.t('bulk.apply.selectAll', [String(shown.length), String(picked.size)])}
      </label>
      <ul class="bulk-offers" aria-label={i18n.t('bulk.apply.offers')}>
        {shown.map((o) => (
          <li key={o.id}>
            <label class="choice">
              <input type="checkbox" checked={picked.has(o.id)} onChange={() => toggle(o.id)} /> {o.name}{' '}
              <span class="muted">
                ({o.id}
                {o.status ? `, ${o.status}` : ''})
              </span>
            </label>
          </li>
        ))}
      </ul>
      <label class="choice">
        <input type="checkbox" checked={perEvent} onChange={(e) => setPerEvent(e.currentTarget.checked)} />{' '}
        {i18n.t('bulk.apply.perEvent')}
      </label>
      {perEvent && (
        <label class="field">
          <span class="label">{i18n.t('bulk.apply.onlyEvents')}</span>
          <input
            value={eventNames}
            onInput={(e) => setEventNames(e.currentTarget.value)}
            placeholder={i18n.t('bulk.apply.eventsPlaceholder')}
          />
        </label>
      )}
      <Notice state={notice} />
      <div class="form-actions">
        <button
          type="button"
          class="button"
          disabled={busy || !picked.size || !template}
          onClick={() => void runPreview()}
        >
          {i18n.t('bulk.apply.preview')}
        </button>
      </div>
      {preview && (
        <div class="bulk-preview">
          <table aria-label={i18n.t('bulk.apply.previewTable')}>
            <thead>
              <tr>
                <th scope="col">{i18n.t('bulk.apply.colOffer')}</th>
                <th scope="col">{i18n.t('bulk.apply.colWill')}</th>
                <th scope="col">{i18n.t('bulk.apply.colCheck')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.planned.map((p) => (
                <tr key={p.key} data-action={p.action}>
                  <td>{p.label}</td>
                  <td>
                    {p.action === 'create'
                      ? i18n.t('bulk.apply.create')
                      : i18n.t('bulk.apply.skip', [p.reason ?? ''])}
                  </td>
                  <td>{p.findings.length ? p.findings.join(' ') : i18n.t('bulk.apply.ok')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {i18n.t('bulk.apply.counts', [
              String(preview.planned.filter((p) => p.action === 'create').length),
              String(preview.planned.filter((p) => p.action === 'skip').length),
            ])}
          </p>
          <button type="button" class="button button--primary" disabled={busy} onClick={() => void start()}>
            {i18n.t('bulk.apply.start')}
          </button>
        </div>
      )}
    </section>
  );
}
