// zod/mini: pages read settings from storage and the popup's start-up bundle must stay small. Every field
// repairs itself with `catch`, so a corrupt field never costs the whole record.
import * as z from 'zod/mini';

/** The user's settings, as stored. */
export const Settings = z.object({
  defaultProfileId: z.catch(z.optional(z.string()), undefined),
  /** Per profile: the template preselected in the popup. */
  defaultTemplateIds: z.catch(z.record(z.string(), z.string()), {}),
  /** The template preselected for a profile that has none of its own (the fallback of `defaultTemplateIds`). */
  defaultTemplateId: z.catch(z.optional(z.string()), undefined),
  /** Per portal host: the profile picked in the popup there (a pick no longer changes the default profile). */
  profileByHost: z.catch(z.optional(z.record(z.string(), z.string())), undefined),
  /**
   * How long a request the user started may take end to end, retries included, in ms. Background jobs keep their
   * own budgets. Between 3 s and 60 s; unset means DEFAULT_REQUEST_DEADLINE_MS.
   */
  requestDeadlineMs: z.catch(z.optional(z.number().check(z.gte(3000), z.lte(60_000))), undefined),
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
/** The end-to-end deadline of a request the user started, when the setting is unset. */
export const DEFAULT_REQUEST_DEADLINE_MS = 10_000;
