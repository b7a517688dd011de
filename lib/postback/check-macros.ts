import { placeholderEdit } from './check-values';
import { classifyName, foreignEquivalent } from './classify';
import { reportLadder, syntaxLabel } from './macro-findings';
import { type PixelType, registryMacro } from './macros';
import type { UrlParts } from './parse';
import type { Edit, Reporter } from './report';
import { type RawToken, scanTokens, type TokenSyntax } from './scan';
import type { Token, TokenPart } from './token';

interface Context {
  /** The detected receiver's click key, if any (placeholder fixes put {sub1} there). */
  clickKey: string | undefined;
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

function pathQueryToken(ctx: Context, raw: RawToken, part: TokenPart, n: number): Token {
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
    let fix: Edit | undefined;
    const p = ctx.parts.params[n];
    if (
      c.kind === 'template_placeholder' &&
      part === 'value' &&
      p?.valueStart === raw.start &&
      p.end === raw.end
    ) {
      fix = placeholderEdit(ctx.s, ctx.parts, n, ctx.clickKey);
    }
    reportLadder(ctx.r, ctx.pixelType, tok, c, fix);
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
      `"${text}" is ${syntaxLabel(raw.syntax)}; ${advice}`,
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
  clickKey?: string,
): Token[] {
  const ctx: Context = { s, parts, r, pixelType, clickKey, tokens: [] };
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
  for (const t of raw) ctx.tokens.push(pathQueryToken(ctx, t, partOf(parts, t.start, cursor), cursor.n));
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
