/**
 * The URL checker on HTML pixel code (issue 15.4): every `src` URL of an img, iframe or script tag is checked as a
 * postback URL, and Everflow-style macros anywhere else in the code (inline script, attributes) get the macro
 * rules. Pure: a small tag scanner, no DOM. Positions in findings (and fixes) are offsets into the HTML, so a fix
 * applies to the code with `applyFix(html, fix)`.
 */
import { type CheckOptions, checkPostbackUrl } from './check';
import { checkMacroText } from './check-text';
import type { Finding, Fix } from './rules';

/** Tags whose `src` loads a URL when the pixel fires. */
export type PixelTag = 'img' | 'iframe' | 'script';

/** A `src` URL inside the code. `start`/`end` span the URL (without quotes) in the HTML. */
export interface HtmlUrl {
  kind: 'src';
  tag: PixelTag;
  /** 1 for the first URL in the code, 2 for the second, … (for "URL 2 (iframe)" in messages). */
  ordinal: number;
  url: string;
  start: number;
  end: number;
}

/** Where a finding is: in one of the `src` URLs, or in the code around them. */
export type HtmlLocation = HtmlUrl | { kind: 'code' };

/** A finding in HTML pixel code, with where it is. */
export interface HtmlFinding extends Finding {
  location: HtmlLocation;
}

/** What checkHtmlPixel found. */
export interface HtmlCheckResult {
  /** True when no finding is an error. */
  valid: boolean;
  /** Every `src` URL that was checked, in order. */
  urls: HtmlUrl[];
  /** Findings of every URL in order, then those in the rest of the code, each ordered by position. */
  findings: HtmlFinding[];
}

const TAG = /<(img|iframe|script)\b([^>]*)>/gi;
const SRC = /(^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+))/i;
// `{name}` written like an Everflow macro. Other braces in code (JS objects, `${x}` template literals, `{{x}}`
// templates) are left alone.
const BRACE_WORD = /(?<![$\w{])\{([A-Za-z][A-Za-z0-9_]{0,63})\}(?!\})/g;

/** Every img/iframe/script `src` URL of the code, with its position (data: URLs and empty values skipped). */
export function htmlPixelUrls(html: string): HtmlUrl[] {
  const out: HtmlUrl[] = [];
  for (const m of html.matchAll(TAG)) {
    const attrs = m[2]!;
    const src = SRC.exec(attrs);
    if (!src) continue;
    const value = src[2] ?? src[3] ?? src[4] ?? '';
    if (!value.trim() || /^\s*data:/i.test(value)) continue;
    const quoted = src[2] !== undefined || src[3] !== undefined;
    const attrsStart = m.index + 1 + m[1]!.length;
    const start = attrsStart + src.index + src[0].length - value.length - (quoted ? 1 : 0);
    out.push({
      kind: 'src',
      tag: m[1]!.toLowerCase() as PixelTag,
      ordinal: out.length + 1,
      url: value,
      start,
      end: start + value.length,
    });
  }
  return out;
}

function shifted(f: Finding, by: number, min: number, max: number, location: HtmlLocation): HtmlFinding {
  const at = (n: number) => Math.min(max, Math.max(min, n + by));
  const out: HtmlFinding = { ...f, start: at(f.start), end: at(f.end), location };
  if (f.fix) {
    const fix: Fix = { ...f.fix, start: at(f.fix.start), end: at(f.fix.end) };
    out.fix = fix;
  }
  return out;
}

function checkSrc(u: HtmlUrl, options: CheckOptions): HtmlFinding[] {
  // A protocol-relative src ("//trk.example.com/p") is fine in HTML: check it as https, positions shifted back.
  const prefix = u.url.trimStart().startsWith('//') ? 'https:' : '';
  const lead = prefix ? u.url.length - u.url.trimStart().length : 0;
  const text = prefix ? `${u.url.slice(0, lead)}${prefix}${u.url.slice(lead)}` : u.url;
  const result = checkPostbackUrl(text, options);
  const hasQuery = u.url.includes('?');
  return [...result.errors, ...result.warnings, ...result.info]
    .filter(
      (f) =>
        // In an HTML attribute `&amp;` is the correct way to write `&`: the browser decodes it.
        f.rule !== 'query.html_entity' &&
        // A src without a query is a static file (a script library, an image), not a postback to a tracker.
        !(f.rule === 'clickid.missing' && !hasQuery),
    )
    .map((f) => {
      const back = f.start >= lead + prefix.length ? -prefix.length : 0;
      return shifted(f, u.start + back, u.start, u.end, u);
    })
    .sort((a, b) => a.start - b.start);
}

function checkCode(html: string, urls: readonly HtmlUrl[], options: CheckOptions): HtmlFinding[] {
  // Blank the URLs out (same length, so positions hold) so their macros are not reported twice.
  let code = html;
  for (const u of urls) code = code.slice(0, u.start) + ' '.repeat(u.end - u.start) + code.slice(u.end);
  const out: HtmlFinding[] = [];
  const seen = new Set<string>();
  for (const m of code.matchAll(BRACE_WORD)) {
    const { findings } = checkMacroText(m[0], options.pixelType ? { pixelType: options.pixelType } : {});
    for (const f of findings) {
      // In code a `{word}` Everflow does not know is as likely a JS block as a macro: only near misses count.
      if (f.rule === 'macro.unknown') continue;
      // One finding per rule and macro, like the URL checker's "each rule at most once".
      const key = `${f.rule} ${m[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(shifted(f, m.index, m.index, m.index + m[0].length, { kind: 'code' }));
    }
  }
  return out;
}

/**
 * Check HTML pixel code: each img/iframe/script `src` URL with checkPostbackUrl (the options apply to each, e.g.
 * the tracker hint), and `{macro}` tokens elsewhere in the code with the macro rules. Never throws.
 */
export function checkHtmlPixel(html: string, options: CheckOptions = {}): HtmlCheckResult {
  const s = String(html);
  const urls = htmlPixelUrls(s);
  const findings = [...urls.flatMap((u) => checkSrc(u, options)), ...checkCode(s, urls, options)];
  return { valid: findings.every((f) => f.severity !== 'error'), urls, findings };
}
