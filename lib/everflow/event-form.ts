import { hashKey } from './limiter';
import type { NetworkEventForm } from './roundtrip';

// The network's spelling of the event type, learned once per key and host: the background builds a new client
// for every message, so a per-client memory would pay a failing 400 on every event-type write.
const learned = new Map<string, NetworkEventForm>();

function idOf(baseUrl: string, apiKey: string): string {
  return `${baseUrl}|${hashKey(apiKey)}`;
}

/** A key's remembered event spelling: `event` until a 400 has refused it. */
export function eventFormFor(baseUrl: string, apiKey: string): NetworkEventForm {
  return learned.get(idOf(baseUrl, apiKey)) ?? 'event';
}

/** Remember that the network behind this key and host refuses `event`. */
export function rememberEventForm(baseUrl: string, apiKey: string, form: NetworkEventForm): void {
  learned.set(idOf(baseUrl, apiKey), form);
}

/** Forget every learned spelling (tests). */
export function clearEventForms(): void {
  learned.clear();
}
