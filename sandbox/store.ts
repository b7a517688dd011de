import type { ChangeLog, ChangeSource } from './change-log';
import type { PixelFields, PixelRecord, PixelStatus, SeedData, World } from './model';
import { type PersistedState, writeStateFile } from './persist';

/** Options for {@link PixelStore}. */
export interface StoreOptions {
  seed: SeedData;
  /** Persist every change here (atomic write). */
  dataFile?: string;
  /** Start from this saved state instead of the seed's pixels. */
  loaded?: PersistedState;
  partnerPostbacksDisabled?: boolean;
  /** Epoch milliseconds. */
  now: () => number;
  /** Where every change is journaled, with its source. */
  changes?: ChangeLog;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The one store of postbacks behind both realms, plus the network's "partners may edit postbacks" switch.
 * Every mutation is written through to the data file when one is set.
 */
export class PixelStore {
  readonly world: World;
  partnerPostbacksDisabled: boolean;
  // Kept in id order: loads insert sorted and creates take the next (highest) id, so no list call sorts.
  private pixels = new Map<number, PixelRecord>();
  /** `list()`'s answer, rebuilt after a change: routes read the list far more often than it changes. */
  private ordered: readonly Readonly<PixelRecord>[] | undefined;
  private nextId = 1;
  private readonly initialDisabled: boolean;

  constructor(private readonly options: StoreOptions) {
    this.world = options.seed.world;
    this.initialDisabled = options.partnerPostbacksDisabled ?? false;
    this.partnerPostbacksDisabled = this.initialDisabled;
    if (options.loaded) {
      this.load(options.loaded.pixels, options.loaded.nextPixelId);
      this.partnerPostbacksDisabled = options.loaded.partnerPostbacksDisabled || this.initialDisabled;
    } else {
      this.load(options.seed.pixels, 0);
      this.persist();
    }
  }

  private load(pixels: PixelRecord[], nextId: number): void {
    const sorted = [...pixels].sort((a, b) => a.network_pixel_id - b.network_pixel_id);
    this.pixels = new Map(sorted.map((pixel) => [pixel.network_pixel_id, copy(pixel)]));
    this.ordered = undefined;
    // Not Math.max(...keys): spreading 100 000 arguments overflows the stack.
    const highest = sorted.at(-1)?.network_pixel_id ?? 0;
    this.nextId = Math.max(nextId, highest + 1);
  }

  private changed(
    source: ChangeSource,
    action: 'create' | 'replace' | 'status' | 'delete',
    pixelId: number,
    before: PixelRecord | undefined,
    after: PixelRecord | undefined,
  ): void {
    this.ordered = undefined;
    this.options.changes?.add({
      source,
      action,
      pixelId,
      statusBefore: before?.pixel_status ?? null,
      statusAfter: after?.pixel_status ?? null,
    });
    this.persist();
  }

  private seconds(): number {
    return Math.floor(this.options.now() / 1000);
  }

  private persist(): void {
    if (!this.options.dataFile) return;
    writeStateFile(this.options.dataFile, {
      format: 'everflow-sandbox',
      version: 1,
      seed: this.options.seed.name,
      nextPixelId: this.nextId,
      partnerPostbacksDisabled: this.partnerPostbacksDisabled,
      pixels: this.list() as PixelRecord[],
    });
  }

  /** Every pixel, ordered by id, read-only and uncopied (handlers render new objects from them). */
  list(): readonly Readonly<PixelRecord>[] {
    this.ordered ??= [...this.pixels.values()];
    return this.ordered;
  }

  /** How many pixels are stored. */
  get size(): number {
    return this.pixels.size;
  }

  /** Every pixel, ordered by id (copies, safe to hand out). */
  all(): PixelRecord[] {
    return this.list().map(copy);
  }

  /** One pixel (a copy), or undefined. */
  get(id: number): PixelRecord | undefined {
    const pixel = this.pixels.get(id);
    return pixel ? copy(pixel) : undefined;
  }

  /** Store a new pixel with a fresh id and current timestamps. */
  create(fields: PixelFields, source: ChangeSource = 'api'): PixelRecord {
    const now = this.seconds();
    const pixel: PixelRecord = {
      ...copy(fields),
      network_pixel_id: this.nextId,
      time_created: now,
      time_saved: now,
    };
    this.nextId += 1;
    this.pixels.set(pixel.network_pixel_id, pixel);
    this.changed(source, 'create', pixel.network_pixel_id, undefined, pixel);
    return copy(pixel);
  }

  /** Replace every writable field of a pixel (full-replacement PUT); undefined when it does not exist. */
  replace(id: number, fields: PixelFields, source: ChangeSource = 'api'): PixelRecord | undefined {
    const existing = this.pixels.get(id);
    if (!existing) return undefined;
    const pixel: PixelRecord = {
      ...copy(fields),
      network_pixel_id: id,
      time_created: existing.time_created,
      time_saved: this.seconds(),
    };
    this.pixels.set(id, pixel);
    this.changed(source, 'replace', id, existing, pixel);
    return copy(pixel);
  }

  /**
   * Switch one pixel's status and nothing else, as Everflow does after repeated failed deliveries;
   * undefined when it does not exist.
   */
  setStatus(id: number, status: PixelStatus, source: ChangeSource): PixelRecord | undefined {
    const existing = this.pixels.get(id);
    if (!existing) return undefined;
    const pixel: PixelRecord = { ...copy(existing), pixel_status: status, time_saved: this.seconds() };
    this.pixels.set(id, pixel);
    this.changed(source, 'status', id, existing, pixel);
    return copy(pixel);
  }

  /** Delete a pixel; false when it did not exist. */
  delete(id: number, source: ChangeSource = 'api'): boolean {
    const existing = this.pixels.get(id);
    if (!existing) return false;
    this.pixels.delete(id);
    this.changed(source, 'delete', id, existing, undefined);
    return true;
  }

  /** Flip the network's "partners may not edit their postbacks" switch. */
  setPartnerPostbacksDisabled(disabled: boolean): void {
    this.partnerPostbacksDisabled = disabled;
    this.persist();
  }

  /** Back to the seed the server started with (pixels, ids and the switch). */
  reset(): void {
    this.load(this.options.seed.pixels, 0);
    this.partnerPostbacksDisabled = this.initialDisabled;
    this.persist();
  }
}
