import { describe, expect, it } from 'vitest';
import { Settings } from '../../../lib/model/settings';
import { parseList, parseObject, sameStored } from '../../../lib/storage/repair';
import { Profile } from '../../../lib/storage/schemas';
import { sortedKeys } from './chrome-like-storage';

const profile = {
  id: 'p1',
  name: 'Acme',
  role: 'network',
  region: 'us',
  portalDomains: ['acme.everflowclient.io'],
  keyHint: '1234',
  account: { name: 'Acme', id: 7, networkId: 3, realm: 'network', checkedAt: 5 },
  createdAt: 1,
};

describe('sameStored', () => {
  it('ignores key order and undefined members, and nothing else', () => {
    expect(sameStored({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toBe(
      true,
    );
    expect(sameStored({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
    expect(sameStored({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameStored({ a: null }, {})).toBe(false);
    expect(sameStored([1, 2], [2, 1])).toBe(false);
    expect(sameStored({ 0: 'x' }, ['x'])).toBe(false);
    expect(sameStored({ a: { b: 1 } }, { a: { b: 1, c: 1 } })).toBe(false);
  });
});

describe('repairs', () => {
  it('does not "repair" a valid profile that storage handed back with its keys sorted', () => {
    expect(parseList(Profile, [sortedKeys(profile)]).repairs).toEqual([]);
  });

  it('does not "repair" valid settings handed back with sorted keys', () => {
    const s = { forgetKeysOnClose: true, defaultTemplateIds: { z: 't1', a: 't2' }, defaultProfileId: 'p1' };
    expect(
      parseObject(Settings, sortedKeys(s), { defaultTemplateIds: {}, forgetKeysOnClose: false }).repairs,
    ).toEqual([]);
  });

  it('still names a field that really changed', () => {
    const bad = sortedKeys({ ...profile, account: { ...profile.account, id: 'seven' } });
    expect(parseList(Profile, [bad]).repairs).toEqual(['[0]: reset account']);
  });
});
