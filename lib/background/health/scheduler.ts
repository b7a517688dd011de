/**
 * When the health watch runs: one periodic `alarms` alarm, made to match the settings (on/off, every N minutes).
 * Alarms survive the worker going to sleep, and waking it is their purpose; nothing is kept in memory.
 */
import { DEFAULT_HEALTH_WATCH, type HealthWatchSettings } from '../../model/settings';

/** The name of the health watch's periodic alarm (the only alarm of the extension that runs a sweep). */
export const HEALTH_ALARM = 'health-watch';

/** The part of `browser.alarms` the scheduler uses (injected; tests pass a fake). */
export interface AlarmsApi {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

/**
 * Make the alarm match `settings`: cleared when the watch is off, (re)created when the period differs, left alone
 * when it already matches (re-creating it on every worker start would push the next check back each time).
 */
export async function syncHealthAlarm(
  alarms: AlarmsApi,
  settings: HealthWatchSettings | undefined,
): Promise<'off' | 'kept' | 'scheduled'> {
  const s = settings ?? DEFAULT_HEALTH_WATCH;
  if (!s.enabled) {
    await alarms.clear(HEALTH_ALARM);
    return 'off';
  }
  const current = await alarms.get(HEALTH_ALARM);
  if (current?.periodInMinutes === s.everyMinutes) return 'kept';
  await alarms.create(HEALTH_ALARM, { delayInMinutes: s.everyMinutes, periodInMinutes: s.everyMinutes });
  return 'scheduled';
}

/** Whether an alarm that fired is the health watch's. */
export function isHealthAlarm(alarm: { name: string }): boolean {
  return alarm.name === HEALTH_ALARM;
}
