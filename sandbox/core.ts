import { EverflowApi } from './api';
import { ChangeLog } from './change-log';
import type { FaultSpec } from './fault-types';
import { FaultInjector } from './faults';
import { readStateFile } from './persist';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig, RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import { buildSeed, type SeedName, type SeedOptions } from './seed/index';
import { PixelStore } from './store';
import { TrackerLog } from './tracker';

/** Everything that configures a sandbox apart from where it listens. */
export interface CoreOptions extends SeedOptions {
  /** 'empty' (default), 'demo' or 'scale'; `offers`, `pixels` and `partnerPixels` grow it (see seed/index.ts). */
  seed?: SeedName;
  dataFile?: string;
  rateLimit?: Partial<RateLimitConfig>;
  /** Faults active from the start; `reset` brings them back with fresh counts. */
  faults?: FaultSpec[];
  /** Seed of the PRNG behind ratio faults (default 1). */
  faultSeed?: number;
  partnerPostbacksDisabled?: boolean;
  /** Clock in epoch milliseconds (default Date.now); drives rate-limit windows and timestamps. */
  now?: () => number;
}

/**
 * The sandbox without HTTP: store, rate limiter, faults, request log and the API dispatcher, wired together.
 * Throws when the data file exists but cannot be used, so a bad file is never silently overwritten.
 */
export class SandboxCore {
  readonly store: PixelStore;
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly log = new RequestLog();
  /** Every change to the postbacks, with who made it (API or control). */
  readonly changes: ChangeLog;
  /** What the stand-in tracker received. */
  readonly trackerLog = new TrackerLog();
  readonly api: EverflowApi;
  readonly now: () => number;
  readonly seedName: SeedName;
  private readonly startFaults: FaultSpec[];
  private readonly faultSeed: number;

  constructor(options: CoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.seedName = options.seed ?? 'empty';
    this.changes = new ChangeLog(this.now);
    const seed = buildSeed(this.seedName, {
      offers: options.offers,
      pixels: options.pixels,
      partnerPixels: options.partnerPixels,
      networkId: options.networkId,
    });
    const loaded = options.dataFile ? readStateFile(options.dataFile) : undefined;
    if (loaded && !loaded.ok) throw new Error(loaded.error);
    this.store = new PixelStore({
      seed,
      dataFile: options.dataFile,
      loaded: loaded?.value,
      partnerPostbacksDisabled: options.partnerPostbacksDisabled,
      now: this.now,
      changes: this.changes,
    });
    this.limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...definedOnly(options.rateLimit) }, this.now);
    this.faultSeed = options.faultSeed ?? 1;
    this.faults = new FaultInjector(this.faultSeed);
    this.startFaults = options.faults ?? [];
    for (const fault of this.startFaults) this.faults.add(fault);
    this.api = new EverflowApi(this.store, this.limiter);
  }

  /** Back to how the sandbox started: seed data, start-up faults, fresh PRNG, empty logs and rate windows. */
  reset(): void {
    this.store.reset();
    this.limiter.reset();
    this.log.clear();
    this.changes.clear();
    this.trackerLog.clear();
    this.faults.clear();
    this.faults.reseed(this.faultSeed);
    for (const fault of this.startFaults) this.faults.add(fault);
  }
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
