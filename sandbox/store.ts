import type { PixelFields, PixelRecord, SeedData, World } from './model';
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
  private pixels = new Map<number, PixelRecord>();
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
    this.pixels = new Map(pixels.map((pixel) => [pixel.network_pixel_id, copy(pixel)]));
    const highest = Math.max(0, ...this.pixels.keys());
    this.nextId = Math.max(nextId, highest + 1);
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
    return [...this.pixels.values()].sort((a, b) => a.network_pixel_id - b.network_pixel_id);
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
  create(fields: PixelFields): PixelRecord {
    const now = this.seconds();
    const pixel: PixelRecord = {
      ...copy(fields),
      network_pixel_id: this.nextId,
      time_created: now,
      time_saved: now,
    };
    this.nextId += 1;
    this.pixels.set(pixel.network_pixel_id, pixel);
    this.persist();
    return copy(pixel);
  }

  /** Replace every writable field of a pixel (full-replacement PUT); undefined when it does not exist. */
  replace(id: number, fields: PixelFields): PixelRecord | undefined {
    const existing = this.pixels.get(id);
    if (!existing) return undefined;
    const pixel: PixelRecord = {
      ...copy(fields),
      network_pixel_id: id,
      time_created: existing.time_created,
      time_saved: this.seconds(),
    };
    this.pixels.set(id, pixel);
    this.persist();
    return copy(pixel);
  }

  /** Delete a pixel; false when it did not exist. */
  delete(id: number): boolean {
    const existed = this.pixels.delete(id);
    if (existed) this.persist();
    return existed;
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
