/**
 * The macro rules of the URL checker on text that is not a postback URL: a value of an integration object
 * (`{sub2}` as a Meta user_data email, `{payout_amount}` as a TikTok price) or the code around the URLs of an HTML
 * pixel. Pure. Positions are offsets into the text.
 */
import { checkMacros } from './check-macros';
import type { PixelType } from './macros';
import type { UrlParts } from './parse';
import { Reporter } from './report';
import type { Finding } from './rules';
import type { Token } from './token';

/** Options of checkMacroText. */
export interface MacroTextOptions {
  /** As in checkPostbackUrl: macros Everflow does not fill for this pixel type are warned about. */
  pixelType?: PixelType | 'post_conversion';
}

/** What checkMacroText found. */
export interface MacroTextResult {
  findings: Finding[];
  tokens: Token[];
}

// The whole text as the value of one query parameter: every token is then checked as a value is in a URL.
// `valueStart: -1` keeps the URL-only "delete this parameter" fix for placeholders out of it.
function wholeTextAsValue(s: string): UrlParts {
  return {
    scheme: '',
    schemeStart: 0,
    authStart: 0,
    authEnd: 0,
    at: -1,
    hostStart: 0,
    hostEnd: 0,
    portStart: -1,
    portEnd: -1,
    pathStart: 0,
    pathEnd: 0,
    queryStart: 0,
    queryEnd: s.length,
    virtualQuery: true,
    fragStart: -1,
    end: s.length,
    params: [{ start: 0, end: s.length, keyEnd: 0, valueStart: -1, key: '', name: '', value: s }],
  };
}

/**
 * Check the macros in a piece of text: misspelt, wrongly cased or foreign-syntax macros, unbalanced braces, and
 * (with a pixel type) macros Everflow leaves empty there. Never throws.
 */
export function checkMacroText(text: string, options: MacroTextOptions = {}): MacroTextResult {
  const s = String(text);
  const r = new Reporter(s);
  const tokens = checkMacros(s, wholeTextAsValue(s), r, options.pixelType);
  return { findings: r.findings(), tokens };
}
