import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { FindMatch, ReplacePreview } from '../../lib/model/jobs';
import { Notice, type NoticeState } from '../ui/Notice';
import type { BulkApi } from './api';

const keyOf = (m: { profileId: string; pixel?: { id: number }; pixelId?: number }) =>
  `${m.profileId}:${m.pixel?.id ?? m.pixelId}`;

/** The text with each match range marked. */
function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    parts.push(text.slice(at, s), <mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  parts.push(text.slice(at));
  return <code class="code-line">{parts}</code>;
}

/** Matches grouped by profile, then offer. */
function groups(matches: FindMatch[]): [string, [string, FindMatch[]][]][] {
  const byProfile = new Map<string, Map<string, FindMatch[]>>();
  for (const m of matches) {
    const profile = byProfile.get(m.profileName) ?? new Map<string, FindMatch[]>();
    const offer = m.pixel.offerId
      ? i18n.t('bulk.find.offer', [
          m.pixel.offerName ?? i18n.t('bulk.find.offerUnnamed'),
          String(m.pixel.offerId),
        ])
      : i18n.t('bulk.find.global');
    profile.set(offer, [...(profile.get(offer) ?? []), m]);
    byProfile.set(m.profileName, profile);
  }
  return [...byProfile].map(([p, offers]) => [p, [...offers]]);
}

/**
 * Find a host, path, macro or any text in every profile's postbacks, then replace it (preview of every changed
 * URL with the checker's findings, then a job) or switch the picked postbacks on or off at once.
 */
export function FindPanel({ api, onStarted }: { api: BulkApi; onStarted: () => void }) {
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<FindMatch[]>();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [replace, setReplace] = useState('');
  const [preview, setPreview] = useState<ReplacePreview[]>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();

  const find = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setPreview(undefined);
    const r = await api.find(text, true);
    setBusy(false);
    if (!r.ok) return setNotice({ kind: 'error', text: r.error.message });
    setMatches(r.value.matches);
    setPicked(new Set(r.value.matches.map(keyOf)));
    const failed = r.value.failures.map((f) => `${f.profileName}: ${f.message}`).join(' ');
    setNotice(
      failed
        ? { kind: 'error', text: i18n.t('bulk.find.notSearched', [failed]) }
        : { kind: 'ok', text: i18n.t('bulk.find.matches', [String(r.value.matches.length)]) },
    );
  };
  const targets = () =>
    (matches ?? [])
      .filter((m) => picked.has(keyOf(m)))
      .map((m) => ({ profileId: m.profileId, pixelId: m.pixel.id }));

  const runPreview = async () => {
    setBusy(true);
    const r = await api.previewReplace({ find: text, replace, targets: targets() });
    setBusy(false);
    if (!r.ok) return setNotice({ kind: 'error', text: r.error.message });
    setPreview(r.value);
  };
  const started = (r: Awaited<ReturnType<BulkApi['startReplace']>>) => {
    if (!r.ok) return setNotice({ kind: 'error', text: r.error.message });
    setNotice({ kind: 'ok', text: i18n.t('bulk.find.started', [r.value.title]) });
    setPreview(undefined);
    onStarted();
  };

  return (
    <section class="card form bulk-find" aria-labelledby="find-heading">
      <h3 id="find-heading">{i18n.t('bulk.find.heading')}</h3>
      <form class="field-row" onSubmit={(e) => void find(e)}>
        <label class="field">
          <span class="label">{i18n.t('bulk.find.label')}</span>
          <input
            type="search"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            placeholder={i18n.t('bulk.find.placeholder')}
          />
        </label>
        <button type="submit" class="button" disabled={busy || text.trim().length < 2}>
          {i18n.t('bulk.find.submit')}
        </button>
      </form>
      <Notice state={notice} />
      {matches?.length ? (
        <>
          {groups(matches).map(([profile, offers]) => (
            <div key={profile} class="find-group">
              <h4>{profile}</h4>
              {offers.map(([offer, rows]) => (
                <div key={offer}>
                  <p class="label">{offer}</p>
                  <ul class="find-rows">
                    {rows.map((m) => (
                      <li key={keyOf(m)}>
                        <label class="choice">
                          <input
                            type="checkbox"
                            checked={picked.has(keyOf(m))}
                            onChange={() =>
                              setPicked((s) => {
                                const n = new Set(s);
                                if (n.has(keyOf(m))) n.delete(keyOf(m));
                                else n.add(keyOf(m));
                                return n;
                              })
                            }
                          />{' '}
                          {i18n.t('bulk.find.row', [String(m.pixel.id), m.pixel.status])}{' '}
                          <Highlighted text={m.pixel[m.field]} ranges={m.ranges} />
                        </label>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          ))}
          <div class="field-row">
            <label class="field">
              <span class="label">{i18n.t('bulk.find.replaceWith')}</span>
              <input value={replace} onInput={(e) => setReplace(e.currentTarget.value)} />
            </label>
            <button
              type="button"
              class="button"
              disabled={busy || !picked.size}
              onClick={() => void runPreview()}
            >
              {i18n.t('bulk.find.preview')}
            </button>
            <button
              type="button"
              class="button"
              disabled={busy || !picked.size}
              onClick={() => void api.startToggle('inactive', targets()).then(started)}
            >
              {i18n.t('bulk.find.switchOff')}
            </button>
            <button
              type="button"
              class="button"
              disabled={busy || !picked.size}
              onClick={() => void api.startToggle('active', targets()).then(started)}
            >
              {i18n.t('bulk.find.switchOn')}
            </button>
          </div>
        </>
      ) : null}
      {preview && (
        <div class="replace-preview">
          <table aria-label={i18n.t('bulk.find.previewTable')}>
            <thead>
              <tr>
                <th scope="col">{i18n.t('bulk.find.colPostback')}</th>
                <th scope="col">{i18n.t('bulk.find.colBefore')}</th>
                <th scope="col">{i18n.t('bulk.find.colAfter')}</th>
                <th scope="col">{i18n.t('bulk.find.colCheck')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.map((p) => (
                <tr key={keyOf(p)}>
                  <td>{i18n.t('bulk.find.pixel', [String(p.pixelId)])}</td>
                  <td>
                    <code>{p.before}</code>
                  </td>
                  <td>
                    <code>{p.after}</code>
                  </td>
                  <td>{p.findings.length ? p.findings.join(' ') : i18n.t('bulk.find.ok')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            class="button button--primary"
            disabled={busy || !preview.length}
            onClick={() => void api.startReplace({ find: text, replace, targets: targets() }).then(started)}
          >
            {i18n.t('bulk.find.replaceIn', [String(preview.length)])}
          </button>
        </div>
      )}
    </section>
  );
}
