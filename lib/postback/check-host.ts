import { isInvisibleCode } from './check-chars';
import { isLocalHost, labelProblem, parseHost } from './host';
import type { UrlParts } from './parse';
import { hostToAscii } from './punycode';
import type { Reporter } from './report';

function braceSpan(s: string, from: number, to: number): [number, number] | undefined {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 123 || c === 125) {
      const close = c === 123 ? s.indexOf('}', i) : -1;
      return [i, close !== -1 && close < to ? close + 1 : i + 1];
    }
  }
  return undefined;
}

function removeInvisible(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (!isInvisibleCode(text.charCodeAt(i))) out += text[i];
  return out;
}

function checkHostName(parts: UrlParts, name: string, r: Reporter): void {
  const { hostStart, hostEnd } = parts;
  const visible = removeInvisible(name);
  if (/^<[^<>]*>$/.test(visible)) {
    r.add(
      'host.invalid_label',
      hostStart,
      hostEnd,
      `${visible} is a template placeholder; put your tracking domain here.`,
    );
    return;
  }
  const labels = visible.split('.');
  for (let n = 0; n < labels.length; n++) {
    const problem =
      n === labels.length - 1 && labels[n] === '' && n > 0 ? undefined : labelProblem(labels[n]!);
    if (problem) {
      r.add('host.invalid_label', hostStart, hostEnd, `The host name is not valid DNS: ${problem}.`);
      // An invalid host is the whole story; idn/no_tld advice about it would be noise.
      return;
    }
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: testing for the ASCII range
  if (!/^[\x00-\x7f]*$/.test(visible)) {
    const ascii = hostToAscii(visible);
    r.add(
      'host.idn',
      hostStart,
      hostEnd,
      `The host has non-ASCII characters; use its punycode form ${ascii}.`,
      { start: hostStart, end: hostEnd, text: ascii },
      'Use punycode',
    );
  }
  const bare = visible.endsWith('.') ? visible.slice(0, -1) : visible;
  if (!bare.includes('.') && bare.toLowerCase() !== 'localhost') {
    r.add(
      'host.no_tld',
      hostStart,
      hostEnd,
      `The host "${bare}" has no domain suffix; is a placeholder left in?`,
    );
  }
}

/** Host, authority and whole-URL rules (run only when the fatal stage passed). */
export function checkHost(s: string, t0: number, parts: UrlParts, r: Reporter): void {
  const { authStart, authEnd, at, hostStart, hostEnd, portStart } = parts;
  const brace = braceSpan(s, authStart, authEnd);
  if (brace) {
    r.add(
      'macro.in_host',
      brace[0],
      brace[1],
      'Macros cannot be used in the domain, port or credentials; move it to a parameter value.',
    );
  }
  if (parts.scheme === 'http') {
    r.add(
      'url.insecure_http',
      t0,
      t0 + 4,
      'Use https:// unless the receiver only supports http.',
      { start: t0, end: t0 + 4, text: 'https' },
      'Use https',
    );
  }
  if (at !== -1) {
    r.add(
      'url.userinfo',
      authStart,
      at + 1,
      `Remove "${s.slice(authStart, at + 1)}": credentials leak into logs, and the real host is ${s.slice(hostStart, hostEnd)}.`,
      { start: authStart, end: at + 1, text: '' },
      'Remove the credentials',
    );
  }
  if (portStart !== -1 && portStart < authEnd) {
    const port = s.slice(portStart, authEnd);
    if (/^[0-9]+$/.test(port) && Number(port) !== 80 && Number(port) !== 443) {
      r.add(
        'url.port_nonstandard',
        portStart - 1,
        authEnd,
        `Port ${Number(port)}: make sure the receiver accepts traffic on it.`,
      );
    }
  }
  if (parts.fragStart !== -1) {
    r.add(
      'url.fragment',
      parts.fragStart,
      parts.end,
      'Everything after # is never sent; remove the fragment, or write # as %23 if it belongs to a value.',
    );
  }
  if (parts.end - t0 > 2048) {
    r.add(
      'url.too_long',
      t0 + 2048,
      parts.end,
      `The URL is ${parts.end - t0} characters long; some servers cut URLs after 2048, so drop unused parameters.`,
    );
  }
  if (brace && brace[0] < hostEnd && brace[0] >= hostStart) return;
  const host = parseHost(s.slice(hostStart, hostEnd));
  if (isLocalHost(host)) {
    r.add(
      'host.local_or_private',
      hostStart,
      hostEnd,
      "Everflow's servers cannot reach this address; use a public domain.",
    );
  } else if (host.kind === 'ipv4' || host.kind === 'ipv6') {
    r.add('host.ip_literal', hostStart, hostEnd, 'Use a domain name: IP addresses break https and change.');
  } else if (host.kind === 'name') {
    checkHostName(parts, s.slice(hostStart, hostEnd), r);
    if (
      host.name === 'graph.facebook.com' &&
      /\/events(?:\/|$)/.test(s.slice(parts.pathStart, parts.pathEnd))
    ) {
      r.add(
        'target.post_only',
        hostStart,
        parts.pathEnd,
        "Meta's Conversions API needs a POST with JSON; use Everflow's native Meta delivery instead.",
      );
    }
  }
}
