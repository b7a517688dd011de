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
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = { defaultTemplateIds: {}, forgetKeysOnClose: false };
