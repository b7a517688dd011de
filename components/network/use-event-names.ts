import { useEffect, useRef, useState } from 'preact/hooks';
import type { PixelView } from '../../lib/model/pixel';
import type { PartnerPostbacksApi } from './api';

const EMPTY: ReadonlyMap<number, string> = new Map();

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
  // Kept with the profile they were read for: another network's ids mean other events.
  const [names, setNames] = useState<{ profileId: string; map: ReadonlyMap<number, string> }>({
    profileId,
    map: new Map(),
  });
  const asked = useRef({ profileId, offers: new Set<number>() });
  if (asked.current.profileId !== profileId) asked.current = { profileId, offers: new Set() };
  useEffect(() => {
    const mine = asked.current;
    for (const offerId of offersToLookUp(rows, mine.offers)) {
      mine.offers.add(offerId);
      void api.offer(profileId, offerId).then((r) => {
        if (!r.ok || asked.current !== mine || !r.value.events.length) return;
        setNames((n) => ({
          profileId,
          map: new Map([
            ...(n.profileId === profileId ? n.map : []),
            ...r.value.events.map((e) => [e.id, e.name] as const),
          ]),
        }));
      });
    }
  }, [api, profileId, rows]);
  return names.profileId === profileId ? names.map : EMPTY;
}
