import { describe, expect, it } from 'vitest';
import {
  type AdPlatform,
  INTEGRATION_VOCABULARY,
  isStandardEvent,
  standardEventFor,
} from '../../../lib/postback/integration-vocabulary';

const names = (terms: readonly { name: string }[]) => terms.map((x) => x.name);
const PLATFORMS: AdPlatform[] = ['facebook', 'tiktok', 'snapchat'];

describe('INTEGRATION_VOCABULARY', () => {
  it('holds the documented Meta names the forms offer', () => {
    const meta = INTEGRATION_VOCABULARY.facebook;
    expect(names(meta.events)).toEqual(
      expect.arrayContaining([
        'Purchase',
        'Lead',
        'CompleteRegistration',
        'AddToCart',
        'InitiateCheckout',
        'Subscribe',
        'StartTrial',
      ]),
    );
    expect(names(meta.actionSources)).toEqual([
      'website',
      'app',
      'email',
      'phone_call',
      'chat',
      'physical_store',
      'system_generated',
      'business_messaging',
      'other',
    ]);
    const userKeys = ['em', 'ph', 'fn', 'ln', 'ge', 'db', 'ct', 'st', 'zp', 'country', 'external_id'];
    expect(names(meta.userDataKeys)).toEqual(
      expect.arrayContaining([
        ...userKeys,
        'client_ip_address',
        'client_user_agent',
        'fbc',
        'fbp',
        'subscription_id',
        'lead_id',
      ]),
    );
    expect(meta.userDataKeys.filter((k) => k.hashed).map((k) => k.name)).toEqual(userKeys);
    expect(names(meta.customDataKeys)).toEqual(
      expect.arrayContaining([
        'value',
        'currency',
        'content_name',
        'content_ids',
        'content_type',
        'order_id',
        'num_items',
      ]),
    );
  });

  it('holds the TikTok and Snapchat equivalents', () => {
    expect(names(INTEGRATION_VOCABULARY.tiktok.events)).toEqual(
      expect.arrayContaining(['CompletePayment', 'PlaceAnOrder', 'SubmitForm', 'CompleteRegistration']),
    );
    expect(names(INTEGRATION_VOCABULARY.tiktok.customDataKeys)).toContain('price');
    expect(names(INTEGRATION_VOCABULARY.snapchat.events)).toEqual(
      expect.arrayContaining(['PURCHASE', 'SIGN_UP']),
    );
    expect(names(INTEGRATION_VOCABULARY.snapchat.userDataKeys)).toContain('sc_click_id');
  });

  it.each(PLATFORMS)('%s: names are unique per list, non-empty and described', (p) => {
    const v = INTEGRATION_VOCABULARY[p];
    expect(v.platform).toBe(p);
    for (const list of [v.events, v.actionSources, v.userDataKeys, v.customDataKeys]) {
      expect(new Set(names(list)).size).toBe(list.length);
      for (const term of list) expect(term.name && term.description).toBeTruthy();
    }
  });
});

describe('standard events', () => {
  it('are matched by exact spelling, and a near spelling points to the right one', () => {
    expect(isStandardEvent('facebook', 'Purchase')).toBe(true);
    expect(isStandardEvent('facebook', 'purchase')).toBe(false);
    expect(standardEventFor('facebook', 'purchase')).toBe('Purchase');
    expect(standardEventFor('snapchat', 'sign-up')).toBe('SIGN_UP');
    expect(standardEventFor('tiktok', 'complete payment')).toBe('CompletePayment');
    expect(standardEventFor('facebook', 'FTD')).toBeUndefined();
  });
});
