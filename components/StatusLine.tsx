import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../lib/model/errors';
import type { StatusReply } from '../lib/model/replies';
import type { Result } from '../lib/result';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; status: StatusReply }
  | { kind: 'error'; message: string };

export interface StatusLineProps {
  /** Asks the background for its status; injected so the component holds no messaging code. */
  load: () => Promise<Result<StatusReply, AppError>>;
  /** Calls back when what the line shows may have changed (e.g. a profile was added); returns an unsubscribe. */
  subscribe?: (changed: () => void) => () => void;
}

/** "Version 0.1.0 · 2 profiles", straight from the background's answer. */
export function StatusLine({ load, subscribe }: StatusLineProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [reloads, setReloads] = useState(0);
  useEffect(() => subscribe?.(() => setReloads((n) => n + 1)), [subscribe]);
  useEffect(() => {
    load()
      .then((r) =>
        setState(r.ok ? { kind: 'ready', status: r.value } : { kind: 'error', message: r.error.message }),
      )
      .catch(() =>
        setState({ kind: 'error', message: 'The extension background did not answer. Reload the page.' }),
      );
  }, [load, reloads]);

  if (state.kind === 'loading') {
    return (
      <p class="status" data-state="loading" aria-busy="true">
        {i18n.t('common.loading')}
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <p class="status status--error" data-state="error" role="alert">
        {state.message}
      </p>
    );
  }
  const { version, profileCount } = state.status;
  return (
    <p class="status" data-state="ready">
      {i18n.t('status.versionLine', [version])} · {i18n.t('status.profiles', profileCount)}
    </p>
  );
}
