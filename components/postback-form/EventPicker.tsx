import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { EventView } from '../../lib/model/offer';
import type { Result } from '../../lib/result';
import { describedBy, Field } from '../ui/Field';

/** Loads an offer's payout events (injected: the form holds no messaging code). */
export type LoadEvents = (offerId: number) => Promise<Result<EventView[], AppError>>;

export interface EventPickerProps {
  id: string;
  offerId: number;
  loadEvents: LoadEvents;
  /** The chosen event; 0 or absent means every event. */
  value?: number;
  onChange: (eventId: number) => void;
  error?: string;
}

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; events: EventView[] }
  | { kind: 'error'; message: string };

/** The payout event of an event postback, from the offer's own events. */
export function EventPicker({ id, offerId, loadEvents, value, onChange, error }: EventPickerProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    loadEvents(offerId)
      .then((r) => {
        if (!live) return;
        setState(r.ok ? { kind: 'ready', events: r.value } : { kind: 'error', message: r.error.message });
      })
      .catch(() => live && setState({ kind: 'error', message: i18n.t('form.event.failed') }));
    return () => {
      live = false;
    };
  }, [offerId, loadEvents, attempt]);

  const events = state.kind === 'ready' ? state.events : [];
  const known = !value || events.some((e) => e.id === value);
  return (
    <Field id={id} label={i18n.t('form.event.label')} error={error}>
      <select
        id={id}
        value={String(value ?? 0)}
        aria-busy={state.kind === 'loading' ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(e) => onChange(Number((e.currentTarget as HTMLSelectElement).value))}
      >
        <option value="0">{i18n.t('form.event.all')}</option>
        {events.map((e) => (
          <option key={e.id} value={String(e.id)}>
            {e.isDefault ? i18n.t('form.event.base', [e.name]) : e.name}
          </option>
        ))}
        {!known && state.kind === 'ready' && (
          <option value={String(value)}>{i18n.t('form.event.unknown', [String(value)])}</option>
        )}
      </select>
      {state.kind === 'loading' && <p class="hint">{i18n.t('form.event.loading')}</p>}
      {state.kind === 'error' && (
        <p class="field-error" role="alert">
          {state.message}{' '}
          <button type="button" class="button button--small" onClick={() => setAttempt((n) => n + 1)}>
            {i18n.t('common.retry')}
          </button>
        </p>
      )}
    </Field>
  );
}
