import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { htmlPixelUrls } from '../../lib/postback/check-html';
import type { PixelType } from '../../lib/postback/macros';
import {
  type ConfirmationNeeded,
  confirmationsNeeded,
  hostPermissionFor,
  type TestFireConfirmations,
} from '../../lib/postback/test-fire-target';
import type { TestFireReply } from '../../lib/postback/test-fire-types';
import { clickMacroOf, macrosOf, renderTestUrl, sampleOf } from './samples';
import { TestFireResult } from './TestFireResult';
import type { TestFireApi } from './test-fire-api';

export interface TestFireSource {
  /** A postback URL with macros. */
  postbackUrl?: string;
  /** HTML pixel code: each img/iframe/script src can be tested. */
  htmlCode?: string;
  /** A template's tracker preset id (names the tracker in the verdict). */
  tracker?: string;
  pixelType?: PixelType;
}

export interface TestFirePanelProps {
  api: TestFireApi;
  source: TestFireSource;
  onClose?: () => void;
}

/** The URLs a source offers to test: the postback URL, or each src inside the HTML code. */
function urlsOf(source: TestFireSource): Array<{ label: string; url: string }> {
  if (source.htmlCode?.trim())
    return htmlPixelUrls(source.htmlCode).map((u) => ({
      label: i18n.t('testFire.htmlUrl', [String(u.ordinal), u.tag]),
      url: u.url,
    }));
  return source.postbackUrl?.trim()
    ? [{ label: i18n.t('testFire.postbackUrl'), url: source.postbackUrl.trim() }]
    : [];
}

type Phase =
  | { kind: 'edit' }
  | { kind: 'confirm'; needed: { confirm: ConfirmationNeeded; message: string }[] }
  | { kind: 'sending' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; reply: TestFireReply };

/**
 * "Send a test": the URL with sample values (editable, plus a real click id), exactly what will be sent, a warning
 * that the tracker may record a test conversion, then the tracker's answer and a verdict in words. The request
 * leaves from the background worker; the tracker's host is asked for from the click, never before.
 */
export function TestFirePanel({ api, source, onClose }: TestFirePanelProps) {
  const urls = urlsOf(source);
  const [picked, setPicked] = useState(0);
  const template = urls[picked]?.url ?? '';
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [clickId, setClickId] = useState('');
  const [confirmed, setConfirmed] = useState<TestFireConfirmations>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });
  const busy = useRef(false);
  const macros = macrosOf(template);
  const clickMacro = clickMacroOf(template);
  const values = Object.fromEntries(macros.map((m) => [m, samples[m] ?? sampleOf(m)]));
  const rendered = renderTestUrl(template, values, clickId, source.pixelType);

  const send = async (withConfirmed: TestFireConfirmations) => {
    setPhase({ kind: 'sending' });
    const r = await api.send({
      url: rendered,
      ...(source.tracker ? { tracker: source.tracker } : {}),
      confirmed: withConfirmed,
    });
    if (r.ok) return setPhase({ kind: 'done', reply: r.value });
    if (r.error.kind === 'needs_confirmation' && r.error.field)
      return setPhase({
        kind: 'confirm',
        needed: [{ confirm: r.error.field as ConfirmationNeeded, message: r.error.message }],
      });
    setPhase({ kind: 'error', message: r.error.message });
  };

  // Runs inside the click: the permission prompt must be the first thing it asks for.
  const start = (withConfirmed: TestFireConfirmations) => {
    // Busy from the click on: while the browser's prompt is open, a second click must not send a second test.
    if (busy.current) return;
    setConfirmed(withConfirmed);
    const check = confirmationsNeeded(rendered, [], withConfirmed);
    if (!check.ok) {
      if (check.kind === 'needs_confirmation') return setPhase({ kind: 'confirm', needed: check.needed });
      return setPhase({ kind: 'error', message: check.message });
    }
    const pattern = hostPermissionFor(check.url.href);
    if (!pattern) return setPhase({ kind: 'error', message: i18n.t('testFire.cannotSend') });
    busy.current = true;
    setPhase({ kind: 'sending' });
    void api
      .requestHost(pattern)
      .catch(() => false)
      .then(async (granted) => {
        if (granted) await send(withConfirmed);
        else setPhase({ kind: 'error', message: i18n.t('testFire.refused', [check.url.hostname]) });
      })
      .finally(() => {
        busy.current = false;
      });
  };

  if (!urls.length)
    return (
      <section class="test-fire">
        <p class="hint">{i18n.t('testFire.noUrl')}</p>
      </section>
    );

  return (
    <section class="test-fire" aria-label={i18n.t('testFire.label')}>
      {urls.length > 1 ? (
        <fieldset class="tabs" aria-label={i18n.t('testFire.which')}>
          {urls.map((u, i) => (
            <button
              key={u.label}
              type="button"
              aria-pressed={i === picked}
              onClick={() => {
                setPicked(i);
                setPhase({ kind: 'edit' });
              }}
            >
              {u.label}
            </button>
          ))}
        </fieldset>
      ) : null}
      <div class="field">
        <label for="test-fire-click">{i18n.t('testFire.clickId')}</label>
        <input
          id="test-fire-click"
          value={clickId}
          placeholder={
            clickMacro ? i18n.t('testFire.clickIdReplaces', [clickMacro]) : i18n.t('testFire.clickIdNone')
          }
          onInput={(e) => setClickId(e.currentTarget.value)}
        />
        <p class="hint">{i18n.t('testFire.clickIdHint')}</p>
      </div>
      {macros.length ? (
        <details>
          <summary>{i18n.t('testFire.samples', [String(macros.length)])}</summary>
          {macros.map((m) => (
            <div class="field" key={m}>
              <label for={`test-fire-${m}`}>{`{${m}}`}</label>
              <input
                id={`test-fire-${m}`}
                value={values[m]}
                onInput={(e) => setSamples({ ...samples, [m]: e.currentTarget.value })}
              />
            </div>
          ))}
        </details>
      ) : null}
      <h4 class="preview__heading">{i18n.t('testFire.willSend')}</h4>
      <code class="code test-fire__url" data-testid="test-fire-url">
        {rendered}
      </code>
      <p class="warn-text">{i18n.t('testFire.mayRecord')}</p>
      {phase.kind === 'confirm' ? (
        <div class="alert" role="alert">
          {phase.needed.map((n) => (
            <p key={n.confirm}>{n.message}</p>
          ))}
          <div class="actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() =>
                start({ ...confirmed, ...Object.fromEntries(phase.needed.map((n) => [n.confirm, true])) })
              }
            >
              {i18n.t('testFire.sendAnyway')}
            </button>
            <button type="button" class="button" onClick={() => setPhase({ kind: 'edit' })}>
              {i18n.t('testFire.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {phase.kind === 'error' ? (
        <p class="alert" role="alert">
          {phase.message}
        </p>
      ) : null}
      <div class="actions">
        <button
          type="button"
          class="button button--primary"
          disabled={phase.kind === 'sending'}
          onClick={() => start(confirmed)}
        >
          {phase.kind === 'sending' ? i18n.t('testFire.sending') : i18n.t('testFire.send')}
        </button>
        {onClose ? (
          <button type="button" class="button" onClick={onClose}>
            {i18n.t('testFire.close')}
          </button>
        ) : null}
      </div>
      {phase.kind === 'done' ? <TestFireResult reply={phase.reply} /> : null}
    </section>
  );
}
