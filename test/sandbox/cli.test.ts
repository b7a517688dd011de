// @vitest-environment node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseFaultFlag, USAGE } from '../../sandbox/cli-args';
import { DEMO_KEYS } from '../../sandbox/server';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('parseCliArgs', () => {
  it('defaults to port 8787 on 127.0.0.1 with the empty seed and no faults', () => {
    const parsed = parseCliArgs([]);
    expect(parsed.ok && parsed.value.options).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      seed: 'empty',
      faults: [],
      partnerPostbacksDisabled: false,
    });
  });

  it('reads every flag', () => {
    const parsed = parseCliArgs([
      '--port=0',
      '--seed',
      'demo',
      '--data',
      'state.json',
      '--affiliate-rps',
      '2.5',
      '--network-rps',
      '20',
      '--window',
      '10',
      '--latency',
      '100',
      '--fault',
      '429:ratio=0.1',
      '--fault',
      'hang:method=PUT,path=/v1/affiliates/pixels,count=2',
      '--fault-seed',
      '9',
      '--partner-postbacks-disabled',
    ]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.options).toMatchObject({
      port: 0,
      seed: 'demo',
      dataFile: 'state.json',
      rateLimit: { affiliatePerSecond: 2.5, networkPerSecond: 20, windowSeconds: 10 },
      faultSeed: 9,
      partnerPostbacksDisabled: true,
      faults: [
        { kind: 'latency', ms: 100 },
        { kind: 'status', status: 429, ratio: 0.1 },
        { kind: 'hang', count: 2, match: { method: 'PUT', path: '/v1/affiliates/pixels' } },
      ],
    });
  });

  it('explains bad flags', () => {
    const cases: [string[], RegExp][] = [
      [['--seed', 'full'], /--seed must be one of empty, demo, scale, got "full"/],
      [['--pixels=1.5'], /--pixels must be a whole number ≥ 0/],
      [['--offers', '30000'], /--offers must be at most 20000/],
      [['--partner-pixels', '200000'], /--partner-pixels must be at most 100000/],
      [['--network-id', '0'], /--network-id must be 1 or more/],
      [['--port', 'abc'], /--port must be a whole number/],
      [['--window', '0'], /--window must be greater than 0/],
      [['--fault', '404'], /status must be 429, 500 or 503/],
      [['--fault', 'slow'], /kind must be one of/],
      [['--colour'], /Unknown option/],
    ];
    for (const [argv, message] of cases) {
      const parsed = parseCliArgs(argv);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(message);
    }
  });
});

describe('seed flags', () => {
  it('read the scale seed and the size flags', () => {
    expect(parseCliArgs(['--seed', 'scale'])).toMatchObject({
      ok: true,
      value: { options: { seed: 'scale' } },
    });
    const parsed = parseCliArgs([
      '--seed',
      'demo',
      '--offers',
      '600',
      '--pixels',
      '10000',
      '--partner-pixels',
      '500',
      '--network-id',
      '2',
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      value: { options: { seed: 'demo', offers: 600, pixels: 10_000, partnerPixels: 500, networkId: 2 } },
    });
  });

  it('read the tracker flags', () => {
    expect(parseCliArgs(['--tracker-port', '0', '--tracker-slow-ms', '3000'])).toMatchObject({
      ok: true,
      value: { options: { trackerPort: 0, trackerSlowMs: 3000 } },
    });
    expect(parseCliArgs([])).toMatchObject({ ok: true, value: { options: { trackerPort: undefined } } });
    expect(parseCliArgs(['--tracker-slow-ms', 'soon'])).toEqual({
      ok: false,
      error: '--tracker-slow-ms must be a whole number ≥ 0, got "soon"',
    });
  });

  it('are listed in the help text', () => {
    for (const flag of [
      '--seed empty|demo|scale',
      '--offers N',
      '--pixels N',
      '--partner-pixels N',
      '--network-id N',
      '--tracker-port N',
      '--tracker-slow-ms MS',
    ]) {
      expect(USAGE).toContain(flag);
    }
  });
});

describe('parseFaultFlag', () => {
  it('parses every fault kind', () => {
    expect(parseFaultFlag('503:count=3,retryAfter=2')).toEqual({
      ok: true,
      value: { kind: 'status', status: 503, retryAfter: 2, count: 3 },
    });
    expect(parseFaultFlag('latency:ms=50,ratio=0.5')).toEqual({
      ok: true,
      value: { kind: 'latency', ms: 50, ratio: 0.5 },
    });
    expect(parseFaultFlag('capital_error:message=Nope')).toMatchObject({
      ok: true,
      value: { kind: 'capital_error', message: 'Nope' },
    });
    for (const kind of ['reset', 'malformed_json', 'html_error']) {
      expect(parseFaultFlag(kind)).toMatchObject({ ok: true, value: { kind } });
    }
    expect(parseFaultFlag('500:ratio=x')).toEqual({
      ok: false,
      error: '--fault 500:ratio=x: ratio must be a number',
    });
  });
});

/** Start the CLI, resolve with its printed base URL. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], { cwd: root });
  let output = '';
  const baseUrl = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Base URL:\s+(\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`cli exited early (${code}): ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, baseUrl, exited, output: () => output };
}

describe('sandbox CLI', () => {
  it('prints the base URL and demo keys, serves requests, and exits cleanly on SIGTERM', async () => {
    const cli = startCli(['--port', '0', '--seed', 'demo', '--tracker-port', '0']);
    try {
      const baseUrl = await cli.baseUrl;
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(cli.output()).toContain(DEMO_KEYS.affiliate);
      expect(cli.output()).toContain(DEMO_KEYS.network);
      const tracker = /Plain tracker:\s+(\S+)/.exec(cli.output())?.[1] ?? '';
      expect((await fetch(tracker)).status).toBe(200);
      const reply = await fetch(`${baseUrl}/affiliates/pixels`, {
        headers: { 'X-Eflow-API-Key': DEMO_KEYS.affiliate },
      });
      expect(reply.status).toBe(200);
      expect(((await reply.json()) as { pixels: unknown[] }).pixels).toHaveLength(32);
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('SIGTERM: shutting down');
  }, 20_000);
});
