import { type Classification, classifyName, foreignEquivalent, type TokenKind } from './classify';
import { isFilledFor, type PixelType, registryMacro } from './macros';
import type { UrlParts } from './parse';
import type { Edit, Reporter } from './report';
import type { RuleId } from './rules';
import { type RawToken, scanTokens, type TokenSyntax } from './scan';

/** Where a token sits in the URL. */
export type TokenPart = 'userinfo' | 'host' | 'port' | 'path' | 'key' | 'value' | 'fragment';

/**
 * A macro-like token, for highlighting: every token of every syntax, plus bare values that are macro
 * names or template words. Positions index the original input, like findings.
 */
export interface Token {
  start: number;
  end: number;
  /** `input.slice(start, end)`. */
  text: string;
  /** The name inside the syntax (`sub1` for `{sub1}`, `s2` for `#s2#`). */
  name: string;
  syntax: TokenSyntax;
  part: TokenPart;
  kind: TokenKind;
  /** The rule this token triggered, if any (absent for a correctly used macro). */
  rule?: RuleId;
  /** The Everflow macro to use instead, when there is a confident one. */
  suggestion?: string;
}

const SYNTAX_LABEL: Record<string, string> = {
  cake: 'CAKE syntax; a # also cuts off the rest of the URL',
  double_braces: 'double-brace template syntax',
  brackets: 'ad-server [MACRO] syntax',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal syntax name
  dollar: '${…} syntax (PropellerAds, Branch)',
  percent: '%%…%% syntax, and %% is broken percent-encoding',
  cpvlab: 'CPV Lab syntax',
};

// Names Everflow does not list but users often mean something listed by (spec §3.7 question 2).
const UNKNOWN_HINTS: Record<string, string> = {
  payout: '{payout_amount}',
  revenue: '{payout_amount}',
  amount: '{sale_amount}',
  currency: '{offer_currency}',
};

interface Context {
  s: string;
  parts: UrlParts;
  r: Reporter;
  pixelType: PixelType | 'post_conversion' | undefined;
  tokens: Token[];
}

function partOf(parts: UrlParts, start: number, cursor: { n: number }): TokenPart {
  if (start < parts.pathEnd || parts.queryStart === -1) return 'path';
  const { params } = parts;
  while (cursor.n < params.length - 1 && params[cursor.n]!.end < start) cursor.n++;
  const p = params[cursor.n];
  if (!p) return 'value';
  return start < p.keyEnd ? 'key' : 'value';
}

function ladderFinding(ctx: Context, tok: Token, c: Classification): void {
  const { r } = ctx;
  const { start, end, text, name } = tok;
  switch (c.kind) {
    case 'exact':
      if (ctx.pixelType && c.macro && !isFilledFor(c.macro, ctx.pixelType)) {
        tok.rule = 'macro.not_for_pixel_type';
        r.add(
          tok.rule,
          start,
          end,
          `Everflow does not fill ${text} in ${ctx.pixelType} postbacks; it will be empty there.`,
        );
      }
      return;
    case 'wrong_context':
      tok.rule = 'macro.wrong_context';
      r.add(
        tok.rule,
        start,
        end,
        `${text} is only filled in ${name === 'adv_event_id' ? 'advertiser postbacks' : 'landing pages'}, not in partner postbacks; remove it.`,
      );
      return;
    case 'template_placeholder':
      tok.rule = 'value.template_placeholder';
      r.add(
        tok.rule,
        start,
        end,
        `"${text}" is a template placeholder; replace it with an Everflow macro or delete the parameter.`,
      );
      return;
    case 'case_mismatch':
      tok.rule = 'macro.case_mismatch';
      r.add(
        tok.rule,
        start,
        end,
        `Everflow macros are lower-case: write ${c.suggestion}.`,
        { start, end, text: c.suggestion! },
        `Use ${c.suggestion}`,
      );
      return;
    case 'slot_out_of_range':
      tok.rule = 'macro.slot_out_of_range';
      r.add(tok.rule, start, end, `Everflow has sub1–sub10 and adv1–adv10; ${text} does not exist.`);
      return;
    case 'foreign_platform': {
      tok.rule = 'macro.foreign_platform';
      const message =
        c.platform === 'tracker'
          ? `${text} is your tracker's own token; send back the sub slot you passed it in, e.g. {sub1}.`
          : c.suggestion
            ? `${text} is an ${c.platform} macro; in Everflow use ${c.suggestion}.`
            : `${text} is a ${c.platform} macro; in Everflow use the sub slot you passed your click id in, e.g. {sub1}.`;
      r.add(
        tok.rule,
        start,
        end,
        message,
        c.suggestion ? { start, end, text: c.suggestion } : undefined,
        `Use ${c.suggestion}`,
      );
      return;
    }
    case 'typo':
      tok.rule = 'macro.typo';
      r.add(
        tok.rule,
        start,
        end,
        `Unknown macro ${text}; did you mean ${c.suggestion}?`,
        { start, end, text: c.suggestion! },
        `Use ${c.suggestion}`,
      );
      return;
    case 'empty':
      tok.rule = 'macro.empty';
      r.add(tok.rule, start, end, 'Empty macro {}; put a macro name inside, e.g. {sub1}, or remove it.');
      return;
    default: {
      tok.rule = 'macro.unknown';
      const hint = UNKNOWN_HINTS[name.toLowerCase()];
      const unverified = c.macro
        ? ' appears in Everflow material but is not confirmed for partner postbacks;'
        : ';';
      const message = `Everflow does not list ${text}${unverified} it may be sent literally.${hint ? ` Did you mean ${hint}?` : ''}`;
      r.add(tok.rule, start, end, message, hint ? { start, end, text: hint } : undefined, `Use ${hint}`);
    }
  }
}

function pathQueryToken(ctx: Context, raw: RawToken, part: TokenPart): Token {
  const text = ctx.s.slice(raw.start, raw.end);
  const tok: Token = {
    start: raw.start,
    end: raw.end,
    text,
    name: raw.name,
    syntax: raw.syntax,
    part: part,
    kind: 'unknown',
  };
  const { r } = ctx;
  if (raw.syntax === 'braces') {
    const c = classifyName(raw.name);
    tok.kind = c.kind;
    if (c.suggestion) tok.suggestion = c.suggestion;
    ladderFinding(ctx, tok, c);
  } else if (raw.syntax === 'encoded') {
    tok.kind = 'encoded';
    tok.rule = 'macro.encoded_braces';
    tok.suggestion = `{${raw.name}}`;
    r.add(
      tok.rule,
      raw.start,
      raw.end,
      `"${text}" has URL-encoded braces, so Everflow will not replace it; write {${raw.name}}.`,
      {
        start: raw.start,
        end: raw.end,
        text: tok.suggestion,
      },
      'Decode the braces',
    );
  } else {
    tok.kind = 'foreign_syntax';
    tok.rule = 'macro.foreign_syntax';
    const equivalent = foreignEquivalent(raw.name);
    if (equivalent) tok.suggestion = equivalent;
    const advice = equivalent ? `Everflow uses ${equivalent}.` : 'Everflow macros look like {sub1}.';
    r.add(
      tok.rule,
      raw.start,
      raw.end,
      `"${text}" is ${SYNTAX_LABEL[raw.syntax]}; ${advice}`,
      equivalent ? { start: raw.start, end: raw.end, text: equivalent } : undefined,
      `Use ${equivalent}`,
    );
  }
  if (raw.syntax === 'braces' || raw.syntax === 'encoded') {
    if (part === 'path')
      r.add(
        'macro.in_path',
        raw.start,
        raw.end,
        `${text} is in the path: allowed, but its value must not contain / or ?.`,
      );
    if (part === 'key')
      r.add(
        'macro.in_key',
        raw.start,
        raw.end,
        `${text} is in a parameter name; macros belong in values (key={macro}).`,
      );
  }
  return tok;
}

function unbalanced(ctx: Context, strays: number[]): void {
  const { s, r } = ctx;
  for (const at of strays) {
    let edit: Edit | undefined;
    if (s[at] === '{') {
      const m = /[a-z0-9_]+/y;
      m.lastIndex = at + 1;
      const word = m.exec(s)?.[0];
      if (word && registryMacro(word))
        edit = { start: at + 1 + word.length, end: at + 1 + word.length, text: '}' };
    } else {
      let b = at;
      while (b > 0 && /[a-z0-9_]/.test(s[b - 1]!)) b--;
      if (b < at && registryMacro(s.slice(b, at))) edit = { start: b, end: b, text: '{' };
    }
    r.add(
      'macro.unbalanced_braces',
      at,
      at + 1,
      `Unbalanced "${s[at]}" at character ${at + 1}; close the macro or remove the brace.`,
      edit,
      'Balance the braces',
    );
  }
}

const BRACE_FAMILY = new Set<TokenSyntax>(['braces', 'double_braces', 'dollar', 'cpvlab']);

/** Tokenize the URL, classify every token and report the macro.* rules. Returns the tokens by position. */
export function checkMacros(
  s: string,
  parts: UrlParts,
  r: Reporter,
  pixelType?: PixelType | 'post_conversion',
): Token[] {
  const ctx: Context = { s, parts, r, pixelType, tokens: [] };
  const raw: RawToken[] = [];
  const strays: number[] = [];
  // Authority: any brace there is macro.in_host (reported by the host rules); tokens are kept for highlighting.
  scanTokens(s, parts.authStart, parts.authEnd, true, raw, []);
  for (const t of raw) {
    const part: TokenPart =
      parts.at !== -1 && t.start < parts.at
        ? 'userinfo'
        : parts.portStart !== -1 && t.start >= parts.portStart
          ? 'port'
          : 'host';
    ctx.tokens.push({
      ...t,
      text: s.slice(t.start, t.end),
      part,
      kind: classifyName(t.name).kind,
      rule: 'macro.in_host',
    });
  }
  raw.length = 0;
  const pqEnd = parts.fragStart === -1 ? parts.end : parts.fragStart;
  scanTokens(s, parts.pathStart, pqEnd, false, raw, strays);
  const cursor = { n: 0 };
  for (const t of raw) ctx.tokens.push(pathQueryToken(ctx, t, partOf(parts, t.start, cursor)));
  unbalanced(ctx, strays);
  if (parts.fragStart !== -1) {
    raw.length = 0;
    scanTokens(s, parts.fragStart + 1, parts.end, true, raw, []);
    for (const t of raw) {
      if (!BRACE_FAMILY.has(t.syntax)) continue;
      const text = s.slice(t.start, t.end);
      r.add(
        'macro.in_fragment',
        t.start,
        t.end,
        `${text} sits after # and will never be sent; move it before the #.`,
      );
      ctx.tokens.push({
        ...t,
        text,
        part: 'fragment',
        kind: t.syntax === 'braces' ? classifyName(t.name).kind : 'foreign_syntax',
        rule: 'macro.in_fragment',
      });
    }
  }
  return ctx.tokens;
}
