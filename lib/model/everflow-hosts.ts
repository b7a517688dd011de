/**
 * Everflow's API base URLs by region (reference §1): most accounts are US; "a small subset" are on the EU host.
 * Here at the bottom of the imports so lib/everflow (which calls them) and lib/postback (which must never send a
 * test there) read one list.
 */
export const EVERFLOW_API_BASES = {
  us: 'https://api.eflow.team/v1',
  eu: 'https://api-eu.eflow.team/v1',
} as const;

/** The host names of {@link EVERFLOW_API_BASES} (lower case, no trailing dot). */
export const EVERFLOW_API_HOSTS: readonly string[] = Object.values(EVERFLOW_API_BASES).map(
  (base) => new URL(base).hostname,
);
