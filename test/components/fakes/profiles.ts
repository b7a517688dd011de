import { vi } from 'vitest';
import type { ProfilesApi } from '../../../components/profiles/ProfilesScreen';
import type { PermissionsApi } from '../../../components/profiles/permissions';
import type { ProfileView } from '../../../lib/model/profile';
import { err, ok } from '../../../lib/result';

/** A stored profile as the background shows it. */
export function profileView(over: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'p1',
    name: 'Acme Network',
    role: 'affiliate',
    region: 'us',
    portalDomains: [],
    maskedKey: '••••-key',
    hasKey: true,
    isDefault: true,
    account: { name: 'Demo Partner', id: 7, realm: 'affiliate', checkedAt: Date.UTC(2026, 10, 22, 10, 3) },
    createdAt: 1,
    ...over,
  };
}

/** A fake background for profiles: the key "demo-affiliate-key" passes; anything else gets the auth error. */
export function fakeProfiles(initial: ProfileView[] = []) {
  let profiles = [...initial];
  const api: ProfilesApi = {
    list: vi.fn(async () => ok([...profiles])),
    save: vi.fn(async (input) => {
      if (input.apiKey && input.apiKey !== 'demo-affiliate-key') {
        return err({ kind: 'auth', message: 'Everflow refused this API key.', field: 'apiKey' });
      }
      const view = profileView({
        ...input,
        id: input.id ?? `p${profiles.length + 1}`,
        isDefault: profiles.length === 0,
      });
      profiles = [...profiles.filter((p) => p.id !== view.id), view];
      return ok(view);
    }),
    remove: vi.fn(async (id) => {
      profiles = profiles.filter((p) => p.id !== id);
      return ok(true as const);
    }),
    setDefault: vi.fn(async (id) => {
      profiles = profiles.map((p) => ({ ...p, isDefault: p.id === id }));
      return ok(true as const);
    }),
    check: vi.fn(async (id) => ok(profiles.find((p) => p.id === id)!)),
  };
  return { api, current: () => profiles };
}

/** Fake host permissions; `log` records the order of calls, so a test can prove the request came first. */
export function fakePermissions(granted: string[] = [], answer = true) {
  const log: string[] = [];
  const permissions: PermissionsApi = {
    contains: vi.fn(async (origins: string[]) => origins.every((o) => granted.includes(o))),
    request: vi.fn((origins: string[]) => {
      log.push(`request ${origins.join(',')}`);
      return Promise.resolve(answer);
    }),
  };
  return { permissions, log };
}
