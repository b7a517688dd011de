import type { Template } from '../../lib/model/template';
import { receiverHint } from '../../lib/postback/trackers';
import { urlHost } from './double-count';

/**
 * The tracker a postback URL is for, when the URL alone does not say (a custom tracking domain): the tracker of
 * a saved template whose URL goes to the same host (issue 15.4: the tracker rules run in Edit too, where no
 * template was picked). `preferred` (the template the form started from) wins when it names a tracker.
 * Undefined when nothing matches; the checker still recognises the big trackers' own domains by itself.
 */
export function trackerForUrl(
  url: string,
  templates: readonly Pick<Template, 'postbackUrl' | 'tracker'>[],
  preferred?: string,
): string | undefined {
  if (receiverHint(preferred)) return preferred;
  const host = urlHost(url);
  if (!host) return undefined;
  return templates.find((t) => receiverHint(t.tracker) && urlHost(t.postbackUrl) === host)?.tracker;
}
