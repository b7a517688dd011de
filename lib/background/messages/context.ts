import { detectRealm } from '../../everflow/detect-realm';
import type { HandlerContext } from '../../messaging/handler';
import { entryFor } from '../../messaging/table';
import { makeClientFor } from '../client-for';
import { createJobRunner } from '../jobs/runner';
import type { JobDeps } from '../services/jobs';
import type { ProfileDeps } from '../services/profiles';

/** What the worker passes in at start (tests pass fakes). */
export interface BackgroundConfig extends HandlerContext {
  version: string;
  /** `permissions.contains` for one origin pattern. */
  hasOrigin: (originPattern: string) => Promise<boolean>;
  fetch?: typeof fetch;
  now?: () => number;
  newId?: () => string;
  /** Bulk jobs: the toolbar badge's count, and the keep-alive alarm while a job runs. */
  jobs?: {
    badge?: (count: number) => void;
    keepAlive?: (on: boolean) => void;
    concurrency?: number;
  };
  /** Tell the user about newly flagged postbacks (a browser notification when they asked for one). */
  notifyFlagged?: (count: number) => Promise<void>;
}

/** What every service call of the message table may use, built once at worker start. */
export interface ServiceContext {
  version: string;
  hasOrigin: (originPattern: string) => Promise<boolean>;
  now: () => number;
  newId: () => string;
  /** The Everflow-backed services' dependencies (pixels, offers, partners). */
  everflow: { clientFor: ReturnType<typeof makeClientFor>; now: () => number; newId: () => string };
  /** Bulk jobs (issue 17): the Everflow dependencies and the worker's one job runner. */
  jobs: JobDeps;
  /** The profile services' dependencies (the key check). */
  profiles: ProfileDeps;
  /** The fetch a test-fire sends with (the worker's own unless a test passes one). */
  fetch: typeof fetch;
  /** The health watch's notification of new flags (none in tests that do not pass one). */
  notifyFlagged?: (count: number) => Promise<void>;
}

/** Build the services' context from the worker's configuration. */
export function serviceContext(config: BackgroundConfig): ServiceContext {
  const now = config.now ?? (() => Date.now());
  const newId = config.newId ?? (() => crypto.randomUUID());
  const everflow = { clientFor: makeClientFor(config.fetch, config.hasOrigin), now, newId };
  const runner = createJobRunner({
    ...everflow,
    ...(config.jobs?.badge ? { badge: config.jobs.badge } : {}),
    ...(config.jobs?.concurrency ? { concurrency: config.jobs.concurrency } : {}),
    onBusy: () => config.jobs?.keepAlive?.(true),
    onIdle: () => config.jobs?.keepAlive?.(false),
  });
  return {
    version: config.version,
    hasOrigin: config.hasOrigin,
    now,
    newId,
    everflow,
    jobs: { ...everflow, runner },
    profiles: {
      detect: (o) => detectRealm({ ...o, ...(config.fetch ? { fetch: config.fetch } : {}) }),
      hasOrigin: config.hasOrigin,
      now,
      newId,
    },
    // Wrapped: the global fetch must not be called as a method of another object.
    fetch: config.fetch ?? ((i, init) => fetch(i, init)),
    ...(config.notifyFlagged ? { notifyFlagged: config.notifyFlagged } : {}),
  };
}

/** One table entry: `message(inputSchema, (input, ctx) => service(...))`; the reply type is the service's. */
export const message = entryFor<ServiceContext>();
