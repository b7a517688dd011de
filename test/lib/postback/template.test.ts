// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderPreset, renderTemplate, templateVariables } from '../../../lib/postback/template';
import { getPreset, TRACKER_PRESETS } from '../../../lib/postback/trackers';

/** Realistic values for every placeholder the presets use. */
const VALUES: Record<string, string> = {
  VOLUUM_TRACKING_DOMAIN: 'abcde.voluumtrk.com',
  REDTRACK_TRACKING_DOMAIN: 'abcde.rdtk.io',
  BINOM_DOMAIN: 'trk.mybinom.com',
  KEITARO_DOMAIN: 'keitaro.example.com',
  POSTBACK_KEY: 'a1b2c3d',
  BEMOB_TRACKING_DOMAIN: 'abcde.bemobtrk.com',
  CLICKFLARE_DOMAIN: 'cf.example.com',
  FUNNELFLUX_DOMAIN: 'ff.example.com',
  CPVLAB_DOMAIN: 'cpv.example.com',
  PEERCLICK_USER_ID: '12345',
  MAXCONV_DOMAIN: 'mc.example.com',
  TABOOLA_EVENT_NAME: 'Purchase',
  PARTNER_TRACKING_DOMAIN: 'www.partner-trk.com',
  PARTNER_NID: '1234',
  NETWORK_ID: 'acme',
  THEIR_OFFER_ID: '77',
  AFFISE_POSTBACK_DOMAIN: 'offers-acme.affise.com',
  CAKE_TRACKING_DOMAIN: 'cake.example.com',
  EVENT_ID: '3',
};

describe('tracker presets', () => {
  it.each(TRACKER_PRESETS.map((p) => [p.tracker, p] as const))(
    '%s passes the checker once filled',
    (_name, preset) => {
      const vars = templateVariables(preset.template);
      expect(vars.every((v) => v in VALUES)).toBe(true);
      const r = renderPreset(preset, { values: VALUES });
      expect(r.unfilled).toEqual([]);
      expect(r.url).not.toMatch(/[<>]/);
      expect({ errors: r.check.errors, warnings: r.check.warnings, info: r.check.info }).toEqual({
        errors: [],
        warnings: [],
        info: [],
      });
      expect(r.check.receiver?.id).toBe(preset.id);
    },
  );

  it.each(TRACKER_PRESETS.map((p) => [p.tracker, p] as const))(
    '%s takes the click id from the chosen slot',
    (_name, preset) => {
      const r = renderPreset(preset, { values: VALUES, clickSlot: 'sub7' });
      expect(r.clickSlotApplied).toBe(true);
      expect(r.url).toContain(`${preset.click_param}={sub7}`);
      expect(r.check.valid).toBe(true);
    },
  );

  it('reports unfilled placeholders, and the checker flags them', () => {
    const r = renderPreset(getPreset('voluum')!, { values: { VOLUUM_TRACKING_DOMAIN: '  ' } });
    expect(r.unfilled).toEqual(['VOLUUM_TRACKING_DOMAIN']);
    expect(r.check.errors.map((f) => f.rule)).toEqual(['host.invalid_label']);
    const taboola = renderPreset(getPreset('taboola')!, {});
    expect(taboola.unfilled).toEqual(['TABOOLA_EVENT_NAME']);
    expect(taboola.check.errors.map((f) => f.rule)).toEqual(['value.template_placeholder']);
  });
});

describe('renderTemplate', () => {
  it('lists variables in order of first appearance', () => {
    expect(templateVariables('https://<A>/<B>/x?k=<A>&c=<C_1>')).toEqual(['A', 'B', 'C_1']);
  });

  it('takes a bare host even when a URL is pasted into a domain variable', () => {
    const r = renderPreset(getPreset('voluum')!, {
      values: { VOLUUM_TRACKING_DOMAIN: 'https://abcde.voluumtrk.com/' },
    });
    expect(r.url).toBe(
      'https://abcde.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}&txid={transaction_id}',
    );
  });

  it('percent-encodes query values once', () => {
    const preset = getPreset('taboola')!;
    expect(renderPreset(preset, { values: { TABOOLA_EVENT_NAME: 'Lead & Sale' } }).url).toContain(
      'name=Lead%20%26%20Sale&',
    );
    expect(renderPreset(preset, { values: { TABOOLA_EVENT_NAME: 'Lead%20Sale' } }).url).toContain(
      'name=Lead%20Sale&',
    );
  });

  it('runs tracker rules for a saved template on a custom domain', () => {
    const r = renderTemplate('https://<DOMAIN>/postback?cid={sub1}&payout={payout_amount}', {
      values: { DOMAIN: 'trk.mydomain.com' },
      tracker: 'voluum',
      clickSlot: '{sub4}',
    });
    expect(r.url).toBe('https://trk.mydomain.com/postback?cid={sub4}&payout={payout_amount}');
    expect(r.check.receiver).toMatchObject({ id: 'voluum', via: 'hint' });
    const wrongKey = renderTemplate('https://trk.mydomain.com/postback?clickid={sub1}', {
      tracker: 'voluum',
    });
    expect(wrongKey.check.errors.map((f) => f.rule)).toEqual(['tracker.required_param_missing']);
  });

  it('says when the click slot could not be applied', () => {
    const r = renderTemplate('https://trk.example.com/pb?tid={transaction_id}', {
      clickSlot: 'sub2',
      clickParam: 'cid',
    });
    expect(r.clickSlotApplied).toBe(false);
    expect(r.url).toBe('https://trk.example.com/pb?tid={transaction_id}');
  });

  it('passes the pixel type to the checker', () => {
    const r = renderTemplate('https://trk.example.com/pb?cid={sub1}&e={event_name}', {
      pixelType: 'conversion',
    });
    expect(r.check.warnings.map((f) => f.rule)).toEqual(['macro.not_for_pixel_type']);
  });
});
