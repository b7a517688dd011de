import type { ApplyTarget, PlannedCreate } from '../../model/jobs';
import type { PixelDraft, PixelView } from '../../model/pixel';
import type { Template } from '../../model/template';
import { checkPostbackUrl } from '../../postback/check';
import { renderForEvent, TRACKER_EVENT_PARAMS } from '../../postback/tracker-events';
import { receiverHint } from '../../postback/trackers';
import { isSamePostback } from '../pixel-mapping';

/**
 * The draft a template makes for one offer (and one event). A global template becomes offer-specific here:
 * applying it to offers means one postback per offer. For an event, the tracker's event parameter is filled with
 * the event's name (lib/postback/tracker-events.ts).
 */
export function templateDraft(
  t: Template,
  target: ApplyTarget,
  event?: { id: number; name: string },
): { draft: PixelDraft; notes: string[] } {
  const notes: string[] = [];
  const draft: PixelDraft = {
    deliveryMethod: t.deliveryMethod,
    type: event ? 'event' : t.pixelType,
    level: event || t.level === 'global' ? 'specific' : t.level,
    status: 'active',
    offerId: target.offerId,
  };
  if (target.affiliateId !== undefined && t.side === 'network') draft.affiliateId = target.affiliateId;
  if (event) draft.eventId = event.id;
  if (t.deliveryMethod === 'postback') {
    draft.delayMs = t.delayMs;
    let url = t.postbackUrl.trim();
    const tracker = receiverHint(t.tracker);
    if (event) {
      const rendered = tracker ? renderForEvent(url, tracker, { name: event.name }) : undefined;
      if (rendered) {
        url = rendered.url;
        if (rendered.needsValue) {
          notes.push(`${rendered.param}= needs the tracker's own number for "${event.name}": fill it in.`);
        }
      } else if (!tracker || !TRACKER_EVENT_PARAMS[tracker]) {
        notes.push('The tracker’s event parameter is not known: every event gets the same URL.');
      }
    }
    draft.postbackUrl = url;
  }
  if (t.deliveryMethod === 'html') draft.htmlCode = t.htmlCode;
  if (t.integration) draft.integration = t.integration;
  if (t.side === 'network' && t.description) draft.description = t.description;
  return { draft, notes };
}

/** The checker's errors and warnings on a draft's URL, as one line each. */
export function urlFindings(draft: PixelDraft, tracker?: string): string[] {
  if (draft.deliveryMethod !== 'postback') return [];
  const hint = receiverHint(tracker);
  const r = checkPostbackUrl(draft.postbackUrl ?? '', {
    pixelType: draft.type,
    ...(hint ? { tracker: hint } : {}),
  });
  return [...r.errors, ...r.warnings].map((f) => f.message);
}

/**
 * Plan a bulk apply: one create per offer (per event), skipped where an equivalent postback already exists in
 * `existing` (the profile's postbacks), with the checker's findings.
 */
export function planApply(
  t: Template,
  targets: readonly ApplyTarget[],
  existing: ReadonlyMap<string, readonly PixelView[]>,
): PlannedCreate[] {
  const out: PlannedCreate[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    const events = target.events?.length ? target.events : [undefined];
    for (const event of events) {
      const key = `${target.profileId}:${target.offerId}:${target.affiliateId ?? 0}:${event?.id ?? 0}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { draft, notes } = templateDraft(t, target, event);
      const offer = target.offerName ? `${target.offerName} (${target.offerId})` : `Offer ${target.offerId}`;
      const same = (existing.get(target.profileId) ?? []).find((p) => isSamePostback(p, draft));
      out.push({
        key,
        profileId: target.profileId,
        offerId: target.offerId,
        label: event ? `${offer}, ${event.name}` : offer,
        draft,
        action: same ? 'skip' : 'create',
        ...(same ? { reason: `Postback ${same.id} already does exactly this (${same.status}).` } : {}),
        findings: [...urlFindings(draft, t.tracker), ...notes],
      });
    }
  }
  return out;
}
