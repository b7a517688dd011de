import { describe, expect, it } from 'vitest';
import { type FireOutcome, testFireVerdict, type VerdictKind } from '../../../lib/postback/test-fire-verdict';
import type { ReceiverId } from '../../../lib/postback/trackers';

const URL = 'https://abc.voluumtrk.com/postback?cid=123';
const base = (o: Partial<FireOutcome>): FireOutcome => ({ timeMs: 180, url: URL, ...o });

type Row = [
  what: string,
  outcome: FireOutcome,
  tracker: ReceiverId | undefined,
  kind: VerdictKind,
  words: RegExp,
];

const TABLE: Row[] = [
  [
    'empty 200',
    base({ status: 200, body: '' }),
    'voluum',
    'accepted',
    /^Voluum answered 200 with an empty body: accepted\.$/,
  ],
  [
    '204 without a tracker',
    base({ status: 204 }),
    undefined,
    'accepted',
    /^The tracker answered 204 with an empty body: accepted/,
  ],
  [
    '200 with OK',
    base({ status: 200, body: 'OK' }),
    'redtrack',
    'accepted',
    /RedTrack answered 200: accepted \("OK"\)/,
  ],
  ['404', base({ status: 404, body: 'Not Found' }), 'voluum', 'rejected', /^404: the path is wrong\.$/],
  ['400 Taboola', base({ status: 400 }), 'taboola', 'rejected', /^400: Taboola rejected the parameters/],
  ['403', base({ status: 403 }), 'binom', 'rejected', /^403: Binom refused/],
  ['405', base({ status: 405 }), undefined, 'rejected', /does not take GET/],
  ['429', base({ status: 429 }), undefined, 'unclear', /^429: the tracker is limiting/],
  [
    '500',
    base({ status: 500, body: 'Internal Server Error' }),
    'keitaro',
    'rejected',
    /^500: Keitaro failed on its side/,
  ],
  ['503', base({ status: 503 }), undefined, 'rejected', /^503: the tracker failed/],
  ['302 not followed', base({ status: 302 }), undefined, 'unclear', /redirect that was not followed/],
  [
    'TLS',
    base({ error: 'tls' }),
    'voluum',
    'failed',
    /^TLS error: the certificate does not match abc\.voluumtrk\.com/,
  ],
  [
    'DNS',
    base({ error: 'dns', url: 'https://trk.exmaple.com/pb' }),
    undefined,
    'failed',
    /^DNS error: trk\.exmaple\.com does not exist/,
  ],
  [
    'timeout',
    base({ error: 'timeout', timeMs: 10_000 }),
    'voluum',
    'failed',
    /^No answer from Voluum within 10 s/,
  ],
  [
    'refused',
    base({ error: 'refused', url: 'http://10.0.0.7:8080/pb' }),
    undefined,
    'failed',
    /^Connection refused by 10\.0\.0\.7/,
  ],
  ['no status, no error kind', base({}), undefined, 'failed', /failed before any answer/],
  [
    '200 body says error',
    base({ status: 200, body: 'Error: click id not found' }),
    'binom',
    'rejected',
    /^200 but the body says error: Error: click id not found$/,
  ],
  [
    'TUNE success=false',
    base({ status: 200, body: 'success=false;err_msg=Invalid Trans. ID' }),
    'tune',
    'rejected',
    /body says error: success=false;err_msg=Invalid Trans\. ID/,
  ],
  [
    'TUNE success=true',
    base({ status: 200, body: 'success=true;' }),
    'tune',
    'accepted',
    /TUNE answered 200: accepted/,
  ],
  ['TUNE empty', base({ status: 200, body: '' }), 'tune', 'unclear', /probably accepted/],
  [
    'JSON success false',
    base({ status: 200, body: '{"success":false,"message":"bad token"}' }),
    undefined,
    'rejected',
    /body says error: \{"success":false/,
  ],
  [
    'JSON status error',
    base({ status: 200, body: '{"status":"error"}' }),
    undefined,
    'rejected',
    /body says error/,
  ],
  ['JSON ok', base({ status: 200, body: '{"status":"ok","id":5}' }), undefined, 'accepted', /accepted/],
  [
    'HTML page',
    base({
      status: 200,
      body: '<!DOCTYPE html><html><title>Login</title>',
      headers: { 'Content-Type': 'text/html' },
    }),
    undefined,
    'unclear',
    /with a web page/,
  ],
];

describe('testFireVerdict', () => {
  it.each(TABLE)('%s', (_what, outcome, tracker, kind, words) => {
    const v = testFireVerdict(outcome, tracker);
    expect(v.kind).toBe(kind);
    expect(v.headline).toMatch(words);
  });

  it('says what to look for where a tracker answers 200 on errors, only on a 2xx', () => {
    expect(testFireVerdict(base({ status: 200, body: '' }), 'tune').lookFor).toMatch(/success=false/);
    expect(testFireVerdict(base({ status: 404 }), 'tune').lookFor).toBeUndefined();
    expect(testFireVerdict(base({ status: 200, body: '' }), 'voluum').lookFor).toBeUndefined();
  });

  it('keeps the words that gave an error away, cut short and on one line', () => {
    const body = `${'x '.repeat(200)}\n\nFAILED: duplicate transaction\n${'y '.repeat(200)}`;
    const v = testFireVerdict(base({ status: 200, body }));
    expect(v.evidence).toContain('FAILED: duplicate transaction');
    expect(v.evidence!.length).toBeLessThanOrEqual(160);
    expect(v.evidence).not.toContain('\n');
  });

  it('notes redirects: http to https, and to another host', () => {
    const upgraded = testFireVerdict(
      base({
        status: 200,
        url: 'http://trk.example.com/pb',
        redirects: [{ url: 'https://trk.example.com/pb', status: 301 }],
      }),
    );
    expect(upgraded.kind).toBe('accepted');
    expect(upgraded.advice).toMatch(/from http to https: use https:\/\//);
    const away = testFireVerdict(
      base({
        status: 200,
        url: 'https://trk.example.com/pb',
        redirects: [
          { url: 'https://www.example.com/', status: 302 },
          { url: 'https://www.example.com/home', status: 302 },
        ],
      }),
    );
    expect(away.advice).toMatch(/Redirected 2 times, to www\.example\.com/);
  });

  it('warns when an accepted answer was slow', () => {
    expect(testFireVerdict(base({ status: 200, timeMs: 7200 }), 'voluum').advice).toMatch(/took 7\.2 s/);
    expect(testFireVerdict(base({ status: 200, timeMs: 300 }), 'voluum').advice).toBeUndefined();
  });
});
