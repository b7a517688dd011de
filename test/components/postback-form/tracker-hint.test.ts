// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { trackerForUrl } from '../../../components/postback-form/tracker-hint';

const templates = [
  { postbackUrl: 'https://<VOLUUM_DOMAIN>/postback?cid={sub1}', tracker: 'voluum' },
  { postbackUrl: 'https://go.custom.example/other?x={sub2}', tracker: 'custom' },
  { postbackUrl: 'https://TRK.mydomain.com/postback?cid={sub1}', tracker: 'voluum' },
  { postbackUrl: 'https://rt.brand.example/postback?clickid={sub1}', tracker: 'redtrack' },
];

describe('trackerForUrl (issue 15.4)', () => {
  it('takes the tracker of a saved template to the same host', () => {
    expect(trackerForUrl('https://trk.mydomain.com/postback?clickid={sub1}', templates)).toBe('voluum');
    expect(trackerForUrl('https://rt.brand.example/x', templates)).toBe('redtrack');
  });

  it('prefers the template the form started from, and ignores "custom" or unknown trackers', () => {
    expect(trackerForUrl('https://trk.mydomain.com/postback', templates, 'redtrack')).toBe('redtrack');
    expect(trackerForUrl('https://trk.mydomain.com/postback', templates, 'custom')).toBe('voluum');
    expect(trackerForUrl('https://go.custom.example/other', templates)).toBeUndefined();
    expect(trackerForUrl('https://unknown.example/pb', templates)).toBeUndefined();
    expect(trackerForUrl('not a url', templates)).toBeUndefined();
  });
});
