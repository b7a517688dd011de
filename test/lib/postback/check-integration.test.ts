import { describe, expect, it } from 'vitest';
import { checkIntegration, describeIntegrationLocation } from '../../../lib/postback/check-integration';

describe('checkIntegration', () => {
  it('checks each Meta user_data / custom_data value and says which row', () => {
    const meta = {
      pixel_id: '123',
      event_name: 'Purchase',
      user_data: [
        { field: 'em', value: '{sub2}' },
        { field: 'external_id', value: '{transactionid}' },
      ],
      custom_data: [{ field: 'value', value: '{Payout_Amount}' }],
    };
    const found = checkIntegration('facebook', meta);
    expect(found.map((f) => [f.rule, describeIntegrationLocation(f.location)])).toEqual([
      ['macro.typo', 'user_data row 2 (external_id)'],
      ['macro.case_mismatch', 'custom_data row 1 (value)'],
    ]);
    expect(found[0]).toMatchObject({
      start: 0,
      end: 15,
      location: { field: 'user_data', row: 1, key: 'external_id' },
    });
  });

  it('checks the plain fields: event name, event id and the URL fields with URL rules', () => {
    const snap = {
      event_name: '{event_nmae}',
      event_id: '{transaction_id}',
      event_source_url: 'https://shop.example.com/thanks?oid={offer_id}#{sub1}',
    };
    const rules = checkIntegration('snapchat', snap, { pixelType: 'event' }).map((f) => [
      f.location.field,
      f.rule,
    ]);
    expect(rules).toContainEqual(['event_name', 'macro.typo']);
    expect(rules).toContainEqual(['event_source_url', 'macro.in_fragment']);
    expect(rules.some(([, r]) => r?.startsWith('clickid.'))).toBe(false);
  });

  it('checks TikTok email, phone and properties', () => {
    const tiktok = { email: '{sub3', phone: '{sub4}', properties: [{ field: 'price', value: '[PRICE]' }] };
    expect(
      checkIntegration('tiktok', tiktok).map((f) => [describeIntegrationLocation(f.location), f.rule]),
    ).toEqual([
      ['email', 'macro.unbalanced_braces'],
      ['properties row 1 (price)', 'macro.foreign_syntax'],
    ]);
  });

  it('never looks at ids or the access token, and skips values that are not text', () => {
    const meta = { access_token: '{sub1', pixel_id: '{x', user_data: [{ field: 'em' }, null, { value: 5 }] };
    expect(checkIntegration('facebook', meta as Record<string, unknown>)).toEqual([]);
    expect(checkIntegration('tiktok', null)).toEqual([]);
  });
});
