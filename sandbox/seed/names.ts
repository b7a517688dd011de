/** The seeds the sandbox can start from. */
export const SEED_NAMES = ['empty', 'demo', 'scale'] as const;
/** One of {@link SEED_NAMES}. */
export type SeedName = (typeof SEED_NAMES)[number];
