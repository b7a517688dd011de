// Judges a `web-ext lint --output json` report of the Firefox build: no errors, and every warning or notice is one
// of the few listed below, each with its reason and matched on the code around the spot the linter points at (so
// a new eval or innerHTML of our own fails even in a file that already has an allowed one).

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

export interface Allowed {
  code: string;
  /** Tested on the source from 200 characters before the reported column to 100 after it. */
  around: RegExp;
  reason: string;
}

/** The warnings that stay, and why. A warning not listed here fails `npm test`. */
export const ALLOWED_WARNINGS: readonly Allowed[] = [
  {
    code: 'DANGEROUS_EVAL',
    around: /\.jitless\|\|typeof navigator[\s\S]*Function\(``\)/,
    reason:
      "zod 4's eval probe (`allowsEval`), bundled wherever zod is. It never runs: lib/zod-setup turns on zod's " +
      'jitless setting before any schema, so the probe returns false at its first test (test/lib/zod-setup.test.ts).',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    around: /dangerouslySetInnerHTML[\s\S]*\.innerHTML=\w+\.__html/,
    reason:
      "Preact's renderer assigns innerHTML only for a `dangerouslySetInnerHTML` prop, which this project never " +
      'uses (test/conventions.test.ts and the lint step check the sources for it).',
  },
];

export interface LintVerdict {
  ok: boolean;
  /** One line per message that fails the run. */
  problems: string[];
  /** One line per allowed warning, with its reason. */
  allowed: string[];
}

function where(m: LintMessage): string {
  return `${m.file ?? '(no file)'}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;
}

/**
 * Check a lint report against the allow-list. `readLine(file, line)` returns one line of a built file (the
 * bundles are minified onto one line, so the column places the spot).
 */
export function judgeLint(
  report: LintReport,
  readLine: (file: string, line: number) => string | undefined,
  allowList: readonly Allowed[] = ALLOWED_WARNINGS,
): LintVerdict {
  const problems: string[] = [];
  const allowed: string[] = [];
  for (const m of report.errors) problems.push(`error ${m.code} at ${where(m)}: ${m.message}`);
  for (const m of [...report.warnings, ...report.notices]) {
    const text = m.file && m.line ? readLine(m.file, m.line) : undefined;
    const column = m.column ?? 0;
    const around = text?.slice(Math.max(0, column - 200), column + 100) ?? '';
    const entry = allowList.find((a) => a.code === m.code && a.around.test(around));
    if (entry) allowed.push(`${m.code} at ${where(m)}: ${entry.reason}`);
    else problems.push(`${m.code} at ${where(m)}: ${m.message}`);
  }
  return { ok: problems.length === 0, problems, allowed };
}
