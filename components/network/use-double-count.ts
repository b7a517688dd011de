import { useEffect, useState } from 'preact/hooks';
import type { PixelView } from '../../lib/model/pixel';
import { doubleCountGlobals, targetHosts } from '../postback-form/double-count';
import type { PostbackFormValue } from '../postback-form/model';
import type { PartnerPostbacksApi } from './api';

/**
 * The network editor's double-count check (issue 15.4): once the partner (or "all partners") and the URL's host
 * are known, the partner's active postbacks that mention the host are searched (after a pause in typing) and the
 * global ones to the same host returned. `excludeId` is the postback being edited.
 */
export function useDoubleCount(
  api: PartnerPostbacksApi,
  profileId: string,
  value: PostbackFormValue,
  excludeId?: number,
): PixelView[] {
  const [found, setFound] = useState<PixelView[]>([]);
  const host = [...targetHosts(value)][0];
  const partner = value.level === 'global_offer' ? 0 : value.affiliateId;
  const wanted = value.level !== 'global' && host !== undefined && partner !== undefined;
  useEffect(() => {
    setFound([]);
    if (!wanted || host === undefined) return;
    let live = true;
    const t = setTimeout(() => {
      const filters = { status: 'active' as const, text: host, ...(partner ? { affiliateId: partner } : {}) };
      void api.search(profileId, filters, 1, 50).then((r) => {
        if (live && r.ok) setFound(r.value.items.filter((p) => p.level === 'global' && p.id !== excludeId));
      });
    }, 400);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, profileId, wanted, host, partner, excludeId]);
  return wanted ? doubleCountGlobals(value, found) : [];
}
