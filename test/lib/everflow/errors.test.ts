// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ERROR_KINDS,
  errorFromResponse,
  errorMessage,
  fieldFromMessage,
  realmMismatchMessage,
} from '../../../lib/everflow/errors';

const KEY = 'secret-key-123456';

describe('errorFromResponse', () => {
  it.each([
    [401, { error: 'No Authentication Method Found' }, 'auth'],
    [403, { error: 'Out of realm' }, 'realm'],
    [403, { Error: 'Out of realm' }, 'realm'],
    [403, { error: 'Permission denied' }, 'forbidden'],
    [404, { error: 'Not found' }, 'not_found'],
    [400, { error: 'Invalid parameters.' }, 'validation'],
    [422, { error: 'Bad thing' }, 'validation'],
    [429, { error: 'Too many' }, 'rate_limited'],
    [500, undefined, 'server'],
    [502, undefined, 'server'],
    [503, { error: 'Down' }, 'server'],
    [418, { error: 'teapot' }, 'bad_response'],
  ] as const)('maps %i %j to %s', (status, body, kind) => {
    expect(errorFromResponse({ status, body, apiKey: KEY }).kind).toBe(kind);
  });

  it('says which way round the realm is wrong', () => {
    const onAffiliatePath = errorFromResponse({
      status: 403,
      body: { error: 'Out of realm' },
      apiKey: KEY,
      pathRealm: 'affiliate',
    });
    expect(onAffiliatePath.message).toMatch(/^This is a network key, but this profile is for an affiliate\./);
    const onNetworkPath = errorFromResponse({
      status: 403,
      body: { error: 'Out of realm' },
      apiKey: KEY,
      pathRealm: 'network',
    });
    expect(onNetworkPath.message).toMatch(/^This is an affiliate key, but this profile is for a network\./);
  });

  it('suggests the network disabled partner editing on a plain 403', () => {
    expect(errorFromResponse({ status: 403, body: { error: 'x' }, apiKey: KEY }).message).toMatch(
      /network may have disabled partner postback editing/,
    );
  });

  it('carries the server message and field of a 400', () => {
    const error = errorFromResponse({
      status: 400,
      body: { error: 'postback_url must start with http:// or https://' },
      apiKey: KEY,
    });
    expect(error).toMatchObject({
      kind: 'validation',
      status: 400,
      field: 'postback_url',
      serverMessage: 'postback_url must start with http:// or https://',
    });
    expect(error.message).toBe(
      'Everflow rejected the postback (postback_url): postback_url must start with http:// or https://. Correct it and save again.',
    );
    expect(
      errorFromResponse({ status: 400, body: { error: 'bad', field: 'html_code' }, apiKey: KEY }).field,
    ).toBe('html_code');
  });

  it('prefers the longest field name a message contains', () => {
    expect(fieldFromMessage('network_offer_payout_revenue_id 4 does not belong to offer')).toBe(
      'network_offer_payout_revenue_id',
    );
    expect(fieldFromMessage('facebook_pixel.pixel_id is required')).toBe('facebook_pixel.pixel_id');
    expect(fieldFromMessage('nothing here')).toBeUndefined();
  });

  it('keeps Retry-After on a 429 and says when to retry', () => {
    const error = errorFromResponse({ status: 429, body: undefined, apiKey: KEY, retryAfterMs: 2500 });
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2500 });
    expect(error.message).toBe('Too many requests to Everflow. Try again in 3 s.');
  });

  it('never repeats the API key from a server message', () => {
    const error = errorFromResponse({ status: 400, body: { error: `bad key ${KEY} given` }, apiKey: KEY });
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(error.serverMessage).toBe('bad key [api key] given');
  });
});

describe('errorMessage', () => {
  it('has a distinct human sentence for every kind', () => {
    const messages = ERROR_KINDS.map((kind) => errorMessage(kind));
    expect(new Set(messages).size).toBe(ERROR_KINDS.length);
    for (const message of messages) expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it('builds both realm sentences', () => {
    expect(realmMismatchMessage('network')).toMatch(/network key, but this profile is for an affiliate/);
    expect(realmMismatchMessage('affiliate')).toMatch(/affiliate key, but this profile is for a network/);
  });

  it('names the bad field of a bad response', () => {
    expect(errorMessage('bad_response', { detail: 'pixels.0.pixel_status: expected string' })).toContain(
      'pixels.0.pixel_status',
    );
  });
});

describe('fieldFromMessage', () => {
  it('picks the field the message names first', () => {
    expect(fieldFromMessage('postback_url is required when delivery_method is postback')).toBe(
      'postback_url',
    );
    expect(fieldFromMessage('delay_ms is only allowed when delivery_method is postback')).toBe('delay_ms');
    expect(fieldFromMessage('pixel_level global_offer is not allowed when pixel_type is cpc')).toBe(
      'pixel_level',
    );
    expect(fieldFromMessage('tiktok_pixel.pixel_code is required')).toBe('tiktok_pixel.pixel_code');
  });
});
