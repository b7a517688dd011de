import { useEffect, useRef, useState } from 'preact/hooks';
import type { PixelView } from '../../lib/messaging/views';
import type { PartnerPostbacksApi } from './api';

/** The offers whose events name the rows' event postbacks, for rows that do not carry the name themselves. */
export function offersToLookUp(rows: readonly PixelView[], known: ReadonlySet<number>): number[] {
  const ids = new Set<number>();
  for (const p of rows)
    if (p.eventId && !p.eventName && p.offerId && !known.has(p.offerId)) ids.add(p.offerId);
  return [...ids];
}

/**
 * Event names by event id for the console's rows (issue 15.4): the search answer names a postback's offer but
 * not always its event, so the events of each offer with such a row are fetched once (per profile) and kept.
 */
export function useEventNames(
  api: PartnerPostbacksApi,
  profileId: string,
  rows: readonly PixelView[],
): ReadonlyMap<number, string> {
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const asked = useRef({ profileId, offers: new Set<number>() });
  if (asked.current.profileId !== profileId) asked.current = { profileId, offers: new Set() };
  useEffect(() => {
    const mine = asked.current;
    for (const offerId of offersToLookUp(rows, mine.offers)) {
      mine.offers.add(offerId);
      void api.offer(profileId, offerId).then((r) => {
        if (!r.ok || asked.current !== mine || !r.value.events.length) return;
        setNames((m) => new Map([...m, ...r.value.events.map((e) => [e.id, e.name] as const)]));
      });
    }
  }, [api, profileId, rows]);
  return names;
}
