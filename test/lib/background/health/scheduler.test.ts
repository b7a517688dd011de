import { describe, expect, it } from 'vitest';
import {
  type AlarmsApi,
  HEALTH_ALARM,
  isHealthAlarm,
  syncHealthAlarm,
} from '../../../../lib/background/health/scheduler';

function fakeAlarms() {
  const alarms = new Map<string, { name: string; periodInMinutes?: number; delayInMinutes?: number }>();
  const created: string[] = [];
  const api: AlarmsApi = {
    get: async (name) => alarms.get(name),
    create: (name, info) => {
      created.push(name);
      alarms.set(name, { name, ...info });
    },
    clear: async (name) => alarms.delete(name),
  };
  return { api, alarms, created };
}

describe('health watch scheduler', () => {
  it('schedules every 30 minutes by default (no settings yet)', async () => {
    const f = fakeAlarms();
    expect(await syncHealthAlarm(f.api, undefined)).toBe('scheduled');
    expect(f.alarms.get(HEALTH_ALARM)).toMatchObject({ periodInMinutes: 30, delayInMinutes: 30 });
  });

  it('leaves a matching alarm alone, so a worker restart does not push the next check back', async () => {
    const f = fakeAlarms();
    await syncHealthAlarm(f.api, { enabled: true, everyMinutes: 30, notify: false });
    expect(await syncHealthAlarm(f.api, { enabled: true, everyMinutes: 30, notify: false })).toBe('kept');
    expect(f.created).toHaveLength(1);
  });

  it('re-creates the alarm when the period changes, and clears it when switched off', async () => {
    const f = fakeAlarms();
    await syncHealthAlarm(f.api, { enabled: true, everyMinutes: 30, notify: false });
    expect(await syncHealthAlarm(f.api, { enabled: true, everyMinutes: 60, notify: false })).toBe(
      'scheduled',
    );
    expect(f.alarms.get(HEALTH_ALARM)?.periodInMinutes).toBe(60);
    expect(await syncHealthAlarm(f.api, { enabled: false, everyMinutes: 60, notify: false })).toBe('off');
    expect(f.alarms.has(HEALTH_ALARM)).toBe(false);
  });

  it('knows its own alarm', () => {
    expect(isHealthAlarm({ name: HEALTH_ALARM })).toBe(true);
    expect(isHealthAlarm({ name: 'other' })).toBe(false);
  });
});
