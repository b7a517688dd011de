import type { PixelStatus } from './model';

/** Who made a change: a `/v1` API call, or the control API acting "elsewhere" (Everflow itself, the portal). */
export type ChangeSource = 'api' | 'control';

/** One change to the stored postbacks. */
export interface ChangeEntry {
  /** Sequence number, from 1. */
  id: number;
  /** Epoch milliseconds (sandbox clock). */
  time: number;
  source: ChangeSource;
  action: 'create' | 'replace' | 'status' | 'delete';
  pixelId: number;
  /** Status before the change (null for a create). */
  statusBefore: PixelStatus | null;
  /** Status after the change (null for a delete). */
  statusAfter: PixelStatus | null;
}

const MAX_ENTRIES = 10_000;

/**
 * The journal behind `/__sandbox/changes`. The request log shows what callers sent; this shows what
 * changed and who changed it, so a test can tell a switch-off made through the control API (as Everflow
 * does after failed deliveries) from one the extension made.
 */
export class ChangeLog {
  private entries: ChangeEntry[] = [];
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  /** Record a change (its id and time are assigned here). */
  add(entry: Omit<ChangeEntry, 'id' | 'time'>): void {
    this.entries.push({ id: this.nextId, time: this.now(), ...entry });
    this.nextId += 1;
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Every entry, oldest first. */
  list(): ChangeEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  /** Forget every entry. */
  clear(): void {
    this.entries = [];
  }
}
