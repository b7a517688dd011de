// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popupStart, START_ROWS } from '../../../lib/background/services/popup-start';
import { profilesItem, settingsItem } from '../../../lib/storage/items';
import { seedCache } from './cache-seed';

function row(id: number, offerId: number, level = 'specific') {
  return {
    id,
    side: 'network',
    status: 'active',
    type: 'conversion',
    level,
    deliveryMethod: 'postback',
    postbackUrl: `https://t.example/${id}`,
    htmlCode: '',
    delayMs: 0,
    offerId,
    eventId: 0,
    affiliateId: 7,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await profilesItem.setValue([
    {
      id: 'net',
      name: 'Net',
      role: 'network',
      region: 'us',
      portalDomains: ['acme.everflowclient.io'],
      keyHint: '1234',
      createdAt: 1,
    },
  ]);
});

describe('popupStart', () => {
  it("paints the offer's cached rows: its own and the global ones", async () => {
    await seedCache({
      'pixels:net:offer:5': { value: [row(3, 5), row(2, 0, 'global'), row(1, 6)], fetchedAt: 1 },
      'offer:net:5': { value: { id: 5, name: 'Offer five', events: [] }, fetchedAt: 1 },
    });
    const r = await popupStart({ tabUrl: 'https://acme.everflowclient.io/offers/5' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.profileId).toBe('net');
    expect(r.value.rows?.map((p) => p.id)).toEqual([3, 2]);
    expect(r.value.offer).toEqual({ id: 5, view: { id: 5, name: 'Offer five', events: [] } });
  });

  it('paints every cached row without an offer, and none when nothing is cached', async () => {
    const empty = await popupStart({});
    expect(empty.ok && empty.value.rows).toBeNull();
    await seedCache({ 'pixels:net:all': { value: [row(3, 5), row(1, 6)], fetchedAt: 1 } });
    const all = await popupStart({});
    expect(all.ok && all.value.rows?.map((p) => p.id)).toEqual([3, 1]);
  });

  it('sends only the first screen of a long list, in list order, and says how many the list has', async () => {
    // Ids 1..n, the two oldest global: the newest specific ones come first, the global ones last.
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => row(i + 1, 5, i < 2 ? 'global' : 'specific'));
    await seedCache({ 'pixels:net:all': { value: rows(START_ROWS), fetchedAt: 1 } });
    const short = await popupStart({});
    if (!short.ok) throw new Error(short.error.message);
    expect(short.value.rows).toHaveLength(START_ROWS);
    expect(short.value.rowsTotal).toBeUndefined();

    const n = START_ROWS + 50;
    await seedCache({ 'pixels:net:all': { value: rows(n), fetchedAt: 2 } });
    const long = await popupStart({});
    if (!long.ok) throw new Error(long.error.message);
    expect(long.value.rowsTotal).toBe(n);
    expect(long.value.rows?.map((p) => p.id)).toEqual(Array.from({ length: START_ROWS }, (_, i) => n - i));
  });
});

describe('popupStart: portals no profile names', () => {
  const aff = (id: string, portalDomains: string[] = []) => ({
    id,
    name: id,
    role: 'affiliate' as const,
    region: 'us' as const,
    portalDomains,
    keyHint: '1234',
    createdAt: 1,
  });

  it('asks which profile an offer page on an unknown host is for, and shows no offer until then', async () => {
    await profilesItem.setValue([aff('a'), aff('b')]);
    const r = await popupStart({ tabUrl: 'https://partners.brand.test/affiliate/offers/view/14' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.question).toEqual({
      host: 'partners.brand.test',
      offerId: 14,
      candidates: ['a', 'b'],
      guessed: false,
    });
    expect(r.value.offer).toBeUndefined();
  });

  it('uses the profile picked on a host before, over the claim and the default, and does not ask', async () => {
    await profilesItem.setValue([aff('a', ['*.everflowclient.io']), aff('b')]);
    await settingsItem.setValue({
      defaultProfileId: 'a',
      defaultTemplateIds: {},
      forgetKeysOnClose: false,
      profileByHost: { 'lead.everflowclient.io': 'b' },
    });
    const r = await popupStart({ tabUrl: 'https://lead.everflowclient.io/#/offers/9' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.profileId).toBe('b');
    expect(r.value.offer?.id).toBe(9);
    expect(r.value.question).toBeUndefined();
  });

  it('shows an unclaimed Everflow portal with the default profile and asks when another profile could own it', async () => {
    await profilesItem.setValue([aff('a'), aff('b')]);
    const r = await popupStart({ tabUrl: 'https://other.everflowclient.io/offers/3' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.profileId).toBe('a');
    expect(r.value.offer?.id).toBe(3);
    expect(r.value.question?.guessed).toBe(true);
  });

  it('ignores a pick stored for a site that is no portal: no "offer" read from an unrelated URL', async () => {
    await profilesItem.setValue([aff('a'), aff('b')]);
    await settingsItem.setValue({
      defaultProfileId: 'a',
      defaultTemplateIds: {},
      forgetKeysOnClose: false,
      profileByHost: { 'news.example.com': 'b' },
    });
    const r = await popupStart({ tabUrl: 'https://news.example.com/blog/offers/2024' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.profileId).toBe('a');
    expect(r.value.offer).toBeUndefined();
  });

  it('honours a pick on an offer page of a host nobody names (the pick answered the question there)', async () => {
    await profilesItem.setValue([aff('a'), aff('b')]);
    await settingsItem.setValue({
      defaultProfileId: 'a',
      defaultTemplateIds: {},
      forgetKeysOnClose: false,
      profileByHost: { 'partners.brand.test': 'b' },
    });
    const offerPage = await popupStart({ tabUrl: 'https://partners.brand.test/affiliate/offers/view/14' });
    expect(offerPage.ok && offerPage.value.profileId).toBe('b');
    expect(offerPage.ok && offerPage.value.offer?.id).toBe(14);
  });
});
