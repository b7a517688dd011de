/**
 * How each tracker tells events apart (issue 17.2): the query parameter that carries the conversion type or event,
 * and whether it wants the event's name or a number of the tracker's own. Used to render one postback per event
 * from one template, and (issue 15.4) to warn when an event postback to such a tracker lacks the parameter. Pure.
 */
import { encodeQueryValue } from './encode';
import { parseParams } from './parse';
import { detectReceiver, RECEIVERS, type ReceiverId } from './trackers';

/** A tracker's event parameter. */
export interface TrackerEventParam {
  /** The query parameter, e.g. `et` for Voluum. */
  param: string;
  /**
   * `name`: the event's name as set up in the tracker (Everflow's `{event_name}` fits when the names match);
   * `number`: an id or number of the tracker's own, which only the user knows.
   */
  value: 'name' | 'number';
  /**
   * Without it the tracker records an event postback as a plain conversion, so the event is lost or counted
   * twice: event postbacks are warned when it is missing.
   */
  neededForEvents: boolean;
  /** False when the parameter comes from secondary sources; the UI should say "check in your tracker". */
  confirmed: boolean;
  /** One line for the user. */
  note: string;
}

const p = (
  param: string,
  value: TrackerEventParam['value'],
  neededForEvents: boolean,
  confirmed: boolean,
  note: string,
): TrackerEventParam => ({ param, value, neededForEvents, confirmed, note });

/**
 * The event parameter of each receiver, where one is known. Receivers left out (BeMob, PeerClick, FunnelFlux,
 * CPV Lab) count events in ways the stored sources do not pin down (numbered slots, statuses set up per campaign).
 */
export const TRACKER_EVENT_PARAMS: Readonly<Partial<Record<ReceiverId, TrackerEventParam>>> = {
  voluum: p('et', 'name', true, true, 'Voluum: et= names the custom conversion type set up in Voluum.'),
  redtrack: p('type', 'name', true, false, 'RedTrack: type= names the conversion type set up in RedTrack.'),
  binom: p(
    'cnv_status',
    'name',
    true,
    true,
    'Binom: cnv_status= takes any text and tells conversions apart.',
  ),
  binom2: p('cnv_status', 'name', true, false, 'Binom 2: check the status parameter in your Binom panel.'),
  clickflare: p(
    'ct',
    'name',
    true,
    false,
    'ClickFlare: ct= names the custom conversion set up in ClickFlare.',
  ),
  keitaro: p(
    'status',
    'name',
    false,
    true,
    'Keitaro: status= is lead, sale, rejected or rebill, or a custom value mapped in Keitaro.',
  ),
  maxconv: p(
    'event',
    'name',
    true,
    false,
    'MaxConv: event= names the event; its template leaves it {OPTIONAL}.',
  ),
  taboola: p(
    'name',
    'name',
    true,
    true,
    'Taboola: name= is the conversion event name and is always required.',
  ),
  tune: p('goal_id', 'number', true, false, 'TUNE: goal_id= is the goal id in the receiving network.'),
  affise: p('goal', 'number', true, false, 'Affise: goal= is the goal value set up on the offer in Affise.'),
  cake: p('e', 'number', true, false, 'CAKE: e= is the event id in the receiving CAKE network.'),
  everflow: p(
    'event_id',
    'number',
    true,
    true,
    'Everflow: event_id= is the advertiser event id of the receiving network.',
  ),
};

/** The receiver's event parameter, if known. */
export function trackerEventParam(id: ReceiverId | undefined): TrackerEventParam | undefined {
  return id ? TRACKER_EVENT_PARAMS[id] : undefined;
}

/** An event to render a postback for. */
export interface EventTarget {
  /** The event's name, e.g. "FTD". */
  name: string;
  /** What to send instead of the name (required in effect for trackers that want a number). */
  value?: string;
}

/** The outcome of renderForEvent. */
export interface EventRender {
  url: string;
  param: string;
  /** `added`: the parameter was appended; `filled`: an existing one got the value; `kept`: nothing to put in. */
  change: 'added' | 'filled' | 'kept';
  /** The tracker wants a number and none was given: the URL carries a `<EVENT_NUMBER>` placeholder to fill. */
  needsValue: boolean;
}

// Everflow macros stay as written ({event_name} must reach Everflow as a macro); the rest is percent-encoded.
function encodeValue(value: string): string {
  return value
    .split(/(\{[a-z0-9_]+\})/)
    .map((part, n) => (n % 2 ? part : encodeQueryValue(part, true)))
    .join('');
}

interface Query {
  q: number;
  end: number;
}

function queryOf(url: string): Query {
  const hash = url.indexOf('#');
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf('?');
  return { q: q !== -1 && q < end ? q : -1, end };
}

/**
 * A template URL (placeholders allowed) rendered for one event: the tracker's event parameter gets the event's
 * name (or `event.value`), replacing what it held, or is added when missing. For a tracker that wants a number
 * and no value, an existing value is kept and an added parameter gets `<EVENT_NUMBER>` to fill in.
 * Undefined when the tracker's event parameter is not known.
 */
export function renderForEvent(
  url: string,
  tracker: ReceiverId,
  event: EventTarget,
): EventRender | undefined {
  const ep = TRACKER_EVENT_PARAMS[tracker];
  if (!ep) return undefined;
  const given = event.value ?? (ep.value === 'name' ? event.name : undefined);
  const encoded = given === undefined ? undefined : encodeValue(given);
  const { q, end } = queryOf(url);
  const existing = q === -1 ? undefined : parseParams(url, q + 1, end).find((x) => x.name === ep.param);
  if (existing) {
    if (encoded === undefined)
      return {
        url,
        param: ep.param,
        change: 'kept',
        needsValue: !existing.value || /^<[A-Za-z0-9_]+>$/.test(existing.value),
      };
    const from = existing.valueStart === -1 ? existing.end : existing.valueStart;
    const text = existing.valueStart === -1 ? `=${encoded}` : encoded;
    return {
      url: url.slice(0, from) + text + url.slice(existing.end),
      param: ep.param,
      change: 'filled',
      needsValue: false,
    };
  }
  const value = encoded ?? '<EVENT_NUMBER>';
  const sep = q === -1 ? '?' : url[end - 1] === '?' || url[end - 1] === '&' ? '' : '&';
  return {
    url: `${url.slice(0, end)}${sep}${ep.param}=${value}${url.slice(end)}`,
    param: ep.param,
    change: 'added',
    needsValue: encoded === undefined,
  };
}

/** What eventParamMissing reports. */
export interface EventParamWarning {
  /** The tracker's event parameter. */
  param: string;
  tracker: ReceiverId;
  message: string;
  /** Where the parameter would go in the URL (end of the query, before any `#`). */
  at: number;
  /** For trackers that take a name: the URL with `param={event_name}` added (Everflow fills the event's name). */
  fixed?: string;
}

/**
 * The 15.4 check: an event postback (`pixelType` event / post_conversion) to a tracker that needs an event
 * parameter, without it (or with it empty). The tracker is recognised from the URL like the checker does, else
 * taken from the hint (a saved template's tracker). Null when there is nothing to say.
 */
export function eventParamMissing(
  url: string,
  options: { tracker?: ReceiverId | undefined; pixelType?: string | undefined },
): EventParamWarning | null {
  if (options.pixelType !== 'event' && options.pixelType !== 'post_conversion') return null;
  const s = url.trim();
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(s);
  if (!m) return null;
  const { q, end } = queryOf(s);
  const params = q === -1 ? [] : parseParams(s, q + 1, end);
  const host = m[1]!.replace(/^.*@/, '').replace(/:\d*$/, '').toLowerCase().replace(/\.$/, '');
  const tracker = detectReceiver(host, m[2]!, new Set(params.map((x) => x.name)))?.id ?? options.tracker;
  const ep = trackerEventParam(tracker);
  if (!tracker || !ep?.neededForEvents) return null;
  const present = params.find((x) => x.name === ep.param);
  if (present?.value) return null;
  const what = ep.value === 'name' ? 'the event name' : "the tracker's number for the event";
  const message = `${RECEIVERS[tracker].name} counts an event postback without ${ep.param}= as a plain conversion; add ${ep.param}= with ${what}.`;
  const warning: EventParamWarning = { param: ep.param, tracker, message, at: url.indexOf(s) + end };
  if (ep.value === 'name')
    warning.fixed = renderForEvent(s, tracker, { name: '', value: '{event_name}' })!.url;
  return warning;
}
