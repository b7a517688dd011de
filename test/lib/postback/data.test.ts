// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import macroData from '../../../lib/postback/data/macros.json';
import presetData from '../../../lib/postback/data/tracker-templates.json';
import { CLICK_MACROS, getMacro, isFilledFor, MACROS, REGISTRY } from '../../../lib/postback/macros';
import { RECEIVERS, TRACKER_PRESETS } from '../../../lib/postback/trackers';

// The JSON files are typed with casts in lib/ (no zod in the popup path); these schemas keep the casts honest.
const pixelType = z.enum(['conversion', 'event', 'cpc']);
const macroSchema = z.array(
  z.strictObject({
    name: z.string().regex(/^\{[a-z0-9_]+\}$/),
    description: z.string().min(10),
    group: z.string().min(1),
    pixelTypes: z.array(pixelType),
    confirmed: z.boolean(),
    role: z.enum(['click', 'standard', 'restricted', 'unverified']),
  }),
);
const presetSchema = z.array(
  z.strictObject({
    id: z.enum(Object.keys(RECEIVERS) as [string, ...string[]]),
    tracker: z.string().min(1),
    template: z.string().startsWith('https://'),
    placeholders: z.array(z.string()),
    click_param: z.string().min(1),
    tracker_side_offer_suffix: z.string().nullable(),
    notes: z.string(),
    source: z.string(),
    uncertain: z.boolean(),
  }),
);

describe('macro catalogue data', () => {
  it('matches the schema and has unique names', () => {
    const rows = macroSchema.parse(macroData);
    expect(new Set(rows.map((m) => m.name)).size).toBe(rows.length);
  });

  it('marks as unconfirmed exactly the entries whose description says so', () => {
    for (const m of MACROS) expect(m.confirmed).toBe(!m.description.startsWith('UNCONFIRMED'));
  });

  it('holds the spec registry: click carriers, recognised and context-restricted macros', () => {
    const slots = (p: string) => Array.from({ length: 10 }, (_, n) => `${p}${n + 1}`);
    expect(CLICK_MACROS.map((m) => m.name).sort()).toEqual(
      ['transaction_id', ...slots('sub'), 'source_id'].sort(),
    );
    const recognised = [
      'payout_amount',
      'sale_amount',
      'event_id',
      'event_name',
      'offer_id',
      'offer_currency',
      'affiliate_id',
      'advertiser_id',
      'conversion_id',
      'order_id',
      'coupon_code',
      ...slots('adv'),
    ];
    expect(
      REGISTRY.filter((m) => m.role === 'standard')
        .map((m) => m.name)
        .sort(),
    ).toEqual(recognised.sort());
    expect(
      REGISTRY.filter((m) => m.role === 'restricted')
        .map((m) => m.name)
        .sort(),
    ).toEqual(['adv_event_id', 'impression_tracking_id', 'unique_click'].sort());
  });

  it('knows which pixel types fill a macro', () => {
    expect(isFilledFor(getMacro('event_name')!, 'conversion')).toBe(false);
    expect(isFilledFor(getMacro('event_name')!, 'post_conversion')).toBe(true);
    expect(isFilledFor(getMacro('sale_amount')!, 'cpc')).toBe(false);
    expect(getMacro('sub10')).toMatchObject({ token: '{sub10}', group: 'partner_sub_ids', role: 'click' });
  });
});

describe('tracker presets data', () => {
  it('matches the schema, one preset per id', () => {
    const rows = presetSchema.parse(presetData);
    expect(new Set(rows.map((p) => p.id)).size).toBe(rows.length);
  });

  it('puts the click parameter in every template with a sub slot', () => {
    for (const p of TRACKER_PRESETS) {
      expect(p.template).toMatch(new RegExp(`[?&]${p.click_param}=\\{sub\\d+\\}`));
      expect(RECEIVERS[p.id].clickKey).toBe(p.click_param);
    }
  });
});

describe('tracker preset notes are written for users (walk defect 8)', () => {
  it('carry no notes about where the research came from', () => {
    for (const p of presetData as { id: string; notes: string }[]) {
      expect(p.notes, p.id).not.toMatch(
        /seen in real|stored (docs|page|article)|general knowledge|the user's/i,
      );
    }
  });
});
