import { vi } from 'vitest';
import type { PopupApi, PopupStart } from '../../../components/popup/popup-api';
import type { PixelView } from '../../../lib/model/pixel';
import { ok } from '../../../lib/result';

/** A postback row for tests. */
export function pixel(id: number, status: 'active' | 'inactive' = 'active'): PixelView {
  return {
    id,
    side: 'affiliate',
    status,
    type: 'conversion',
    level: 'specific',
    deliveryMethod: 'postback',
    postbackUrl: `https://trk.example.com/pb?cid={sub1}&n=${id}`,
    htmlCode: '',
    delayMs: 0,
    offerId: 11,
    eventId: 0,
  };
}

/** A deferred promise, to decide in the test when a background answer arrives. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A fake popup API whose methods are vi.fn()s; override what a test needs. */
export function fakeApi(
  start: Partial<PopupStart> = {},
  drafts = new Map<string, Record<string, unknown>>(),
) {
  const api: PopupApi = {
    start: vi.fn(async () =>
      ok({
        profiles: [
          {
            id: 'p',
            name: 'Acme',
            role: 'affiliate',
            portalDomains: [],
            isDefault: true,
            apiHost: 'everflow',
          },
        ],
        templates: [],
        defaultTemplateIds: {},
        profileId: 'p',
        offer: { id: 11, view: { id: 11, name: 'Keto Burn', events: [] } },
        rows: [pixel(1), pixel(2)],
        ...start,
      } as PopupStart),
    ),
    cachedPixels: vi.fn(async () => null),
    watchPixels: vi.fn(() => () => {}),
    listPixels: vi.fn(async () => ok({ value: [pixel(1), pixel(2)], fetchedAt: 1, fromCache: false })),
    setStatus: vi.fn(async (_p, id, status) => ok({ ...pixel(id), status })),
    createPixel: vi.fn(),
    findCreated: vi.fn(),
    updatePixel: vi.fn(),
    deletePixel: vi.fn(),
    undoLatest: vi.fn(async () => ok({ message: 'Undone.' })),
    getOffer: vi.fn(async () => ok({ id: 11, name: 'Keto Burn', events: [] })),
    searchOffers: vi.fn(async () => ok({ items: [], page: 1, pageSize: 20, total: 0 })),
    searchPartners: vi.fn(async () => ok({ items: [], page: 1, pageSize: 20, total: 0 })),
    // The drafts.* messages, over `drafts` (form id -> the form's stored value).
    drafts: {
      get: vi.fn(async (id: string) => {
        const value = drafts.get(id);
        return ok(value ? { value, savedAt: 1_763_800_000_000 } : null);
      }),
      save: vi.fn(async (id: string, v: Record<string, unknown>) => {
        drafts.set(id, v);
        return ok(true as const);
      }),
      clear: vi.fn(async (id: string) => {
        drafts.delete(id);
        return ok(true as const);
      }),
    },
    pickProfile: vi.fn(async () => {}),
    saveTemplate: vi.fn(),
    setDefaultTemplate: vi.fn(async () => ok({ defaultTemplateIds: {}, forgetKeysOnClose: false })),
    claimPortal: vi.fn(),
    openOptions: vi.fn(),
  } as unknown as PopupApi;
  return api;
}
