import type { Worker } from 'playwright-core';

/**
 * Pre-configure the demo profiles, pointing at the local sandbox, so a new user sees real data at once.
 * Placeholder until the background core defines profiles: it stores nothing yet.
 */
export async function seedDemoProfiles(_worker: Worker, _sandboxBaseUrl: string): Promise<void> {}
