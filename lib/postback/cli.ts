/**
 * `npm run --silent check-url -- [options] URL…`: lint postback URLs from a shell or a pipeline.
 * Exit status: 0 when every URL is valid, 1 when any is invalid, 2 on a usage error.
 * The only file of lib/postback that uses Node APIs.
 */
import { createInterface } from 'node:readline';
import { type CheckOptions, checkPostbackUrl } from './check';
import { formatText, toJsonReport } from './format';
import type { PixelType } from './macros';
import { RECEIVERS, type ReceiverId } from './trackers';

const USAGE = `Usage: check-url [options] URL…
       check-url --jsonl [options] < urls.jsonl

Checks Everflow postback URLs against the checker's rules.

Options:
  --json               print a JSON array with one report per URL
  --jsonl              read standard input, one JSON string (a URL) per line; write one JSON report per line
  --pixel-type TYPE    conversion, event, post_conversion or cpc: warn about macros not filled for it
  --tracker ID         the receiver the URL is for (${Object.keys(RECEIVERS).join(', ')})
  -h, --help           show this help

Exit status: 0 all valid, 1 some invalid, 2 usage error.`;

const PIXEL_TYPES = ['conversion', 'event', 'post_conversion', 'cpc'];

interface Args {
  mode: 'text' | 'json' | 'jsonl';
  urls: string[];
  options: CheckOptions;
}

function usageError(message: string): never {
  process.stderr.write(`check-url: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { mode: 'text', urls: [], options: {} };
  let json = false;
  let jsonl = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.urls.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.urls.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) usageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (flag === '--json') json = true;
    else if (flag === '--jsonl') jsonl = true;
    else if (flag === '--pixel-type') {
      const v = value();
      if (!PIXEL_TYPES.includes(v)) usageError(`unknown pixel type "${v}"`);
      args.options.pixelType = v as PixelType | 'post_conversion';
    } else if (flag === '--tracker') {
      const v = value();
      if (!(v in RECEIVERS)) usageError(`unknown tracker "${v}"`);
      args.options.tracker = v as ReceiverId;
    } else usageError(`unknown option ${flag}`);
  }
  if (json && jsonl) usageError('use either --json or --jsonl');
  if (jsonl && args.urls.length > 0) usageError('--jsonl reads URLs from standard input, not from arguments');
  if (!jsonl && args.urls.length === 0) usageError('no URL given');
  args.mode = jsonl ? 'jsonl' : json ? 'json' : 'text';
  return args;
}

async function runJsonl(options: CheckOptions): Promise<number> {
  let status = 0;
  let lineNo = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let url: unknown;
    try {
      url = JSON.parse(line);
    } catch {
      url = undefined;
    }
    if (typeof url !== 'string') {
      process.stderr.write(`check-url: line ${lineNo} is not a JSON string\n`);
      status = 2;
      continue;
    }
    const result = checkPostbackUrl(url, options);
    if (!result.valid && status === 0) status = 1;
    process.stdout.write(`${JSON.stringify(toJsonReport(url, result))}\n`);
  }
  return status;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.mode === 'jsonl') {
    process.exitCode = await runJsonl(args.options);
    return;
  }
  const results = args.urls.map((url) => ({ url, result: checkPostbackUrl(url, args.options) }));
  if (args.mode === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        results.map(({ url, result }) => toJsonReport(url, result)),
        null,
        2,
      )}\n`,
    );
  } else {
    process.stdout.write(`${results.map(({ url, result }) => formatText(url, result)).join('\n\n')}\n`);
  }
  process.exitCode = results.every(({ result }) => result.valid) ? 0 : 1;
}

void main();
