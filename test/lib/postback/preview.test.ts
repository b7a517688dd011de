// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewPostbackUrl, SAMPLE_VALUES } from '../../../lib/postback/preview';

describe('previewPostbackUrl', () => {
  it('fires the URL with realistic sample values', () => {
    const p = previewPostbackUrl(
      'https://abcde.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}&txid={transaction_id}',
    );
    expect(p.url).toBe(
      `https://abcde.voluumtrk.com/postback?cid=${SAMPLE_VALUES.sub1}&payout=12.50&txid=${SAMPLE_VALUES.transaction_id}`,
    );
    expect(SAMPLE_VALUES.transaction_id).toMatch(/^[0-9a-f]{32}$/);
    expect(p.received.path).toBe('/postback');
  });

  it('percent-encodes spaces, & and non-ASCII in values, and the receiver decodes them back', () => {
    const p = previewPostbackUrl('https://t.example.com/pb?a={sub2}&b={sub3}&c={sub4}&d={sub5}');
    expect(p.url).toBe(
      'https://t.example.com/pb?a=spring%20sale%20%26%20more&b=email%2Fnewsletter%20%2312&c=Zo%C3%AB%2050%25%20off&d=a%2Bb%3Dc',
    );
    expect(p.received.params).toEqual([
      { key: 'a', value: 'spring sale & more' },
      { key: 'b', value: 'email/newsletter #12' },
      { key: 'c', value: 'Zoë 50% off' },
      { key: 'd', value: 'a+b=c' },
    ]);
  });

  it('keeps what Everflow would send literally and blanks what it leaves empty', () => {
    const p = previewPostbackUrl(
      'https://t.example.com/pb?x={clickid}&r={revenue}&u={unique_click}&s={sale_amount}',
      {
        pixelType: 'cpc',
      },
    );
    expect(p.url).toBe('https://t.example.com/pb?x={clickid}&r={revenue}&u=&s=');
    expect(p.segments.filter((s) => s.kind !== 'literal').map((s) => [s.kind, s.macro])).toEqual([
      ['uncertain', '{revenue}'],
      ['blank', '{unique_click}'],
      ['blank', '{sale_amount}'],
    ]);
  });

  it('lets the caller choose sample values', () => {
    expect(
      previewPostbackUrl('https://t.example.com/pb?cid={sub1}', { samples: { sub1: 'my id' } }).url,
    ).toBe('https://t.example.com/pb?cid=my%20id');
  });

  it('leaves out the fragment from what the receiver gets', () => {
    const p = previewPostbackUrl(' https://t.example.com/pb?cid={sub1}#p={payout_amount} ');
    expect(p.url).toBe(`https://t.example.com/pb?cid=${SAMPLE_VALUES.sub1}#p=12.50`);
    expect(p.received.params).toEqual([{ key: 'cid', value: SAMPLE_VALUES.sub1 }]);
  });

  it('never throws, and its segments always spell its URL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const p = previewPostbackUrl(`https://t.example.com/${s}{sub2}`);
        return p.segments.map((x) => x.text).join('') === p.url;
      }),
      { numRuns: 3000, seed: 1 },
    );
  });
});
