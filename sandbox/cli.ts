import { parseCliArgs, USAGE } from './cli-args';
import { DEMO_KEYS, DEMO_NETWORK_ID, DEMO_PARTNER_ID } from './demo-keys';
import { DEFAULT_RATE_LIMIT } from './rate-limit';
import { startSandbox } from './server';

// `npm run sandbox -- --port 8787 --seed demo`: start the sandbox, print how to reach it, and run
// until SIGINT/SIGTERM. The "Base URL:" line is parsed by scripts and tests; keep its format.

async function main(): Promise<void> {
  const config = parseCliArgs(process.argv.slice(2));
  if (!config.ok) {
    process.stderr.write(`${config.error}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config.value.help) {
    process.stdout.write(USAGE);
    return;
  }
  const options = config.value.options;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    process.stderr.write(`Could not start the sandbox: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const rate = { ...DEFAULT_RATE_LIMIT, ...stripUndefined(options.rateLimit ?? {}) };
  const windowText = `${rate.windowSeconds} s`;
  const faults = options.faults ?? [];
  const networkId = options.networkId ?? DEMO_NETWORK_ID;
  const sizes = (['offers', 'pixels', 'partnerPixels'] as const)
    .filter((name) => options[name] !== undefined)
    .map((name) => `${name} ${options[name]}`);
  const seedText = [options.seed, ...sizes].join(', ');
  process.stdout.write(
    [
      `Everflow sandbox listening (seed: ${seedText})`,
      `  Base URL:       ${sandbox.baseUrl}`,
      `  Control API:    ${sandbox.origin}/__sandbox/`,
      `  Tracker:        ${sandbox.trackerUrl}/ok/postback   (see sandbox/README.md for the other answers)`,
      ...(sandbox.trackerOrigin ? [`  Plain tracker:  ${sandbox.trackerOrigin}/ok/postback   (no TLS)`] : []),
      `  Affiliate key:  ${DEMO_KEYS.affiliate}   (partner ${DEMO_PARTNER_ID}, "Demo Partner")`,
      `  Network key:    ${DEMO_KEYS.network}     (network ${networkId}, "Demo Network${networkId === DEMO_NETWORK_ID ? '' : ` ${networkId}`}")`,
      `  Rate limits:    affiliate ${rate.affiliatePerSecond}/s, network ${rate.networkPerSecond}/s, window ${windowText}`,
      `  Data:           ${options.dataFile ?? 'in memory'}`,
      `  Faults:         ${faults.length === 0 ? 'none' : faults.map((fault) => JSON.stringify(fault)).join(' ')}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: shutting down\n`);
    sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

main();
