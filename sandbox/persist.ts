import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { err, ok, type Result } from '../lib/result';
import type { PixelRecord } from './model';
import { SEED_NAMES, type SeedName } from './seed/index';

/** What `--data FILE` holds: the mutable part of the state (the world comes from the seed). */
export interface PersistedState {
  format: 'everflow-sandbox';
  version: 1;
  seed: SeedName;
  nextPixelId: number;
  partnerPostbacksDisabled: boolean;
  pixels: PixelRecord[];
}

let tempCounter = 0;

/**
 * Write the state atomically: a temp file in the same directory, then a rename over the target,
 * so a crash mid-write leaves either the old file or the new one, never half of one.
 */
export function writeStateFile(file: string, state: PersistedState): void {
  mkdirSync(dirname(file), { recursive: true });
  tempCounter += 1;
  const temp = `${file}.${process.pid}.${tempCounter}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Read a state file: `undefined` when it does not exist, an error message when it is not ours or is damaged. */
export function readStateFile(file: string): Result<PersistedState | undefined, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(undefined);
    return err(`cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return err(`${file} is not valid JSON`);
  }
  const state = parsed as Partial<PersistedState> | null;
  if (
    state?.format !== 'everflow-sandbox' ||
    state.version !== 1 ||
    !Array.isArray(state.pixels) ||
    typeof state.nextPixelId !== 'number'
  ) {
    return err(`${file} is not an Everflow sandbox data file (format everflow-sandbox, version 1)`);
  }
  return ok({
    format: 'everflow-sandbox',
    version: 1,
    seed: SEED_NAMES.find((name) => name === state.seed) ?? 'empty',
    nextPixelId: state.nextPixelId,
    partnerPostbacksDisabled: state.partnerPostbacksDisabled === true,
    pixels: state.pixels,
  });
}
