import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createEverflowClient, type EverflowClientOptions } from '../../lib/everflow/client';
import { createSandboxControl, type SandboxControl } from '../../sandbox/control';
import { DEMO_KEYS, type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/server';

/** A running sandbox for one test file: started once, reset before every test, closed at the end. */
export interface SandboxHarness {
  readonly sandbox: Sandbox;
  readonly control: SandboxControl;
  /** A client for the demo affiliate key (no pacing, instant backoff unless overridden). */
  affiliate(options?: Partial<EverflowClientOptions>): ReturnType<typeof createEverflowClient>['affiliate'];
  /** A client for the demo network key. */
  network(options?: Partial<EverflowClientOptions>): ReturnType<typeof createEverflowClient>['network'];
}

/** Options every contract client starts from: no limiter and no real waiting between retries. */
export function clientOptions(sandbox: Sandbox, apiKey: string, extra: Partial<EverflowClientOptions> = {}) {
  return {
    baseUrl: sandbox.baseUrl,
    apiKey,
    limiter: 'none',
    sleep: async () => {},
    recoverySettleMs: 0,
    ...extra,
  } satisfies EverflowClientOptions;
}

/** Registers the vitest hooks and returns accessors that are valid inside tests. */
export function useSandbox(options: SandboxOptions = {}): SandboxHarness {
  let sandbox: Sandbox | undefined;
  let control: SandboxControl | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...options });
    control = createSandboxControl(sandbox.origin);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(async () => {
    await control?.reset();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('sandbox not started');
    return value;
  };
  return {
    get sandbox() {
      return need(sandbox);
    },
    get control() {
      return need(control);
    },
    affiliate: (extra) =>
      createEverflowClient(clientOptions(need(sandbox), DEMO_KEYS.affiliate, extra)).affiliate,
    network: (extra) => createEverflowClient(clientOptions(need(sandbox), DEMO_KEYS.network, extra)).network,
  };
}

/** Request-log lines as `METHOD /path`, for order assertions. */
export async function logLines(control: SandboxControl): Promise<string[]> {
  return (await control.requests()).map((entry) => `${entry.method} ${entry.path}`);
}
