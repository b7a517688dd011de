import * as input from '../../messaging/inputs';
import { dropProfileCache } from '../cache';
import {
  listProfiles,
  recheckProfile,
  removeProfile,
  saveProfile,
  setDefaultProfile,
} from '../services/profiles';
import { getSettings, updateSettings } from '../services/settings';
import { message } from './context';

/** Profiles and settings. */
export const profileMessages = {
  'profiles.list': message(input.none, () => listProfiles()),
  /** Runs the key check first; refuses with the specific reason (wrong key, wrong realm, wrong region). */
  'profiles.save': message(input.profileInput, async (data, ctx) => {
    const r = await saveProfile(data, ctx.profiles);
    // A changed key or host can see other data: never show the old account's cache.
    if (r.ok && data.id) await dropProfileCache(data.id);
    return r;
  }),
  'profiles.remove': message(input.byId, async ({ id }) => {
    await dropProfileCache(id);
    return removeProfile(id);
  }),
  'profiles.setDefault': message(input.byId, ({ id }) => setDefaultProfile(id)),
  'profiles.check': message(input.byId, ({ id }, ctx) => recheckProfile(id, ctx.profiles)),

  'settings.get': message(input.none, () => getSettings()),
  'settings.update': message(input.settingsPatch, (patch) => updateSettings(patch)),
};
