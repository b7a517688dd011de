import type { TestFireReply } from '../../lib/postback/test-fire-types';

const KIND_WORDS = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  unclear: 'Unclear',
  failed: 'Failed',
} as const;

/**
 * What the tracker answered: the verdict in words, then status, time, redirects, headers and the first 2 KB of the
 * body. The body is text in a <pre>: Preact escapes it, so an HTML answer is shown, never rendered.
 */
export function TestFireResult({ reply }: { reply: TestFireReply }) {
  const { outcome: o, verdict: v } = reply;
  const headers = Object.entries(o.headers ?? {});
  return (
    <section class="test-fire__result" aria-label="Test result" data-verdict={v.kind}>
      <p class={`verdict verdict--${v.kind}`} role="status">
        <strong>{KIND_WORDS[v.kind]}:</strong> {v.headline}
      </p>
      {v.advice ? <p class="hint">{v.advice}</p> : null}
      {v.lookFor ? <p class="warn-text">{v.lookFor}</p> : null}
      <dl class="test-fire__facts">
        <dt>Status</dt>
        <dd data-field="status">{o.status ?? `no answer (${o.error ?? 'network'})`}</dd>
        <dt>Time</dt>
        <dd>{o.timeMs} ms</dd>
        {o.redirects?.length ? (
          <>
            <dt>Redirects</dt>
            <dd>
              <ol class="test-fire__hops">
                {o.redirects.map((h) => (
                  <li key={h.url}>
                    {h.status ? `${h.status} → ` : 'redirected (the browser hides the steps) → '}
                    <code>{h.url}</code>
                  </li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
        {o.stoppedAt ? (
          <>
            <dt>Stopped</dt>
            <dd>{o.stoppedAt}</dd>
          </>
        ) : null}
      </dl>
      {headers.length ? (
        <details>
          <summary>Response headers ({headers.length})</summary>
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
            Body {o.bodyCut ? '(first 2 KB, shown as text)' : '(shown as text)'}
          </h4>
          <pre class="code test-fire__body" data-testid="test-fire-body">
            {o.body ? o.body : '(empty)'}
          </pre>
        </>
      ) : null}
    </section>
  );
}
