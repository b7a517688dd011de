import { describe, expect, it } from 'vitest';
import { pickTargetTab } from '../../../lib/portal/target-tab';

const own = 'chrome-extension://abc/';

describe('pickTargetTab', () => {
  it('takes the active tab when it is not the popup itself', () => {
    const active = { id: 2, url: 'https://acme.everflowclient.io/offers/1' };
    expect(pickTargetTab({ active, self: undefined, all: [active], ownUrl: own })).toBe(active);
  });

  it('takes the most recently used other tab that is not an extension page when the popup is the active tab', () => {
    const self = { id: 1, url: `${own}popup.html` };
    const old = { id: 2, url: 'https://a.test/', lastAccessed: 10 };
    const recent = { id: 3, url: 'https://b.test/', lastAccessed: 30 };
    const options = { id: 4, url: `${own}options.html`, lastAccessed: 50 };
    const all = [self, old, recent, options];
    expect(pickTargetTab({ active: self, self, all, ownUrl: own })).toBe(recent);
    expect(all.map((t) => t.id)).toEqual([1, 2, 3, 4]);
  });

  it('gives nothing when there is no other tab', () => {
    const self = { id: 1, url: `${own}popup.html` };
    expect(pickTargetTab({ active: self, self, all: [self], ownUrl: own })).toBeUndefined();
  });
});
