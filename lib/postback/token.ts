import type { TokenKind } from './classify';
import type { RuleId } from './rules';
import type { TokenSyntax } from './scan';

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
