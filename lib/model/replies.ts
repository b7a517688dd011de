import type { OfferView } from './offer';
import type { PixelView } from './pixel';
import type { Template } from './template';

/** The background's version and how many profiles it holds. */
export interface StatusReply {
  version: string;
  profileCount: number;
}

/** A profile as the popup needs it for its first paint. */
export interface PopupProfile {
  id: string;
  name: string;
  role: 'affiliate' | 'network';
  portalDomains: string[];
  isDefault: boolean;
  /** Whether the API host is Everflow's (US or EU) or one the user typed: the advice on failures differs. */
  apiHost: 'everflow' | 'custom';
}

/** Everything the popup paints first, in one message, checked by zod in the background so the popup ships no zod. */
export interface PopupStartReply {
  profiles: PopupProfile[];
  templates: Template[];
  defaultTemplateIds: Record<string, string>;
  /** The template preselected for profiles with no default of their own. */
  defaultTemplateId?: string;
  /** The profile for the tab: picked there before, else the one claiming its host, else the default one. */
  profileId?: string;
  /** The offer in the tab's URL, when the tab is a portal page of a profile. */
  offer?: { id: number; view?: OfferView };
  /** The cached postbacks for that profile and offer (all of them when there is no offer), or null. */
  rows: PixelView[] | null;
  /**
   * True when this list was cached once and evicted to make room for others (nothing is lost: the popup loads it
   * from Everflow, and says so).
   */
  evicted?: boolean;
  /**
   * Set when `rows` holds only the first rows of a long list, in the list's order (enough for the first
   * screen): the list has this many, and the popup reads all of them (`pixels.cached`) right after it painted,
   * so opening it costs the same at 10 000 rows as at 200.
   */
  rowsTotal?: number;
  /** When those cached rows were read from Everflow (epoch ms). */
  rowsFetchedAt?: number;
  /**
   * "Which profile is this portal for?": the tab looks like an offer page on a host no profile names (or an
   * Everflow portal the default profile was only guessed for). The ids of the profiles to offer.
   */
  question?: { host: string; offerId: number; candidates: string[]; guessed: boolean };
}
