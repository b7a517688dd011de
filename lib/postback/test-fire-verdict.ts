/**
 * The verdict of a test-fire (issue 18.2): what a tracker's answer to a test postback means, in words. Pure: it
 * reads what the background worker recorded (status, time, redirects, headers, the first 2 KB of the body as
 * text) and never renders the body. The words say what to do next, not only what happened.
 */
import { RECEIVERS, type ReceiverId } from './trackers';

/** How a request failed before any HTTP answer. */
export type FireErrorKind = 'tls' | 'dns' | 'timeout' | 'refused' | 'network';

/** One hop of a redirect chain. */
export interface RedirectHop {
  url: string;
  status: number;
}

/** What the worker recorded for one test-fire. */
export interface FireOutcome {
  /** The final HTTP status; absent when the request failed (see `error`). */
  status?: number;
  /** Milliseconds from sending to the end of the answer (or the failure). */
  timeMs: number;
  /** Redirects followed before the final answer, in order (empty when there were none). */
  redirects?: readonly RedirectHop[];
  /** Response headers, names in any case. */
  headers?: Readonly<Record<string, string>>;
  /** The first 2 KB of the body, as text. */
  body?: string;
  error?: FireErrorKind;
  /** The URL that was sent (for the host in messages). */
  url?: string;
  /** The answer was a redirect whose target the browser hides from extensions; it was not followed. */
  hiddenRedirect?: boolean;
}

/**
 * `accepted`: the tracker took it; `rejected`: it answered and said no; `unclear`: it answered, but the answer does
 * not prove the conversion was recorded; `failed`: no HTTP answer.
 */
export type VerdictKind = 'accepted' | 'rejected' | 'unclear' | 'failed';

/** The verdict in words. */
export interface Verdict {
  kind: VerdictKind;
  /** One sentence, e.g. "Voluum answered 200 with an empty body: accepted." */
  headline: string;
  /** What to do about it, when there is something to do. */
  advice?: string;
  /** For trackers known to answer 200 on errors: what in the body tells success from failure. */
  lookFor?: string;
  /** The words of the body that gave the verdict away (collapsed whitespace, at most 160 characters). */
  evidence?: string;
}

/** Trackers documented to answer 200 even when they reject a postback, and what their body says. */
export const ANSWERS_200_ON_ERROR: Readonly<Partial<Record<ReceiverId, string>>> = {
  tune: 'TUNE answers 200 either way: success=true means recorded; success=false with err_msg= (e.g. "Invalid Trans. ID") means rejected.',
  keitaro:
    'Keitaro answers 200 with a short text (set it with return=): compare the body with what your Keitaro returns on success.',
};

const SLOW_MS = 5000;
const ERROR_WORDS =
  /\b(error|errors|fail(?:ed|ure)?|invalid|not found|unknown click|no such|denied|forbidden|rejected|missing|duplicate|expired|unauthori[sz]ed|bad request)\b/i;

function header(h: FireOutcome['headers'], name: string): string | undefined {
  if (!h) return undefined;
  const key = Object.keys(h).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : h[key];
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

function hostOf(url: string | undefined): string | undefined {
  const m = url ? /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url) : null;
  return m?.[1]?.toLowerCase();
}

/** Whether the body says in so many words that the postback was taken. */
function saysSuccess(body: string): boolean {
  const text = body.trim();
  return (
    /\bsuccess\s*=\s*true\b/i.test(text) ||
    /"(success|ok)"\s*:\s*true/i.test(text) ||
    /^(ok|success|accepted|conversion (added|recorded|accepted))\b/i.test(text)
  );
}

/** What the body says about failure, if anything: a JSON error field, `success=false`, or an error word. */
function bodyError(body: string): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  if (/^[[{]/.test(text)) {
    try {
      const json = JSON.parse(text) as unknown;
      if (json && typeof json === 'object' && !Array.isArray(json)) {
        const o = json as Record<string, unknown>;
        const status = typeof o.status === 'string' ? o.status.toLowerCase() : undefined;
        if (
          o.success === false ||
          o.ok === false ||
          status === 'error' ||
          status === 'fail' ||
          status === 'failed'
        )
          return snippet(text);
        if (o.error || o.errors || o.err_msg) return snippet(text);
        return undefined;
      }
    } catch {
      // Cut at 2 KB or not JSON: read it as text.
    }
  }
  if (/success\s*=\s*false|err_msg\s*=/i.test(text)) return snippet(text);
  if (saysSuccess(text)) return undefined;
  const m = ERROR_WORDS.exec(text);
  if (!m) return undefined;
  const from = Math.max(0, m.index - 60);
  return snippet(`${from > 0 ? '…' : ''}${text.slice(from, m.index + 100)}`);
}

function isHtml(body: string, type: string | undefined): boolean {
  return /text\/html/i.test(type ?? '') || /^\s*(<!doctype html|<html)/i.test(body);
}

function failed(error: FireErrorKind, o: FireOutcome, who: string): Verdict {
  const host = hostOf(o.url) ?? 'the host';
  const secs = Math.round(o.timeMs / 100) / 10;
  switch (error) {
    case 'tls':
      return {
        kind: 'failed',
        headline: `TLS error: the certificate does not match ${host}, or the domain has no HTTPS set up.`,
        advice:
          'Check the domain against the one your tracker gives you. Some trackers serve custom domains over http only until SSL is enabled for them: enable it there, or use http:// if your tracker says so.',
      };
    case 'dns':
      return {
        kind: 'failed',
        headline: `DNS error: ${host} does not exist.`,
        advice: 'Check the tracker domain for typos, or that its DNS record (CNAME) is set up.',
      };
    case 'timeout':
      return {
        kind: 'failed',
        headline: `No answer from ${who} within ${secs} s.`,
        advice:
          'The tracker is down or very slow; try again in a few minutes. Everflow gives up on slow postbacks too.',
      };
    case 'refused':
      return {
        kind: 'failed',
        headline: `Connection refused by ${host}: nothing answers there.`,
        advice:
          'Check the domain and the port, and that the tracker runs (self-hosted trackers: is the server up?).',
      };
    default:
      return {
        kind: 'failed',
        headline: `The request to ${host} failed before any answer.`,
        advice: 'Check your connection and the domain, then try again.',
      };
  }
}

function byStatus(status: number, who: string, tracker: ReceiverId | undefined): Verdict {
  if (status === 400)
    return {
      kind: 'rejected',
      headline: `400: ${who} rejected the parameters.`,
      advice:
        tracker === 'taboola'
          ? 'Taboola answers 400 when click-id or name is missing or misspelt.'
          : 'A required parameter is missing or misspelt (often the click id): compare the URL with the one your tracker gives you.',
    };
  if (status === 401 || status === 403)
    return {
      kind: 'rejected',
      headline: `${status}: ${who} refused the request.`,
      advice: 'A token or security key in the URL is wrong or missing, or the tracker blocks the sender.',
    };
  if (status === 404)
    return {
      kind: 'rejected',
      headline: '404: the path is wrong.',
      advice: "Copy the postback path again from your tracker's settings (the part after the domain).",
    };
  if (status === 405)
    return {
      kind: 'rejected',
      headline: '405: this address does not take GET requests.',
      advice:
        'Everflow sends postbacks as GET; this endpoint wants another method, so it is not a postback URL.',
    };
  if (status === 410)
    return {
      kind: 'rejected',
      headline: '410: this postback address was removed.',
      advice: 'Get the current URL from your tracker.',
    };
  if (status === 429)
    return {
      kind: 'unclear',
      headline: `429: ${who} is limiting requests.`,
      advice: 'Wait a minute and try again; real postbacks arrive more slowly than tests.',
    };
  if (status >= 500)
    return {
      kind: 'rejected',
      headline: `${status}: ${who} failed on its side.`,
      advice:
        status >= 502 && status <= 504
          ? 'The tracker or a proxy in front of it is down; try again later.'
          : "Try again later; if it keeps failing, send the URL and the time to your tracker's support.",
    };
  if (status >= 300 && status < 400)
    return {
      kind: 'unclear',
      headline: `${status}: ${who} answered with a redirect that was not followed.`,
      advice: 'Use the address it redirects to: postback senders often do not follow redirects.',
    };
  return {
    kind: 'unclear',
    headline: `${status}: an unusual answer from ${who}.`,
    advice: 'Check the conversion in your tracker to see whether it was recorded.',
  };
}

/** Notes on the redirect chain: an http → https hop, or a hop to another host. */
function redirectNote(o: FireOutcome): string | undefined {
  const hops = o.redirects ?? [];
  if (!hops.length) return undefined;
  const first = o.url ?? hops[0]!.url;
  const last = hops[hops.length - 1]!.url;
  const n = hops.length === 1 ? 'once' : `${hops.length} times`;
  if (/^http:/i.test(first) && /^https:/i.test(last) && hostOf(first) === hostOf(last))
    return `Redirected ${n}, from http to https: use https:// in the postback, as postback senders may not follow redirects.`;
  if (hostOf(first) !== hostOf(last))
    return `Redirected ${n}, to ${hostOf(last) ?? 'another host'}: the postback may end up on a page that is not the tracker; use the tracker's own address.`;
  return `Redirected ${n}: use the final address, as postback senders may not follow redirects.`;
}

/**
 * The verdict on a test-fire's outcome. `tracker` (from the template or the URL) names the tracker in the words and
 * adds what to look for where that tracker answers 200 on errors.
 */
export function testFireVerdict(outcome: FireOutcome, tracker?: ReceiverId): Verdict {
  const who = tracker ? RECEIVERS[tracker].name : 'The tracker';
  const whoLower = tracker ? who : 'the tracker';
  if (outcome.hiddenRedirect)
    return {
      kind: 'unclear',
      headline: `${who} answered with a redirect; the browser does not show where to, so it was not followed.`,
      advice:
        'The test was sent once. Open the URL in a tab to see where it leads, and use the final address in the postback: postback senders may not follow redirects.',
    };
  if (outcome.error || outcome.status === undefined)
    return failed(outcome.error ?? 'network', outcome, whoLower);
  const status = outcome.status;
  const lookFor = tracker ? ANSWERS_200_ON_ERROR[tracker] : undefined;
  const withExtras = (v: Verdict): Verdict => {
    const notes = [v.advice, redirectNote(outcome)].filter(Boolean);
    if (status >= 200 && status < 300 && outcome.timeMs > SLOW_MS)
      notes.push(
        `It took ${Math.round(outcome.timeMs / 100) / 10} s: slow answers can make Everflow give up.`,
      );
    const out: Verdict = { ...v };
    if (notes.length) out.advice = notes.join(' ');
    if (lookFor && status >= 200 && status < 300) out.lookFor = lookFor;
    return out;
  };
  if (status < 200 || status >= 300) return withExtras(byStatus(status, whoLower, tracker));

  const body = outcome.body ?? '';
  const problem = bodyError(body);
  if (problem)
    return withExtras({
      kind: 'rejected',
      headline: `${status} but the body says error: ${problem}`,
      advice:
        'The tracker answered, but did not record the conversion: read the message, fix the URL, and test again.',
      evidence: problem,
    });
  if (isHtml(body, header(outcome.headers, 'content-type')))
    return withExtras({
      kind: 'unclear',
      headline: `${status} with a web page, not a postback answer.`,
      advice:
        "This looks like a website or login page: check the domain and path against your tracker's postback URL.",
    });
  // Where the tracker answers 200 on errors too, only words of success in the body prove it.
  const sure = !lookFor || saysSuccess(body);
  if (!body.trim())
    return withExtras({
      kind: sure ? 'accepted' : 'unclear',
      headline: `${who} answered ${status} with an empty body: ${sure ? 'accepted' : 'probably accepted'}.`,
    });
  return withExtras({
    kind: sure ? 'accepted' : 'unclear',
    headline: `${who} answered ${status}: ${sure ? 'accepted' : 'probably accepted'} ("${snippet(body).slice(0, 60)}").`,
  });
}
