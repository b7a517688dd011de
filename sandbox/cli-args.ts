import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../lib/result';
import { parseFaultSpec } from './fault-spec';
import type { FaultSpec } from './fault-types';
import { checkSeedSize, SEED_NAMES, type SeedName } from './seed/index';
import type { SandboxOptions } from './server';

/** What the command line asked for. */
export interface CliConfig {
  help: boolean;
  options: SandboxOptions;
}

/** Usage text printed by `--help`. */
export const USAGE = `Usage: npm run sandbox -- [flags]

  --port N                       port to listen on (default 8787; 0 = any free port)
  --host HOST                    interface to bind (default 127.0.0.1)
  --seed empty|demo|scale        keys/partners/offers without postbacks (default), demo postbacks, or
                                 demo grown to 600 offers and 10 000 + 10 000 postbacks
  --offers N                     grow the offer catalogue to N offers (generated after the fixed 50)
  --pixels N                     the demo affiliate key sees N postbacks (generated after the seed's own)
  --partner-pixels N             N postbacks of other partners and network-wide ones (network side)
  --network-id N                 be network N, "Demo Network N" (default 1): run two sandboxes for two
                                 networks with the same partners and same-named offers
  --data FILE                    persist postbacks to FILE (atomic writes), load it on start
  --affiliate-rps N              affiliate requests per second (default 5)
  --network-rps N                network requests per second (default 30)
  --window SECONDS               rate-limit window (default 30)
  --fault KIND[:opt=v,...]       inject a fault; repeatable. KIND: 429 500 503 hang reset malformed_json
                                 html_error capital_error latency. opts: count ratio ms retryAfter status
                                 message method path   e.g. --fault 429:ratio=0.1  --fault 503:count=3
  --latency MS                   add MS of latency to every request (= --fault latency:ms=MS)
  --fault-seed N                 seed of the PRNG behind ratio faults (default 1)
  --partner-postbacks-disabled   start with partner postback editing switched off
  --tracker-port N               also serve the stand-in tracker at the root of a plain-HTTP listener
                                 on port N (0 = any free port): a TLS-less host for test-fire
  --tracker-slow-ms MS           how long the tracker's /slow waits by default (default 12000)
  --help                         show this text
`;

const NUMERIC_OPTIONS = new Set(['count', 'ratio', 'ms', 'retryAfter', 'status']);

/** Parse one `--fault` value, e.g. `429:ratio=0.1` or `hang:path=/v1/affiliates/pixels,method=PUT`. */
export function parseFaultFlag(text: string): Result<FaultSpec, string> {
  const [head = '', rest = ''] = text.split(/:(.*)/s);
  const raw: Record<string, unknown> = /^\d{3}$/.test(head)
    ? { kind: 'status', status: Number(head) }
    : { kind: head };
  const match: Record<string, string> = {};
  for (const part of rest.split(',').filter(Boolean)) {
    const index = part.indexOf('=');
    if (index < 1) return err(`--fault ${text}: "${part}" is not key=value`);
    const key = part.slice(0, index);
    const value = part.slice(index + 1);
    if (key === 'method' || key === 'path') match[key] = value;
    else if (NUMERIC_OPTIONS.has(key)) {
      if (value.trim() === '' || Number.isNaN(Number(value)))
        return err(`--fault ${text}: ${key} must be a number`);
      raw[key] = Number(value);
    } else if (key === 'message') raw[key] = value;
    else return err(`--fault ${text}: unknown option "${key}"`);
  }
  if (Object.keys(match).length > 0) raw.match = match;
  const spec = parseFaultSpec(raw);
  return spec.ok ? ok(spec.value) : err(`--fault ${text}: ${spec.error.message}`);
}

function readNumber(
  value: string | undefined,
  flag: string,
  integer: boolean,
): Result<number | undefined, string> {
  if (value === undefined) return ok(undefined);
  const number = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(number) ||
    number < 0 ||
    (integer && !Number.isInteger(number))
  ) {
    return err(`${flag} must be a ${integer ? 'whole ' : ''}number ≥ 0, got "${value}"`);
  }
  return ok(number);
}

/** Turn argv (without node and the script) into sandbox options. */
export function parseCliArgs(argv: string[]): Result<CliConfig, string> {
  let parsed: ReturnType<typeof parseCliFlags>;
  try {
    parsed = parseCliFlags(argv);
  } catch (error) {
    return err((error as Error).message);
  }
  const { values } = parsed;
  const numbers: Record<string, number | undefined> = {};
  for (const [flag, integer] of [
    ['port', true],
    ['affiliate-rps', false],
    ['network-rps', false],
    ['window', false],
    ['latency', true],
    ['fault-seed', true],
    ['offers', true],
    ['pixels', true],
    ['partner-pixels', true],
    ['tracker-port', true],
    ['tracker-slow-ms', true],
    ['network-id', true],
  ] as const) {
    const read = readNumber(values[flag], `--${flag}`, integer);
    if (!read.ok) return read;
    numbers[flag] = read.value;
  }
  const seed = SEED_NAMES.find((name) => name === (values.seed ?? 'empty'));
  if (!seed) return err(`--seed must be one of ${SEED_NAMES.join(', ')}, got "${values.seed}"`);
  const size = { offers: numbers.offers, pixels: numbers.pixels, partnerPixels: numbers['partner-pixels'] };
  const sizeProblem = checkSeedSize(size);
  if (sizeProblem) return err(`--${sizeProblem.replace('partnerPixels', 'partner-pixels')}`);
  if (numbers.window === 0) return err('--window must be greater than 0');
  if (numbers['network-id'] === 0) return err('--network-id must be 1 or more');
  const faults: FaultSpec[] = [];
  if (numbers.latency) faults.push({ kind: 'latency', ms: numbers.latency });
  for (const text of values.fault ?? []) {
    const fault = parseFaultFlag(text);
    if (!fault.ok) return fault;
    faults.push(fault.value);
  }
  return ok({
    help: values.help === true,
    options: {
      port: numbers.port ?? 8787,
      host: values.host ?? '127.0.0.1',
      seed: seed satisfies SeedName,
      ...size,
      networkId: numbers['network-id'],
      dataFile: values.data,
      rateLimit: {
        affiliatePerSecond: numbers['affiliate-rps'],
        networkPerSecond: numbers['network-rps'],
        windowSeconds: numbers.window,
      },
      faults,
      faultSeed: numbers['fault-seed'],
      partnerPostbacksDisabled: values['partner-postbacks-disabled'] === true,
      trackerPort: numbers['tracker-port'],
      trackerSlowMs: numbers['tracker-slow-ms'],
    },
  });
}

function parseCliFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      data: { type: 'string' },
      'affiliate-rps': { type: 'string' },
      'network-rps': { type: 'string' },
      window: { type: 'string' },
      fault: { type: 'string', multiple: true },
      latency: { type: 'string' },
      'fault-seed': { type: 'string' },
      offers: { type: 'string' },
      pixels: { type: 'string' },
      'partner-pixels': { type: 'string' },
      'tracker-port': { type: 'string' },
      'tracker-slow-ms': { type: 'string' },
      'network-id': { type: 'string' },
      'partner-postbacks-disabled': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
