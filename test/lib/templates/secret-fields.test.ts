// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  DROP,
  findSecrets,
  isSecretName,
  mapSecrets,
  maskSecret,
  withoutSecrets,
} from '../../../lib/templates/secret-fields';
import { secretIdOf, secretRef } from '../../../lib/templates/secret-ref';

describe('isSecretName', () => {
  it.each([
    ['access_token', true],
    ['token', true],
    ['accessToken', true],
    ['refresh-token', true],
    ['password', true],
    ['Passwd', true],
    ['secret', true],
    ['client_secret', true],
    ['api_key', true],
    ['apiKey', true],
    ['API-KEY', true],
    ['private_key', true],
    ['credentials', true],
    ['Authorization', true],
    ['auth', true],
    ['pixel_id', false],
    ['event_name', false],
    ['event_source_url', false],
    ['network_affiliate_integration_facebook_business_id', false],
    ['asset_id', false],
    ['author', false],
    ['keyword', false],
    ['user_data', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });
});

describe('findSecrets', () => {
  it.each<[string, unknown, { path: string; value: string | number }[]]>([
    [
      'a top-level token',
      { pixel_id: '1', access_token: 'EAAG123' },
      [{ path: 'access_token', value: 'EAAG123' }],
    ],
    ['a nested password', { extra: { password: 'hunter2' } }, [{ path: 'extra.password', value: 'hunter2' }]],
    [
      'a key/value row whose key names a secret',
      {
        user_data: [
          { field: 'em', value: 'x' },
          { field: 'access_token', value: 'tok' },
        ],
      },
      [{ path: 'user_data[access_token]', value: 'tok' }],
    ],
    [
      'a row keyed by `key`',
      { properties: [{ key: 'api_key', value: 'k1' }] },
      [{ path: 'properties[api_key]', value: 'k1' }],
    ],
    [
      'everything inside a secret object',
      { credentials: { user: 'u', list: ['a', 7] } },
      [
        { path: 'credentials.user', value: 'u' },
        { path: 'credentials.list[0]', value: 'a' },
        { path: 'credentials.list[1]', value: 7 },
      ],
    ],
    ['deep in lists', { a: [[{ b: { token: 't' } }]] }, [{ path: 'a[0][0].b.token', value: 't' }]],
    ['empty, null and boolean values hide nothing', { token: '', secret: null, password: true }, []],
    [
      'no secret at all',
      { pixel_id: '1', event_name: 'Lead', user_data: [{ field: 'em', value: 'a@b' }] },
      [],
    ],
  ])('%s', (_, value, hits) => {
    expect(findSecrets(value)).toEqual(hits);
  });
});

describe('mapSecrets and withoutSecrets', () => {
  const integration = {
    pixel_id: '1',
    access_token: 'EAAG-token-123456',
    extra: { password: 'pw', note: 'n' },
    user_data: [
      { field: 'em', value: 'e' },
      { field: 'access_token', value: 'row-token' },
    ],
  };

  it('drops secret keys and secret rows, and nothing else', () => {
    expect(withoutSecrets(integration)).toEqual({
      pixel_id: '1',
      extra: { note: 'n' },
      user_data: [{ field: 'em', value: 'e' }],
    });
    expect(integration.access_token).toBe('EAAG-token-123456');
  });

  it('replaces each secret in place, keeping rows and their other keys', () => {
    const out = mapSecrets(integration, ({ path }) => (path === 'extra.password' ? DROP : `<${path}>`));
    expect(out).toEqual({
      pixel_id: '1',
      access_token: '<access_token>',
      extra: { note: 'n' },
      user_data: [
        { field: 'em', value: 'e' },
        { field: 'access_token', value: '<user_data[access_token]>' },
      ],
    });
  });

  it('masks a secret, and a reference names its id and shows only the mask', () => {
    expect(maskSecret('EAAG-token-123456')).toBe('••••3456');
    expect(maskSecret('short')).toBe('••••');
    const ref = secretRef('0123456789abcdef', 'EAAG-token-123456');
    expect(ref).toBe('••••3456 [saved:0123456789abcdef]');
    expect(secretIdOf(ref)).toBe('0123456789abcdef');
    expect(secretIdOf('EAAG-token-123456')).toBeUndefined();
    expect(secretIdOf(42)).toBeUndefined();
  });
});
