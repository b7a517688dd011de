import type { ChangeEntry } from './change-log';
import type { ActiveFault, FaultSpec } from './fault-types';
import type { PixelRecord, PixelStatus, Realm } from './model';
import type { RateLimitConfig, RateUsage } from './rate-limit';
import type { RequestLogEntry } from './request-log';
import type { SeedName } from './seed/index';
import type { TrackerLogEntry } from './tracker';

export type { ChangeEntry } from './change-log';
export type { ActiveFault, FaultAction, FaultMatch, FaultSpec } from './fault-types';
export type { PixelRecord } from './model';
export type { RequestLogEntry } from './request-log';
export type { TrackerLogEntry } from './tracker';

/** What `rateLimit()` returns: the settings and, per key that made a request, its window and totals. */
export interface RateLimitReport {
  config: RateLimitConfig;
  keys: (RateUsage & { realm: Realm; partnerId: number })[];
}

/** What `state()` returns: the stored postbacks (event type stored as `event`) and the switch. */
export interface SandboxStateDump {
  seed: SeedName;
  partnerPostbacksDisabled: boolean;
  pixels: PixelRecord[];
}

/** A typed client for a sandbox's `/__sandbox/` control API. Methods throw when the sandbox refuses. */
export interface SandboxControl {
  /** Add a fault; returns it with its id. */
  inject(fault: FaultSpec): Promise<ActiveFault>;
  /** The faults still active. */
  faults(): Promise<ActiveFault[]>;
  /** Remove every fault. */
  clearFaults(): Promise<void>;
  /** Restart the PRNG behind ratio faults with this seed. */
  seedFaults(seed: number): Promise<void>;
  /** Back to the seed the server started with; also clears the log, rate windows and added faults. */
  reset(): Promise<void>;
  /** The request log, oldest first (never contains API key values). */
  requests(): Promise<RequestLogEntry[]>;
  /** Empty the request log. */
  clearRequests(): Promise<void>;
  /** Switch the network's "partners may not edit postbacks" setting. */
  setPartnerPostbacksDisabled(disabled: boolean): Promise<void>;
  /** Dump the stored postbacks for assertions. */
  state(): Promise<SandboxStateDump>;
  /** One stored postback (event type as `event`); throws on 404. */
  pixel(id: number): Promise<PixelRecord>;
  /** Switch a postback's status directly, as Everflow does after failed deliveries (journaled as `control`). */
  setPixelStatus(id: number, status: PixelStatus): Promise<PixelRecord>;
  /** Delete a postback "elsewhere" (works for affiliate postbacks too, which the affiliate API cannot delete). */
  deletePixel(id: number): Promise<void>;
  /**
   * Create a postback "elsewhere": `body` is an API create body, validated as the network realm, or as the
   * affiliate realm (for `network_affiliate_id`, default the demo partner) when `realm` is `affiliate`.
   */
  createPixel(body: Record<string, unknown>, realm?: Realm): Promise<PixelRecord>;
  /** Every change to the postbacks, oldest first, with its source (`api` or `control`). */
  changes(): Promise<ChangeEntry[]>;
  /** What the stand-in tracker received, oldest first. */
  trackerRequests(): Promise<TrackerLogEntry[]>;
  /** Empty the tracker's request log. */
  clearTrackerRequests(): Promise<void>;
  /** Rate-limit settings and each key's window and totals (allowed, refused). */
  rateLimit(): Promise<RateLimitReport>;
}

/** Create a control client for the sandbox at `origin` (e.g. `sandbox.origin`). */
export function createSandboxControl(origin: string): SandboxControl {
  const base = `${origin.replace(/\/+$/, '')}/__sandbox`;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const message = (parsed as { error?: string } | undefined)?.error ?? text;
      throw new Error(`sandbox control ${method} ${path} failed with ${response.status}: ${message}`);
    }
    return parsed as T;
  }

  return {
    inject: async (fault) => (await call<{ fault: ActiveFault }>('POST', '/faults', fault)).fault,
    faults: async () => (await call<{ faults: ActiveFault[] }>('GET', '/faults')).faults,
    clearFaults: async () => {
      await call('DELETE', '/faults');
    },
    seedFaults: async (seed) => {
      await call('POST', '/faults/seed', { seed });
    },
    reset: async () => {
      await call('POST', '/reset');
    },
    requests: async () => (await call<{ requests: RequestLogEntry[] }>('GET', '/requests')).requests,
    clearRequests: async () => {
      await call('DELETE', '/requests');
    },
    setPartnerPostbacksDisabled: async (disabled) => {
      await call('PUT', '/partner-postbacks', { disabled });
    },
    state: () => call<SandboxStateDump>('GET', '/state'),
    pixel: async (id) => (await call<{ pixel: PixelRecord }>('GET', `/pixels/${id}`)).pixel,
    setPixelStatus: async (id, status) =>
      (await call<{ pixel: PixelRecord }>('PATCH', `/pixels/${id}`, { status })).pixel,
    deletePixel: async (id) => {
      await call('DELETE', `/pixels/${id}`);
    },
    createPixel: async (body, realm = 'network') =>
      (await call<{ pixel: PixelRecord }>('POST', '/pixels', { ...body, realm })).pixel,
    changes: async () => (await call<{ changes: ChangeEntry[] }>('GET', '/changes')).changes,
    trackerRequests: async () =>
      (await call<{ requests: TrackerLogEntry[] }>('GET', '/tracker/requests')).requests,
    clearTrackerRequests: async () => {
      await call('DELETE', '/tracker/requests');
    },
    rateLimit: () => call<RateLimitReport>('GET', '/rate-limit'),
  };
}
