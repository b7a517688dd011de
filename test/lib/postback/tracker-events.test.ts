import { describe, expect, it } from 'vitest';
import { checkPostbackUrl } from '../../../lib/postback/check';
import {
  eventParamMissing,
  renderForEvent,
  TRACKER_EVENT_PARAMS,
  trackerEventParam,
} from '../../../lib/postback/tracker-events';
import { getPreset, type ReceiverId, TRACKER_PRESETS } from '../../../lib/postback/trackers';

const VOLUUM = 'https://abc.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}';

describe('TRACKER_EVENT_PARAMS', () => {
  it('knows the documented parameters and what they want', () => {
    expect(trackerEventParam('voluum')).toMatchObject({ param: 'et', value: 'name', neededForEvents: true });
    expect(trackerEventParam('redtrack')).toMatchObject({ param: 'type', value: 'name' });
    expect(trackerEventParam('binom')).toMatchObject({ param: 'cnv_status', value: 'name' });
    expect(trackerEventParam('everflow')).toMatchObject({ param: 'event_id', value: 'number' });
    expect(trackerEventParam('bemob')).toBeUndefined();
    expect(trackerEventParam(undefined)).toBeUndefined();
  });

  it('only names receivers that have a preset, and never their click parameter', () => {
    for (const [id, ep] of Object.entries(TRACKER_EVENT_PARAMS)) {
      const preset = getPreset(id as ReceiverId);
      expect(preset, id).toBeDefined();
      expect(ep!.param).not.toBe(preset!.click_param);
    }
  });
});

describe('renderForEvent', () => {
  it('adds the event parameter with the event name, encoded', () => {
    expect(renderForEvent(VOLUUM, 'voluum', { name: 'First Deposit' })).toEqual({
      url: `${VOLUUM}&et=First%20Deposit`,
      param: 'et',
      change: 'added',
      needsValue: false,
    });
  });

  it('fills a parameter that is already there, and keeps a macro as a macro', () => {
    const keitaro = getPreset('keitaro')!.template;
    const r = renderForEvent(keitaro, 'keitaro', { name: 'deposit' })!;
    expect(r.change).toBe('filled');
    expect(r.url).toContain('status=deposit&');
    expect(r.url).not.toContain('status=sale');
    expect(renderForEvent(`${VOLUUM}&et=`, 'voluum', { name: 'x', value: '{event_name}' })?.url).toBe(
      `${VOLUUM}&et={event_name}`,
    );
    expect(renderForEvent(`${VOLUUM}&et`, 'voluum', { name: 'FTD' })?.url).toBe(`${VOLUUM}&et=FTD`);
  });

  it('puts the parameter before a fragment, and starts a query when there is none', () => {
    expect(renderForEvent('https://t.example.com/pb#x', 'redtrack', { name: 'Lead' })?.url).toBe(
      'https://t.example.com/pb?type=Lead#x',
    );
    expect(renderForEvent('https://t.example.com/pb?', 'redtrack', { name: 'Lead' })?.url).toBe(
      'https://t.example.com/pb?type=Lead',
    );
  });

  it('asks for a number where the tracker wants its own id, and uses one when given', () => {
    const cake = getPreset('cake')!.template;
    expect(renderForEvent(cake, 'cake', { name: 'Deposit' })).toMatchObject({
      change: 'kept',
      needsValue: true,
    });
    expect(renderForEvent(cake, 'cake', { name: 'Deposit', value: '12' })?.url).toContain('&e=12&');
    const ef = 'https://partner.example.com/?nid=5&transaction_id={sub1}';
    expect(renderForEvent(ef, 'everflow', { name: 'Deposit' })).toEqual({
      url: `${ef}&event_id=<EVENT_NUMBER>`,
      param: 'event_id',
      change: 'added',
      needsValue: true,
    });
  });

  it('gives nothing for a tracker whose event parameter is not known', () => {
    expect(renderForEvent(VOLUUM, 'bemob', { name: 'FTD' })).toBeUndefined();
  });

  it.each(TRACKER_PRESETS.filter((p) => TRACKER_EVENT_PARAMS[p.id]).map((p) => [p.id, p] as const))(
    '%s: the preset renders with exactly one event parameter',
    (id, preset) => {
      const r = renderForEvent(preset.template, id, { name: 'FTD', value: '7' })!;
      const param = TRACKER_EVENT_PARAMS[id]!.param;
      expect(r.url.match(new RegExp(`[?&]${param}=`, 'g'))).toHaveLength(1);
      expect(r.url).toContain(`${param}=7`);
    },
  );
});

describe('eventParamMissing', () => {
  it('warns about an event postback to a tracker that needs the parameter, with a fix that passes the checker', () => {
    const w = eventParamMissing(VOLUUM, { pixelType: 'event' })!;
    expect(w).toMatchObject({ param: 'et', tracker: 'voluum', at: VOLUUM.length });
    expect(w.message).toContain('Voluum');
    expect(w.fixed).toBe(`${VOLUUM}&et={event_name}`);
    expect(checkPostbackUrl(w.fixed!, { pixelType: 'event' }).valid).toBe(true);
  });

  it('uses the tracker hint on a custom domain, and the post_conversion spelling', () => {
    const custom = 'https://track.mydomain.test/postback?clickid={sub1}';
    expect(eventParamMissing(custom, { pixelType: 'post_conversion', tracker: 'redtrack' })?.param).toBe(
      'type',
    );
    expect(eventParamMissing(custom, { pixelType: 'event' })).toBeNull();
  });

  it('warns about an empty parameter, not about one with a value', () => {
    expect(eventParamMissing(`${VOLUUM}&et=`, { pixelType: 'event' })?.param).toBe('et');
    expect(eventParamMissing(`${VOLUUM}&et=FTD`, { pixelType: 'event' })).toBeNull();
    expect(eventParamMissing(`${VOLUUM}&et={event_name}`, { pixelType: 'event' })).toBeNull();
  });

  it('stays silent for conversions, trackers that do not need it, and text that is not a URL', () => {
    expect(eventParamMissing(VOLUUM, { pixelType: 'conversion' })).toBeNull();
    expect(eventParamMissing(VOLUUM, {})).toBeNull();
    expect(
      eventParamMissing(getPreset('keitaro')!.template, { pixelType: 'event', tracker: 'keitaro' }),
    ).toBeNull();
    expect(eventParamMissing('not a url', { pixelType: 'event', tracker: 'voluum' })).toBeNull();
  });

  it('has no one-click fix where the tracker wants its own number', () => {
    const w = eventParamMissing('https://partner.example.com/?nid=5&transaction_id={sub1}', {
      pixelType: 'event',
    });
    expect(w).toMatchObject({ param: 'event_id', tracker: 'everflow' });
    expect(w?.fixed).toBeUndefined();
  });
});
