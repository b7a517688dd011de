import { i18n } from '#i18n';
import type { TestFireReply } from '../../lib/postback/test-fire-types';

/** The verdict's kind in words. */
function kindWords(kind: TestFireReply['verdict']['kind']): string {
  if (kind === 'accepted') return i18n.t('testFire.result.accepted');
  if (kind === 'rejected') return i18n.t('testFire.result.rejected');
  return kind === 'unclear' ? i18n.t('testFire.result.unclear') : i18n.t('testFire.result.failed');
}

/**
 * What the tracker answered: the verdict in words, then status, time, redirects, headers and the first 2 KB of the
 * body. The body is text in a <pre>: Preact escapes it, so an HTML answer is shown, never rendered.
 */
export function TestFireResult({ reply }: { reply: TestFireReply }) {
  const { outcome: o, verdict: v } = reply;
  const headers = Object.entries(o.headers ?? {});
  return (
    <section class="test-fire__result" aria-label={i18n.t('testFire.result.label')} data-verdict={v.kind}>
      <p class={`verdict verdict--${v.kind}`} role="status">
        <strong>{kindWords(v.kind)}:</strong> {v.headline}
      </p>
      {v.advice ? <p class="hint">{v.advice}</p> : null}
      {v.lookFor ? <p class="warn-text">{v.lookFor}</p> : null}
      <dl class="test-fire__facts">
        <dt>{i18n.t('testFire.result.status')}</dt>
        <dd data-field="status">
          {o.status ??
            (o.hiddenRedirect
              ? i18n.t('testFire.result.hiddenRedirect')
              : i18n.t('testFire.result.noAnswer', [o.error ?? 'network']))}
        </dd>
        <dt>{i18n.t('testFire.result.time')}</dt>
        <dd>{i18n.t('testFire.result.ms', [String(o.timeMs)])}</dd>
        {o.redirects?.length ? (
          <>
            <dt>{i18n.t('testFire.result.redirects')}</dt>
            <dd>
              <ol class="test-fire__hops">
                {o.redirects.map((h) => (
                  <li key={h.url}>
                    {h.status ? `${h.status} → ` : `${i18n.t('testFire.result.hiddenHop')} `}
                    <code>{h.url}</code>
                  </li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
        {o.stoppedAt ? (
          <>
            <dt>{i18n.t('testFire.result.stopped')}</dt>
            <dd>{o.stoppedAt}</dd>
          </>
        ) : null}
      </dl>
      {headers.length ? (
        <details>
          <summary>{i18n.t('testFire.result.headers', [String(headers.length)])}</summary>
          <table class="preview__params">
            <tbody>
              {headers.map(([k, val]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{val}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {o.status !== undefined ? (
        <>
          <h4 class="preview__heading">
            {o.bodyCut ? i18n.t('testFire.result.bodyCut') : i18n.t('testFire.result.body')}
          </h4>
          <pre class="code test-fire__body" data-testid="test-fire-body">
            {o.body ? o.body : i18n.t('testFire.result.empty')}
          </pre>
        </>
      ) : null}
    </section>
  );
}
