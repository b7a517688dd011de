import presetData from './data/tracker-templates.json';

/** Receivers the checker knows: trackers, ad platforms and other networks a postback can go to. */
export type ReceiverId =
  | 'voluum'
  | 'redtrack'
  | 'bemob'
  | 'peerclick'
  | 'taboola'
  | 'tune'
  | 'clickflare'
  | 'binom'
  | 'binom2'
  | 'funnelflux'
  | 'keitaro'
  | 'cpvlab'
  | 'maxconv'
  | 'affise'
  | 'cake'
  | 'everflow';

/** What a receiver needs from a postback. */
export interface Receiver {
  id: ReceiverId;
  /** Display name, e.g. "Voluum". */
  name: string;
  /** The parameter that must carry the click id (the first required key). */
  clickKey: string;
  /** Keys the receiver rejects the postback without. */
  required: readonly string[];
}

/** A detected receiver and how it was found. */
export interface ReceiverMatch extends Receiver {
  /** `signature`: host or path matched; `hint`: the caller said so (a saved template knows its tracker). */
  via: 'signature' | 'hint';
}

/** A tracker preset (data: `data/tracker-templates.json`). */
export interface TrackerPreset {
  id: ReceiverId;
  tracker: string;
  /** URL with `<PLACEHOLDER>` variables and `{sub1}` in the click parameter. */
  template: string;
  /** Prose descriptions of what to fill in. */
  placeholders: string[];
  click_param: string;
  /** What to append to the offer URL in the tracker so that Everflow receives the click id. */
  tracker_side_offer_suffix: string | null;
  notes: string;
  source: string;
  /** True when the format comes from a secondary source and should be confirmed by the user. */
  uncertain: boolean;
}

/** All tracker presets, in data order. */
export const TRACKER_PRESETS: readonly TrackerPreset[] = presetData as TrackerPreset[];

const r = (id: ReceiverId, name: string, ...required: string[]): Receiver => ({
  id,
  name,
  clickKey: required[0]!,
  required,
});

/** Every receiver by id. ClickFlare's entry is its current /cf/cv form; /cf/postback takes `cid`. */
export const RECEIVERS: Readonly<Record<ReceiverId, Receiver>> = {
  voluum: r('voluum', 'Voluum', 'cid'),
  redtrack: r('redtrack', 'RedTrack', 'clickid'),
  bemob: r('bemob', 'BeMob', 'cid'),
  peerclick: r('peerclick', 'PeerClick', 'cid'),
  taboola: r('taboola', 'Taboola', 'click-id', 'name'),
  tune: r('tune', 'TUNE', 'transaction_id'),
  clickflare: r('clickflare', 'ClickFlare', 'click_id'),
  binom: r('binom', 'Binom', 'cnv_id'),
  binom2: r('binom2', 'Binom 2', 'clickid'),
  funnelflux: r('funnelflux', 'FunnelFlux', 'hit'),
  keitaro: r('keitaro', 'Keitaro', 'subid'),
  cpvlab: r('cpvlab', 'CPV Lab', 'subid'),
  maxconv: r('maxconv', 'MaxConv', 'clid'),
  affise: r('affise', 'Affise', 'clickid'),
  cake: r('cake', 'CAKE', 'r'),
  everflow: r('everflow', 'The receiving Everflow network', 'transaction_id'),
};

const CLICKFLARE_LEGACY = r('clickflare', 'ClickFlare', 'cid');
// Keitaro's postback key is a random alphanumeric token; demanding a digit and 5+ characters keeps
// ordinary paths such as /api/postback or /v1/postback from being taken for Keitaro.
const KEITARO_PATH = /^\/(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{5,}\/postback\/?$/;

/**
 * Recognise a receiver by the spec's signatures (first match wins, in the spec's table order).
 * `host` is lower-case without a trailing dot; `path` is the raw path; `keys` are the query keys.
 */
export function detectReceiver(host: string, path: string, keys: ReadonlySet<string>): Receiver | undefined {
  if (host.endsWith('.voluumtrk.com')) return RECEIVERS.voluum;
  if (host.endsWith('.rdtk.io')) return RECEIVERS.redtrack;
  if (host.endsWith('.bemobtrk.com') || host.endsWith('.bemobtrcks.com')) return RECEIVERS.bemob;
  if (host === 'pstb.peerclick.com') return RECEIVERS.peerclick;
  if (host === 'trc.taboola.com' && path.includes('/s2s-action')) return RECEIVERS.taboola;
  if (host.endsWith('.go2cloud.org') && path.endsWith('/aff_lsr')) return RECEIVERS.tune;
  if (path.endsWith('/cf/cv')) return RECEIVERS.clickflare;
  if (path.endsWith('/cf/postback')) return CLICKFLARE_LEGACY;
  if (path.endsWith('/click.php') && (keys.has('cnv_id') || keys.has('payout'))) return RECEIVERS.binom;
  if (path === '/pb/' && (keys.has('hit') || keys.has('rev') || keys.has('tx'))) return RECEIVERS.funnelflux;
  if (KEITARO_PATH.test(path)) return RECEIVERS.keitaro;
  if (path.endsWith('/adclick.php') || path.endsWith('/adclick')) return RECEIVERS.cpvlab;
  if (keys.has('nid')) return RECEIVERS.everflow;
  return undefined;
}

/** The receiver for a caller's hint; ClickFlare's click key follows the path form. */
export function receiverFromHint(id: ReceiverId, path: string): Receiver {
  return id === 'clickflare' && path.endsWith('/cf/postback') ? CLICKFLARE_LEGACY : RECEIVERS[id];
}

/** A template's `tracker` as a receiver id for the checker (undefined for "custom" or an unknown id). */
export function receiverHint(tracker: string | undefined): ReceiverId | undefined {
  return tracker !== undefined && Object.hasOwn(RECEIVERS, tracker) ? (tracker as ReceiverId) : undefined;
}

/** The preset for a receiver id, if there is one. */
export function getPreset(id: ReceiverId): TrackerPreset | undefined {
  return TRACKER_PRESETS.find((p) => p.id === id);
}
