import { vi } from 'vitest';
import type { PartnerPostbacksApi } from '../../../components/network/api';
import type { PixelDraft } from '../../../lib/messaging/protocol';
import type { PixelView, ProfileView } from '../../../lib/messaging/views';
import { err, ok } from '../../../lib/result';
import type { Template } from '../../../lib/storage/schemas';
import { profileView } from './profiles';

/** A partner postback as the background shows it. */
export function pixelView(over: Partial<PixelView> = {}): PixelView {
  return {
    id: 1001,
    side: 'network',
    status: 'active',
    type: 'conversion',
    level: 'specific',
    deliveryMethod: 'postback',
    postbackUrl: 'https://t.example/pb?tid={transaction_id}',
    htmlCode: '',
    delayMs: 0,
    offerId: 11,
    offerName: 'Keto Burn - US - CPA',
    eventId: 0,
    affiliateId: 7,
    affiliateName: 'Demo Partner',
    description: 'Keto S2S',
    ...over,
  };
}

const PARTNERS = [
  { id: 3, name: 'Northwind Media', status: 'active' },
  { id: 7, name: 'Demo Partner', status: 'active' },
  { id: 14, name: 'Harbor Social', status: 'active' },
];
const OFFERS = [
  { id: 11, name: 'Keto Burn - US - CPA', events: [] },
  { id: 13, name: 'GlowSerum US', events: [] },
];

/**
 * A fake background for the console: a list of postbacks searched, paged and changed in memory, partners and
 * offers to pick, and every create/update body recorded.
 */
export function fakePartnerPostbacks(rows: PixelView[] = [], templates: Template[] = []) {
  let pixels = [...rows];
  let next = 2000;
  const created: PixelDraft[] = [];
  const updated: { id: number; draft: PixelDraft }[] = [];
  const page = <T>(items: T[], p: number, size: number) => ({
    items: items.slice((p - 1) * size, p * size),
    page: p,
    pageSize: size,
    total: items.length,
  });
  const api: PartnerPostbacksApi = {
    profiles: vi.fn(async () =>
      ok([
        profileView({ id: 'net', name: 'Demo Network', role: 'network' }),
        profileView({ id: 'aff' }),
      ] as ProfileView[]),
    ),
    templates: vi.fn(async () => ok(templates)),
    search: vi.fn(async (_profile, f, p, size) => {
      const text = f.text?.toLowerCase();
      const found = pixels.filter(
        (x) =>
          (!f.status || x.status === f.status) &&
          (!f.deliveryMethod || x.deliveryMethod === f.deliveryMethod) &&
          (f.affiliateId === undefined || x.affiliateId === f.affiliateId) &&
          (!text || String(x.id) === text || (x.description ?? '').toLowerCase().includes(text)),
      );
      return ok(page(found, p, size));
    }),
    get: vi.fn(async (_profile, id) => {
      const found = pixels.find((x) => x.id === id);
      return found ? ok(found) : err({ kind: 'not_found', message: `Postback ${id} not found` });
    }),
    create: vi.fn(async (_profile, draft) => {
      created.push(draft);
      const pixel = pixelView({
        id: next++,
        level: draft.level,
        deliveryMethod: draft.deliveryMethod,
        offerId: draft.offerId ?? 0,
        affiliateId: draft.affiliateId ?? 0,
        offerName: OFFERS.find((o) => o.id === draft.offerId)?.name,
        affiliateName: PARTNERS.find((o) => o.id === draft.affiliateId)?.name,
      });
      pixels = [...pixels, pixel];
      return ok({ pixel, recovered: false });
    }),
    findCreated: vi.fn(async () =>
      err({ kind: 'unknown_outcome', message: 'Still not there.', knownIds: [] }),
    ),
    update: vi.fn(async (_profile, id, draft) => {
      updated.push({ id, draft });
      const pixel = { ...pixels.find((x) => x.id === id)!, description: draft.description ?? '' };
      pixels = pixels.map((x) => (x.id === id ? pixel : x));
      return ok(pixel);
    }),
    setStatus: vi.fn(async (_profile, id, status) => {
      const pixel = { ...pixels.find((x) => x.id === id)!, status };
      pixels = pixels.map((x) => (x.id === id ? pixel : x));
      return ok(pixel);
    }),
    remove: vi.fn(async (_profile, id) => {
      pixels = pixels.filter((x) => x.id !== id);
      return ok(true as const);
    }),
    offers: vi.fn(async (_profile, search) =>
      ok(
        page(
          OFFERS.filter((o) => o.name.toLowerCase().includes(search.toLowerCase())),
          1,
          20,
        ),
      ),
    ),
    offer: vi.fn(async (_profile, id) => ok({ ...OFFERS.find((o) => o.id === id)!, events: [] })),
    partners: vi.fn(async (_profile, search) =>
      ok(
        page(
          PARTNERS.filter((o) => o.name.toLowerCase().includes(search.toLowerCase())),
          1,
          20,
        ),
      ),
    ),
  };
  return { api, created, updated, current: () => pixels };
}
