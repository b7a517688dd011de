import * as z from 'zod/mini';

// MV3 pages forbid eval. zod's JIT probes `new Function` once, which logs CSP violations;
// jitless mode skips both the probe and the JIT. Import this first in every entrypoint.
// (zod/mini shares zod's one global config, and keeps the popup from loading the classic API for one call.)
z.config({ jitless: true });
