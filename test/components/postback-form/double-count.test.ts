// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { doubleCountGlobals, targetHosts, urlHost } from '../../../components/postback-form/double-count';
import { emptyValue, type PostbackFormValue } from '../../../components/postback-form/model';
import type { PixelView } from '../../../lib/model/pixel';

const global = (over: Partial<PixelView> = {}): PixelView => ({
  id: 9,
  side: 'network',
  status: 'active',
  type: 'conversion',
  level: 'global',
  deliveryMethod: 'postback',
  postbackUrl: 'https://TRK.example.com./pb?cid={sub1}',
  htmlCode: '',
  delayMs: 0,
  offerId: 0,
  eventId: 0,
  affiliateId: 7,
  ...over,
});
const value = (over: Partial<PostbackFormValue> = {}): PostbackFormValue => ({
  ...emptyValue(),
  offerId: 11,
  postbackUrl: 'https://trk.example.com/other?cid={sub2}',
  ...over,
});

describe('double-count warning (issue 15.4)', () => {
  it('reads the host of a URL, lower case, without user info, port or trailing dot', () => {
    expect(urlHost('https://u:p@Trk.Example.com.:8443/x')).toBe('trk.example.com');
    expect(urlHost('//cdn.example.com/p.gif')).toBe('cdn.example.com');
    expect(urlHost('trk.example.com/x')).toBeUndefined();
  });

  it('takes the hosts of an HTML pixel from its src URLs', () => {
    const hosts = targetHosts({
      deliveryMethod: 'html',
      postbackUrl: '',
      htmlCode: '<img src="https://a.example.com/p?x={sub1}"><script src="//b.example.com/s.js"></script>',
    });
    expect([...hosts]).toEqual(['a.example.com', 'b.example.com']);
  });

  it('finds an active global postback of the same type to the same host', () => {
    expect(doubleCountGlobals(value(), [global()]).map((p) => p.id)).toEqual([9]);
    expect(doubleCountGlobals(value({ affiliateId: 7 }), [global()])).toHaveLength(1);
  });

  it('leaves out other hosts, inactive or specific postbacks, other types, other partners, and global values', () => {
    expect(doubleCountGlobals(value(), [global({ postbackUrl: 'https://other.example.com/pb' })])).toEqual(
      [],
    );
    expect(doubleCountGlobals(value(), [global({ status: 'inactive' })])).toEqual([]);
    expect(doubleCountGlobals(value(), [global({ level: 'specific' })])).toEqual([]);
    expect(doubleCountGlobals(value(), [global({ type: 'event' })])).toEqual([]);
    expect(doubleCountGlobals(value({ affiliateId: 8 }), [global()])).toEqual([]);
    expect(doubleCountGlobals(value({ level: 'global' }), [global()])).toEqual([]);
    expect(doubleCountGlobals(value({ postbackUrl: '' }), [global()])).toEqual([]);
  });
});
