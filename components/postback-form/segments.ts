import type { Token } from '../../lib/postback/check';

/** How a highlighted token looks: a macro Everflow fills, one that may go out wrong, or one that will. */
export type TokenTone = 'ok' | 'warn' | 'error';

/** A stretch of the field's text, highlighted when it is a token. */
export interface TextSegment {
  text: string;
  tone?: TokenTone;
  /** The token's classification, for a tooltip-free hint in tests and styles. */
  kind?: Token['kind'];
}

/** The tone of a token: exact macros are fine, unknown or context-dependent ones are risky, the rest broken. */
export function toneOf(token: Token): TokenTone {
  if (token.kind === 'exact' && !token.rule) return 'ok';
  if (token.kind === 'exact' || token.kind === 'wrong_context' || token.kind === 'unknown') return 'warn';
  return 'error';
}

/**
 * Split `text` into plain and token segments. Tokens out of range or overlapping an earlier one are skipped,
 * so a stale token list (from the previous keystroke) can never garble the mirror.
 */
export function segmentText(text: string, tokens: readonly Token[]): TextSegment[] {
  const out: TextSegment[] = [];
  let at = 0;
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    if (token.start < at || token.end > text.length || token.end <= token.start) continue;
    if (text.slice(token.start, token.end) !== token.text) continue;
    if (token.start > at) out.push({ text: text.slice(at, token.start) });
    out.push({ text: token.text, tone: toneOf(token), kind: token.kind });
    at = token.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Split a message so Everflow macros in it (`{sub1}`) can be shown as code. */
export function splitMacros(message: string): { text: string; macro: boolean }[] {
  const out: { text: string; macro: boolean }[] = [];
  let at = 0;
  for (const m of message.matchAll(/\{[A-Za-z0-9_]+\}/g)) {
    if (m.index > at) out.push({ text: message.slice(at, m.index), macro: false });
    out.push({ text: m[0], macro: true });
    at = m.index + m[0].length;
  }
  if (at < message.length) out.push({ text: message.slice(at), macro: false });
  return out;
}
