import { describe, expect, it } from 'vitest';
import { checkHtmlPixel, htmlPixelUrls } from '../../../lib/postback/check-html';
import { applyFix } from '../../../lib/postback/rules';

describe('htmlPixelUrls', () => {
  it('finds each img/iframe/script src, quoted or not, with its position', () => {
    const html =
      '<img src="https://a.test/p?x={sub1}" width=1><IFRAME SRC=\'https://b.test/f\'></IFRAME>' +
      '<script async src=https://c.test/s.js?k=v></script><img src="data:image/gif;base64,R0lG"><a href="https://d.test">';
    const urls = htmlPixelUrls(html);
    expect(urls.map((u) => [u.tag, u.url, u.ordinal])).toEqual([
      ['img', 'https://a.test/p?x={sub1}', 1],
      ['iframe', 'https://b.test/f', 2],
      ['script', 'https://c.test/s.js?k=v', 3],
    ]);
    for (const u of urls) expect(html.slice(u.start, u.end)).toBe(u.url);
  });
});

describe('checkHtmlPixel', () => {
  it('catches {transactionid} in an <img src>, located in that URL, with a fix that applies to the HTML', () => {
    const html =
      '<img src="https://trk.example.com/pb?cid={sub1}&amp;txid={transactionid}" width="1" height="1">';
    const r = checkHtmlPixel(html);
    expect(r.valid).toBe(false);
    const typo = r.findings.find((f) => f.rule === 'macro.typo');
    expect(typo?.location).toMatchObject({ kind: 'src', tag: 'img', ordinal: 1 });
    expect(html.slice(typo!.start, typo!.end)).toBe('{transactionid}');
    expect(applyFix(html, typo!.fix!)).toBe(html.replace('{transactionid}', '{transaction_id}'));
  });

  it('accepts &amp; in an attribute and a static script library without a click id', () => {
    const html =
      '<script src="//cdn.example.com/lib.js"></script><img src="https://trk.example.com/pb?cid={sub1}&amp;payout={payout_amount}">';
    expect(checkHtmlPixel(html)).toMatchObject({ valid: true, findings: [] });
  });

  it('runs the postback rules on each URL (tracker hint included) and says which URL', () => {
    const html =
      '<img src="https://ok.test/p?cid={sub1}"><iframe src="https://track.mydomain.test/postback?payout={payout_amount}"></iframe>';
    const r = checkHtmlPixel(html, { tracker: 'voluum' });
    const missing = r.findings.find(
      (f) => f.rule === 'tracker.required_param_missing' || f.rule === 'clickid.missing',
    );
    expect(missing?.location).toMatchObject({ kind: 'src', tag: 'iframe', ordinal: 2 });
  });

  it('checks macros in the code around the URLs, once each, and leaves JS braces alone', () => {
    const jsTemplate = `\`${'$'}{Sub2}\``; // a JS template literal, `${Sub2}`, inside the pixel code
    const html = `<script>var o = {a: 1}; var c = "{Sub1}"; var d = "{Sub1}"; var e = ${jsTemplate}; if (a){x}</script>`;
    const r = checkHtmlPixel(html);
    expect(r.findings.map((f) => [f.rule, f.location.kind])).toEqual([['macro.case_mismatch', 'code']]);
    expect(html.slice(r.findings[0]!.start, r.findings[0]!.end)).toBe('{Sub1}');
  });

  it('maps positions of a protocol-relative URL back into the HTML', () => {
    const html = '<img src="//trk.example.com/pb?cid={Sub1}">';
    const f = checkHtmlPixel(html).findings.find((x) => x.rule === 'macro.case_mismatch');
    expect(html.slice(f!.start, f!.end)).toBe('{Sub1}');
  });

  it('finds nothing in code without URLs or macros', () => {
    expect(checkHtmlPixel('<div>thanks</div>')).toEqual({ valid: true, urls: [], findings: [] });
  });
});
