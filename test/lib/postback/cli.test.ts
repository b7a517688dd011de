// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** Run the CLI as `npm run check-url` would (tsx lib/postback/cli.ts …). */
function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [tsx, 'lib/postback/cli.ts', ...args], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const VALID = 'https://abcde.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}';
const INVALID = 'https://trk.example.com/pb?cid={transactionid}';

describe('check-url CLI', { timeout: 60_000 }, () => {
  it('exits 0 and says valid when every URL is valid', () => {
    const r = run([VALID]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✓ valid');
    expect(r.stdout).toContain('receiver: Voluum');
  });

  it('exits 1 and prints a caret under the finding when a URL is invalid', () => {
    const r = run([VALID, INVALID]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('macro.typo'));
    expect(at).toBeGreaterThan(0);
    const shown = lines[at + 1]!;
    const caret = lines[at + 2]!;
    expect(shown.slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).toBe('{transactionid}');
  });

  it('prints JSON with --json and honours --tracker', () => {
    const r = run(['--json', '--tracker', 'voluum', 'https://trk.mydomain.com/postback?clickid={sub1}']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0])).toEqual(['input', 'valid', 'errors', 'warnings', 'info']);
    expect(out[0].errors.map((f: { rule: string }) => f.rule)).toEqual(['tracker.required_param_missing']);
  });

  it('reads JSON strings line by line with --jsonl, URLs with spaces and line breaks included', () => {
    const urls = [
      VALID,
      'https://trk.example.com/pb?cid={sub1}&x=a b',
      'https://trk.example.com/pb?cid={sub1}\n&x=1',
    ];
    const r = run(
      ['--jsonl', '--pixel-type=conversion'],
      `${urls.map((u) => JSON.stringify(u)).join('\n')}\n\n`,
    );
    expect(r.status).toBe(1);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.input)).toEqual(urls);
    expect(out.map((o) => o.valid)).toEqual([true, false, false]);
    expect(out[1].errors[0]).toEqual({
      rule: 'url.whitespace',
      severity: 'error',
      message: expect.stringContaining('space'),
      start: urls[1]!.indexOf(' '),
      end: urls[1]!.indexOf(' ') + 1,
    });
    expect(out[2].errors[0]).toMatchObject({
      rule: 'url.whitespace',
      message: expect.stringContaining('line break'),
    });
    expect(run(['--jsonl'], `${JSON.stringify(VALID)}\r\n`).status).toBe(0);
  });

  it.each([
    [[]],
    [['--bogus', VALID]],
    [['--jsonl', VALID]],
    [['--json', '--jsonl']],
    [['--pixel-type', 'sale', VALID]],
    [['--tracker']],
  ])('exits 2 on a usage error: %j', (args) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: check-url');
  });

  it('exits 2 when a --jsonl line is not a JSON string', () => {
    const r = run(['--jsonl'], `${JSON.stringify(VALID)}\nhttps://not-json.example.com\n`);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line 2');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });
});
