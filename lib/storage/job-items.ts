// Background jobs (issue 17.1): bulk apply, replace, toggle many and undo of a job, persisted step by step so a
// closed page, a stopped worker or a browser restart loses nothing and sends nothing twice. Written only by the
// job store (lib/background/jobs/store.ts), through one serialised function. The shapes: lib/model/jobs.ts.
import { Job } from '../model/jobs';
import { parseMap } from './repair';
import { defineValidatedItem } from './validated-item';

/** Jobs by id: the running ones and the last finished ones (bounded by the store). */
export const jobsItem = defineValidatedItem<Record<string, Job>>('local:jobs', {
  fallback: {},
  version: 1,
  parse: (raw) => parseMap(Job, raw),
});
