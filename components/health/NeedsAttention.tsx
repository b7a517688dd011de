import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { HealthReply, NoticeView } from '../../lib/model/health';
import type { PixelView } from '../../lib/model/pixel';
import { formatTime } from '../ui/format';
import type { HealthApi } from './health-api';

export interface NeedsAttentionProps {
  api: HealthApi;
  /** Open the test-fire panel for a flagged postback. */
  onTestFire: (pixel: PixelView, notice: NoticeView) => void;
  /** The popup shows the list only when it has something in it. */
  hideWhenEmpty?: boolean;
  /** On the options page the screen's own heading says "Needs attention": the list then names what it holds. */
  underScreenTitle?: boolean;
}

/** What an informational notice says happened. */
function infoWords(kind: NoticeView['kind']): string {
  if (kind === 'deleted') return i18n.t('health.deleted');
  return kind === 'created' ? i18n.t('health.created') : '';
}

function offerLine(n: NoticeView): string {
  if (!n.offerId) return i18n.t('health.allOffers');
  const id = String(n.offerId);
  return i18n.t('health.offer', [n.offerName ?? i18n.t('health.offerN', [id]), id]);
}

function partnerLine(n: NoticeView): string {
  if (n.side !== 'network') return '';
  if (!n.affiliateId) return i18n.t('health.allPartners');
  const id = String(n.affiliateId);
  return i18n.t('health.partner', [n.affiliateName ?? i18n.t('health.partnerN', [id]), id]);
}

/** Flagged notices grouped by profile, then (network profiles) by partner. */
function groups(notices: NoticeView[]): Array<{ key: string; title: string; items: NoticeView[] }> {
  const out = new Map<string, { key: string; title: string; items: NoticeView[] }>();
  for (const n of notices) {
    const partner = partnerLine(n);
    const key = `${n.profileId}|${partner}`;
    const title = partner ? `${n.profileName} · ${partner}` : n.profileName;
    const g = out.get(key) ?? { key, title, items: [] };
    g.items.push(n);
    out.set(key, g);
  }
  return [...out.values()];
}

/**
 * "Needs attention": postbacks switched off outside the extension (possibly by Everflow after failed deliveries),
 * with test-fire, one-click "Switch back on" and dismiss; then what else the watch noticed; and "Check now".
 */
export function NeedsAttention({ api, onTestFire, hideWhenEmpty, underScreenTitle }: NeedsAttentionProps) {
  const [state, setState] = useState<HealthReply>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    void api.list().then((r) => live && (r.ok ? setState(r.value) : setError(r.error.message)));
    return () => {
      live = false;
    };
  }, [api]);

  const run = async (key: string, action: () => ReturnType<HealthApi['list']>) => {
    setBusy(key);
    setError(undefined);
    const r = await action();
    setBusy(undefined);
    if (r.ok) setState(r.value);
    else setError(r.error.message);
  };
  const testFire = async (n: NoticeView) => {
    setBusy(`test:${n.id}`);
    const r = await api.getPixel(n.profileId, n.pixelId);
    setBusy(undefined);
    if (r.ok) onTestFire(r.value, n);
    else setError(r.error.message);
  };

  if (!state) return error ? <p class="alert">{error}</p> : null;
  const flagged = state.notices.filter((n) => n.kind === 'switched_off');
  const info = state.notices.filter((n) => n.kind !== 'switched_off');
  if (hideWhenEmpty && !state.notices.length && !error) return null;

  return (
    <section
      class="attention"
      aria-labelledby="attention-title"
      data-flagged={flagged.length}
      data-last-check={state.lastCheckAt}
    >
      <div class="attention__head">
        <h2 id="attention-title">
          {underScreenTitle
            ? i18n.t('health.flaggedN', [String(flagged.length)])
            : flagged.length
              ? i18n.t('health.titleN', [String(flagged.length)])
              : i18n.t('health.title')}
        </h2>
        <button
          type="button"
          class="button button--small"
          disabled={busy === 'check'}
          onClick={() => void run('check', () => api.checkNow())}
        >
          {busy === 'check' ? i18n.t('health.checking') : i18n.t('health.checkNow')}
        </button>
      </div>
      <p class="hint">
        {state.lastCheckAt
          ? i18n.t('health.lastChecked', [formatTime(state.lastCheckAt)])
          : i18n.t('health.notChecked')}
        {state.enabled ? '' : i18n.t('health.periodicOff')}
      </p>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : null}
      {state.errors.map((e) => (
        <p class="warn-text" key={e.profileId}>
          {i18n.t('health.couldNotCheck', [e.profileName, e.message])}
        </p>
      ))}
      {flagged.length === 0 ? <p class="muted">{i18n.t('health.noneFlagged')}</p> : null}
      {groups(flagged).map((g) => (
        <div class="attention__group" key={g.key}>
          <h3 class="attention__group-title">{g.title}</h3>
          <ul class="attention__list">
            {g.items.map((n) => (
              <li class="attention__item" key={n.id} data-notice-id={n.id} data-pixel-id={n.pixelId}>
                <div>
                  <strong>{i18n.t('health.postbackN', [String(n.pixelId)])}</strong> · {offerLine(n)}
                  <p class="hint">{i18n.t('health.switchedOff', [formatTime(n.noticedAt)])}</p>
                </div>
                <div class="actions">
                  <button
                    type="button"
                    class="button button--small"
                    disabled={busy !== undefined}
                    onClick={() => void testFire(n)}
                  >
                    {i18n.t('health.testFire')}
                  </button>
                  <button
                    type="button"
                    class="button button--small button--primary"
                    disabled={busy !== undefined}
                    onClick={() => void run(n.id, () => api.switchOn(n.id))}
                    aria-label={i18n.t('health.switchOnLabel', [String(n.pixelId)])}
                  >
                    {busy === n.id ? i18n.t('health.switchingOn') : i18n.t('health.switchOn')}
                  </button>
                  <button
                    type="button"
                    class="link-button"
                    disabled={busy !== undefined}
                    onClick={() => void run(`dismiss:${n.id}`, () => api.dismiss(n.id))}
                    aria-label={i18n.t('health.dismissLabel', [String(n.pixelId)])}
                  >
                    {i18n.t('health.dismiss')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {info.length ? (
        <details class="attention__info">
          <summary>{i18n.t('health.alsoNoticed', [String(info.length)])}</summary>
          <ul class="attention__list">
            {info.map((n) => (
              <li class="attention__item" key={n.id} data-notice-id={n.id}>
                <span>
                  #{n.pixelId} {infoWords(n.kind)} · {n.profileName}
                  {partnerLine(n) ? ` · ${partnerLine(n)}` : ''} · {offerLine(n)} · {formatTime(n.noticedAt)}
                </span>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => void run(`dismiss:${n.id}`, () => api.dismiss(n.id))}
                  aria-label={i18n.t('health.dismissNoteLabel', [String(n.pixelId)])}
                >
                  {i18n.t('health.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
