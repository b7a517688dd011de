import type { PixelView } from '../../lib/model/pixel';
import { htmlPixelUrls } from '../../lib/postback/check-html';
import type { PostbackFormValue } from './model';

/** The host of a URL (lower case, no trailing dot), or undefined when it is not an http(s) URL. */
export function urlHost(url: string): string | undefined {
  const m = /^\s*(?:https?:)?\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url);
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : undefined;
}

/** The hosts a postback or HTML pixel sends to (integrations send to their platform, never a tracker host). */
export function targetHosts(p: {
  deliveryMethod: string;
  postbackUrl: string;
  htmlCode: string;
}): Set<string> {
  const urls =
    p.deliveryMethod === 'postback'
      ? [p.postbackUrl]
      : p.deliveryMethod === 'html'
        ? htmlPixelUrls(p.htmlCode).map((u) => u.url)
        : [];
  return new Set(urls.map(urlHost).filter((h): h is string => h !== undefined));
}

/**
 * Issue 15.4: the active global ("all offers") postbacks that already send to the same tracker host as an offer
 * postback about to be made. Both fire on a conversion of this offer, so the tracker likely counts it twice. On
 * the network side a global postback fires only for its own partner: other partners' globals are left out when
 * the partner is known. Empty for a global value (that is the user making a global one).
 */
export function doubleCountGlobals(value: PostbackFormValue, rows: readonly PixelView[]): PixelView[] {
  if (value.level === 'global') return [];
  const hosts = targetHosts(value);
  if (!hosts.size) return [];
  return rows.filter(
    (p) =>
      p.level === 'global' &&
      p.status === 'active' &&
      p.type === value.pixelType &&
      (value.affiliateId === undefined ||
        p.affiliateId === undefined ||
        p.affiliateId === value.affiliateId) &&
      [...targetHosts(p)].some((h) => hosts.has(h)),
  );
}
