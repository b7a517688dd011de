import { describe, expect, it } from 'vitest';
import { firstPostbackUrl } from '../../../components/popup/first-postback';

describe('firstPostbackUrl', () => {
  it("puts a pasted domain into the tracker's preset and checks it with the tracker's rules", () => {
    const r = firstPostbackUrl({ tracker: 'voluum', text: 'https://trk.zen.test/' });
    expect(r.ok && r.url).toBe(
      'https://trk.zen.test/postback?cid={sub1}&payout={payout_amount}&txid={transaction_id}',
    );
    expect(r.ok && r.check.valid).toBe(true);
    expect(r.ok && r.preset?.tracker).toBe('Voluum');
  });

  it('takes a whole postback URL as it is, and the checker still sees its mistakes', () => {
    const r = firstPostbackUrl({
      tracker: 'redtrack',
      text: ' https://rt.test/postback?clickid={transactionid} ',
    });
    expect(r.ok && r.url).toBe('https://rt.test/postback?clickid={transactionid}');
    expect(r.ok && r.check.valid).toBe(false);
  });

  it('says what is missing: nothing pasted, a domain for "another tracker", a preset that needs more', () => {
    expect(firstPostbackUrl({ tracker: 'voluum', text: '  ' })).toMatchObject({ ok: false });
    const other = firstPostbackUrl({ tracker: 'custom', text: 'trk.zen.test' });
    expect(!other.ok && other.message).toContain('whole postback URL');
    const keitaro = firstPostbackUrl({ tracker: 'keitaro', text: 'k.zen.test' });
    expect(!keitaro.ok && keitaro.message).toContain('Keitaro needs more than a domain');
    const taboola = firstPostbackUrl({ tracker: 'taboola', text: 'x.test' });
    expect(!taboola.ok && taboola.message).toContain('needs more than a domain');
    const words = firstPostbackUrl({ tracker: 'voluum', text: 'my tracker' });
    expect(!words.ok && words.message).toContain('not a domain');
  });
});
