import { z } from 'zod';

// MV3 pages forbid eval. zod's JIT probes `new Function` once, which logs CSP violations;
// jitless mode skips both the probe and the JIT. Import this first in every entrypoint.
z.config({ jitless: true });
