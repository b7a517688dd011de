import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  adoptLegacyPopupDrafts,
  clearDraft,
  DRAFT_MAX_AGE_MS,
  DRAFT_MAX_BYTES,
  getDraft,
  saveDraft,
} from '../../../../lib/background/services/drafts';
import { draftsItem } from '../../../../lib/storage/items';
import { send, startBackground } from '../harness';

const NOW = 1_763_800_000_000;
/** A form value of about `bytes` serialized. */
const sized = (bytes: number) => ({ url: 'x'.repeat(bytes) });
/** What Chrome throws when a `storage.local` write would pass the quota. */
const quotaError = () => new Error('Resource::kQuotaBytes quota exceeded');

describe('drafts service', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('saves, restores and clears a draft', async () => {
    await saveDraft('f', { a: 1 }, NOW);
    expect(await getDraft('f', NOW)).toEqual({ ok: true, value: { value: { a: 1 }, savedAt: NOW } });
    await clearDraft('f');
    expect(await getDraft('f', NOW)).toEqual({ ok: true, value: null });
  });

  it('refuses a draft over the size limit with a specific message and keeps the previous one', async () => {
    await saveDraft('f', { a: 'typed' }, NOW);
    const big = await saveDraft('f', sized(4.5 * 1024 * 1024), NOW + 1);
    expect(big).toMatchObject({ ok: false, error: { kind: 'too_large' } });
    if (!big.ok)
      expect(big.error.message).toMatch(/too large to keep as a draft \(4609 KB; the limit is 64 KB\)/);
    expect((await getDraft('f', NOW + 2)).ok && (await getDraft('f', NOW + 2))).toMatchObject({
      value: { value: { a: 'typed' } },
    });
    // Just under the limit is kept.
    expect((await saveDraft('g', sized(DRAFT_MAX_BYTES - 100), NOW)).ok).toBe(true);
  });

  it('two 4.5 MB drafts are both refused, and a normal draft afterwards still saves', async () => {
    expect((await saveDraft('a', sized(4.5e6), NOW)).ok).toBe(false);
    expect((await saveDraft('b', sized(4.5e6), NOW)).ok).toBe(false);
    expect((await saveDraft('c', { url: 'https://t.example/?a={sub1}' }, NOW)).ok).toBe(true);
    expect(Object.keys(await draftsItem.getValue())).toEqual(['c']);
  });

  it('a full storage quota gets its own message and loses nothing already saved', async () => {
    await saveDraft('f', { a: 'kept' }, NOW);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(quotaError());
    const r = await saveDraft('f', { a: 'new' }, NOW + 1);
    expect(r).toMatchObject({ ok: false, error: { kind: 'storage_full' } });
    if (!r.ok) expect(r.error.message).toMatch(/^Browser storage for the extension is full: /);
    expect(await clearDraft('f')).toMatchObject({ ok: false, error: { kind: 'storage_full' } });
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    expect(await getDraft('f', NOW + 2)).toMatchObject({ value: { value: { a: 'kept' } } });
  });

  it('concurrent saves of different forms all land', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => saveDraft(`f${i}`, { i }, NOW)));
    expect(Object.keys(await draftsItem.getValue()).sort()).toHaveLength(10);
  });

  it('drops drafts older than the retention limit, on read and on the next save', async () => {
    await saveDraft('old', { a: 1 }, NOW);
    const later = NOW + DRAFT_MAX_AGE_MS + 1;
    expect(await getDraft('old', later)).toEqual({ ok: true, value: null });
    await saveDraft('new', { b: 2 }, later);
    expect(Object.keys(await draftsItem.getValue())).toEqual(['new']);
  });

  it('adopts the popup drafts stored under their own keys by older versions, then removes those keys', async () => {
    await fakeBrowser.storage.local.set({
      'popupDraft:popup:create:p:11': { value: { templateId: 't', value: {} }, savedAt: NOW },
      'popupDraft:popup:edit:p:1': { value: { value: {}, base: '{}' }, savedAt: NOW - DRAFT_MAX_AGE_MS - 1 },
      'popupDraft:junk': 'not a draft',
      profiles: [],
    });
    await saveDraft('options:template:new', { name: 'x' }, NOW);
    await adoptLegacyPopupDrafts(NOW);
    expect(Object.keys(await draftsItem.getValue()).sort()).toEqual([
      'options:template:new',
      'popup:create:p:11',
    ]);
    const left = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(left.filter((k) => k.startsWith('popupDraft:'))).toEqual([]);
    expect(left).toContain('profiles');
  });
});

describe('drafts messages', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await startBackground();
  });

  it('a draft over the limit is refused through the message too', async () => {
    const r = await send<{ ok: boolean; error?: { kind: string } }>('drafts.save', {
      formId: 'f',
      value: sized(4.5e6),
    });
    expect(r.error?.kind).toBe('too_large');
  });

  it('a full quota on any write reaches the page as "storage is full", not "Something went wrong"', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(quotaError());
    const r = await send<{ ok: boolean; error?: { kind: string; message: string } }>('templates.save', {
      name: 'Voluum S2S',
      side: 'affiliate',
      tracker: 'voluum',
      deliveryMethod: 'postback',
      pixelType: 'conversion',
      level: 'specific',
      postbackUrl: 'https://x.test/?cid={sub1}',
      htmlCode: '',
      delayMs: 0,
      notes: '',
      description: '',
    });
    expect(r.error?.kind).toBe('storage_full');
    expect(r.error?.message).toMatch(/^Browser storage for the extension is full: /);
  });
});
