import { deleteParam } from './check-query';
import { isTemplateWord } from './classify';
import { registryMacro } from './macros';
import type { Param, UrlParts } from './parse';
import type { Edit, Reporter } from './report';
import type { Token } from './token';

/** Keys that carry a click id in common receivers' postbacks (clickid.empty). */
export const CLICK_KEYS = new Set([
  'cid',
  'clickid',
  'click_id',
  'clid',
  'cnv_id',
  'hit',
  'click-id',
  'subid',
]);

// Raw or percent-encoded opening and closing wrappers.
const OPENERS = /^(?:["'“”‘’(<]|%22|%27|%28|%3C)+/i;
const CLOSERS = /(?:["'“”‘’)>]|%22|%27|%29|%3E)+$/i;
const HAS_MACRO = /\{[^{}]+\}/;
// A value can only be a placeholder, a bare macro name or a wrapped macro if it starts like one.
const MAY_MATCH = /^(?:[A-Za-z<"'“”‘’(]|%2[278]|%3C)/i;
// <PLACEHOLDER> left from a template such as ours ("name=<TABOOLA_EVENT_NAME>"), raw or encoded.
const ANGLE_PLACEHOLDER = /^(?:<|%3C)[A-Za-z][A-Za-z0-9_ -]*(?:>|%3E)$/i;

/** Whether a whole value is a placeholder: a template word (REPLACE, OPTIONAL, YOUR_…) or `<NAME>`. */
export function isPlaceholderValue(value: string): boolean {
  return isTemplateWord(value) || ANGLE_PLACEHOLDER.test(value);
}

/** The fix for a placeholder filling parameter n: `{sub1}` for a click key, else delete the parameter. */
export function placeholderEdit(s: string, parts: UrlParts, n: number, clickKey: string | undefined): Edit {
  const p = parts.params[n]!;
  const isClickKey = CLICK_KEYS.has(p.name.toLowerCase()) || p.name === clickKey;
  return isClickKey ? { start: p.valueStart, end: p.end, text: '{sub1}' } : deleteParam(s, parts, n);
}

function bareToken(p: Param, kind: Token['kind'], rule: Token['rule'], suggestion?: string): Token {
  const value = p.value!;
  const tok: Token = {
    start: p.valueStart,
    end: p.end,
    text: value,
    name: value,
    syntax: 'bare',
    part: 'value',
    kind,
    rule,
  };
  if (suggestion) tok.suggestion = suggestion;
  return tok;
}

/**
 * Whole-value rules: template placeholders without braces, macro names without braces, and macros wrapped
 * in quotes or brackets. Adds a `bare` token for each placeholder or bare macro name.
 */
export function checkValues(
  s: string,
  parts: UrlParts,
  r: Reporter,
  clickKey: string | undefined,
  tokens: Token[],
): void {
  const { params } = parts;
  for (let n = 0; n < params.length; n++) {
    const p = params[n]!;
    const value = p.value;
    // Hot path: most values start with "{" (a macro) or a digit, which none of these rules can match.
    if (!value || !MAY_MATCH.test(value)) continue;
    const start = p.valueStart;
    if (isPlaceholderValue(value)) {
      const edit = placeholderEdit(s, parts, n, clickKey);
      r.add(
        'value.template_placeholder',
        start,
        p.end,
        `"${value}" is a template placeholder; replace it with an Everflow macro or delete the parameter.`,
        edit,
        'Replace or remove placeholders',
      );
      tokens.push(bareToken(p, 'template_placeholder', 'value.template_placeholder'));
      continue;
    }
    const named = registryMacro(value.toLowerCase());
    if (named) {
      r.add(
        'macro.missing_braces',
        start,
        p.end,
        `Did you mean ${named.token}? Without braces the word "${value}" itself is sent.`,
        { start, end: p.end, text: named.token },
        `Use ${named.token}`,
      );
      tokens.push(bareToken(p, 'missing_braces', 'macro.missing_braces', named.token));
      continue;
    }
    const open = OPENERS.exec(value);
    if (open && HAS_MACRO.test(value)) {
      const close = CLOSERS.exec(value);
      const innerEnd = close ? value.length - close[0].length : value.length;
      const inner = value.slice(open[0].length, Math.max(open[0].length, innerEnd));
      r.add(
        'value.wrapped_macro',
        start,
        p.end,
        `The ${open[0]}…${close?.[0] ?? ''} around the macro become part of the value; remove them: ${p.name}=${inner}.`,
        { start, end: p.end, text: inner },
        'Remove the quotes',
      );
    }
  }
}
