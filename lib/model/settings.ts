// zod/mini: pages read settings from storage and the popup's start-up bundle must stay small. Every field
// repairs itself with `catch`, so a corrupt field never costs the whole record.
import * as z from 'zod/mini';

/** The user's settings, as stored. */
export const Settings = z.object({
  defaultProfileId: z.catch(z.optional(z.string()), undefined),
  /** Per profile: the template preselected in the popup. */
  defaultTemplateIds: z.catch(z.record(z.string(), z.string()), {}),
  /** Opt-in: keep API keys in session storage only, so they are gone when the browser closes. */
  forgetKeysOnClose: z.catch(z.boolean(), false),
  /**
   * The health watch (issue 18.1). Absent means the defaults (`DEFAULT_HEALTH_WATCH`: on, every 30 minutes, no
   * notification), so settings saved before it existed need no repair.
   */
  healthWatch: z.catch(
    z.optional(
      z.object({
        enabled: z.boolean(),
        everyMinutes: z.number().check(z.int(), z.gte(5), z.lte(1440)),
        notify: z.boolean(),
      }),
    ),
    undefined,
  ),
});
export type Settings = z.infer<typeof Settings>;
export type HealthWatchSettings = NonNullable<Settings['healthWatch']>;
export const DEFAULT_HEALTH_WATCH: HealthWatchSettings = { enabled: true, everyMinutes: 30, notify: false };
export const DEFAULT_SETTINGS: Settings = { defaultTemplateIds: {}, forgetKeysOnClose: false };
