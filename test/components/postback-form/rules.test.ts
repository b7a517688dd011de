import { describe, expect, it } from 'vitest';
import {
  emptyValue,
  fromTemplate,
  normalise,
  type PostbackFormValue,
  parseValue,
  toPixelDraft,
  toTemplateFields,
} from '../../../components/postback-form/model';
import { formIssues, type IssueContext } from '../../../components/postback-form/rules';
import { checkPixelRules } from '../../../lib/everflow/rules';
import { INTEGRATION_FIELDS } from '../../../lib/model/integrations';

const URL = 'https://t.example/pb?cid={sub1}';
const base = (over: Partial<PostbackFormValue> = {}): PostbackFormValue => ({
  ...emptyValue(),
  postbackUrl: URL,
  offerId: 5,
  ...over,
});

/** The form value as the API body the contract rules check. */
function apiBody(v: PostbackFormValue): Record<string, unknown> {
  const d = toPixelDraft(v);
  return {
    delivery_method: d.deliveryMethod,
    pixel_type: d.type,
    pixel_level: d.level,
    network_offer_id: d.offerId ?? 0,
    network_affiliate_id: d.affiliateId ?? 0,
    postback_url: d.postbackUrl,
    html_code: d.htmlCode,
    delay_ms: d.delayMs,
    network_offer_payout_revenue_id: d.eventId ?? 0,
    ...(d.deliveryMethod in INTEGRATION_FIELDS
      ? { [INTEGRATION_FIELDS[d.deliveryMethod as keyof typeof INTEGRATION_FIELDS]]: d.integration ?? {} }
      : {}),
  };
}
const FIELD: Record<string, string> = {
  network_offer_id: 'offerId',
  network_affiliate_id: 'affiliateId',
  pixel_level: 'level',
  postback_url: 'postbackUrl',
  html_code: 'htmlCode',
  delay_ms: 'delaySeconds',
};

describe('formIssues', () => {
  const ctx: IssueContext = { side: 'affiliate', withOffer: true, withPartner: false };

  it('accepts a complete postback', () => {
    expect(formIssues(base(), ctx)).toEqual([]);
  });

  it('words each rule for people and names the field', () => {
    const fields = (v: PostbackFormValue, c = ctx) => formIssues(v, c).map((i) => i.field);
    expect(fields(base({ offerId: undefined }))).toEqual(['offerId']);
    expect(fields(base({ offerId: undefined, level: 'global' }))).toEqual([]);
    expect(fields(base({ postbackUrl: '  ' }))).toEqual(['postbackUrl']);
    expect(formIssues(base({ postbackUrl: 't.example/pb' }), ctx)[0]?.message).toBe(
      'The URL must start with https:// (or http://).',
    );
    expect(fields(base({ delaySeconds: '301' }))).toEqual(['delaySeconds']);
    expect(fields(base({ delaySeconds: 'soon' }))).toEqual(['delaySeconds']);
    expect(fields(base({ delaySeconds: '' }))).toEqual([]);
    expect(fields(base({ deliveryMethod: 'html', htmlCode: '' }))).toEqual(['htmlCode']);
    expect(fields(base({ deliveryMethod: 'facebook' }))).toEqual(['integration']);
    expect(fields(base({ level: 'global_offer', pixelType: 'cpc' }), { ...ctx, side: 'network' })).toEqual([
      'level',
    ]);
    expect(fields(base(), { ...ctx, side: 'network', withPartner: true })).toEqual(['affiliateId']);
    // Templates have no offer field: the offer comes when the template is used.
    expect(fields(base({ offerId: undefined }), { ...ctx, withOffer: false })).toEqual([]);
  });

  it('agrees with the API contract rules on which fields are wrong', () => {
    const cases: [PostbackFormValue, 'affiliate' | 'network'][] = [
      [base(), 'affiliate'],
      [base({ offerId: undefined }), 'affiliate'],
      [base({ postbackUrl: '' }), 'affiliate'],
      [base({ postbackUrl: 'ftp://x' }), 'affiliate'],
      [base({ deliveryMethod: 'html', htmlCode: '' }), 'affiliate'],
      [base({ deliveryMethod: 'html', htmlCode: '<img>' }), 'affiliate'],
      [base({ delaySeconds: '400' }), 'affiliate'],
      [base({ level: 'global_offer', pixelType: 'cpc', affiliateId: 0 }), 'network'],
      [base({ affiliateId: 3 }), 'network'],
      [base({ affiliateId: undefined }), 'network'],
    ];
    for (const [value, side] of cases) {
      const ours = formIssues(value, { side, withOffer: true, withPartner: side === 'network' }).map(
        (i) => i.field,
      );
      const theirs = checkPixelRules(apiBody(value), side).map((i) => FIELD[i.field] ?? i.field);
      expect([...new Set(ours)].sort(), JSON.stringify(value)).toEqual([...new Set(theirs)].sort());
    }
  });

  it('agrees with the API contract on the integration objects, field by field, create and update', () => {
    const network = (over: Partial<PostbackFormValue>) => base({ affiliateId: 7, postbackUrl: '', ...over });
    const meta = {
      network_affiliate_integration_facebook_business_id: 5501,
      pixel_id: '1',
      event_name: 'Buy',
    };
    const cases: [PostbackFormValue, 'create' | 'update'][] = [
      [network({ deliveryMethod: 'facebook' }), 'create'],
      [network({ deliveryMethod: 'facebook', integration: meta }), 'create'],
      [network({ deliveryMethod: 'facebook', integration: { ...meta, pixel_id: ' ' } }), 'create'],
      [network({ deliveryMethod: 'tiktok', integration: { pixel_code: 'C', event_name: 'Buy' } }), 'create'],
      [network({ deliveryMethod: 'tiktok', integration: { pixel_code: 'C', event_name: 'Buy' } }), 'update'],
      [network({ deliveryMethod: 'snapchat', integration: { asset_id: 'a' } }), 'update'],
      [
        network({ deliveryMethod: 'rumble', integration: { network_affiliate_integration_rumble_id: 9 } }),
        'create',
      ],
      [
        network({
          deliveryMethod: 'rumble',
          integration: { network_affiliate_integration_rumble_id: 9, conversion_action_id: 4 },
        }),
        'create',
      ],
    ];
    const key = (field: string) => field.replace(/^[a-z]+_pixel\./, '');
    for (const [value, mode] of cases) {
      const ours = formIssues(value, { side: 'network', withOffer: true, withPartner: true, mode })
        .map((i) => i.key ?? i.field)
        .sort();
      const theirs = checkPixelRules(apiBody(value), 'network', mode)
        .map((i) => key(i.field))
        .sort();
      expect(ours, `${mode} ${JSON.stringify(value.integration)}`).toEqual(theirs);
    }
  });
});

describe('form model', () => {
  it('drops what no longer applies when a field changes', () => {
    const v = normalise(base({ pixelType: 'event', eventId: 9, level: 'global' }), 'affiliate');
    expect(v.eventId).toBeUndefined();
    expect(normalise(base({ level: 'global_offer' }), 'affiliate').level).toBe('specific');
    expect(normalise(base({ deliveryMethod: 'html', delaySeconds: '30' }), 'affiliate').delaySeconds).toBe(
      '0',
    );
  });

  it('converts seconds to milliseconds for the API and for templates, and back', () => {
    expect(toPixelDraft(base({ delaySeconds: '1.5' })).delayMs).toBe(1500);
    const fields = toTemplateFields(base({ delaySeconds: '30', postbackUrl: ` ${URL} ` }));
    expect(fields).toMatchObject({ delayMs: 30_000, postbackUrl: URL });
    expect(fromTemplate({ ...fields, integration: undefined }).delaySeconds).toBe('30');
  });

  it('accepts a stored draft only in the form’s shape', () => {
    expect(parseValue(base())).toEqual(base());
    expect(parseValue({ ...base(), level: 'everywhere' })).toBeUndefined();
    expect(parseValue('nope')).toBeUndefined();
  });
});
