import macroData from './data/macros.json';

/** The kinds of postback Everflow fires (API `pixel_type`). `post_conversion` is the affiliate API's word for `event`. */
export type PixelType = 'conversion' | 'event' | 'cpc';

/** How the checker treats a macro of the catalogue. */
export type MacroRole =
  /** Carries a click identifier back to the receiver: `{transaction_id}`, `{sub1}`–`{sub10}`, `{source_id}`. */
  | 'click'
  /** Recognised by Everflow and filled in partner postbacks. */
  | 'standard'
  /** Recognised but never filled in partner postbacks (advertiser postbacks or landing pages only). */
  | 'restricted'
  /** Seen in Everflow material but not verified as filled for partners: the checker warns it may go out literally. */
  | 'unverified';

/** One entry of the macro catalogue (data: `data/macros.json`). */
export interface MacroInfo {
  /** The macro as typed in a URL, with braces: `{sub1}`. */
  token: string;
  /** The name without braces: `sub1`. */
  name: string;
  description: string;
  /** Picker grouping, e.g. `partner_sub_ids`, `financial`. */
  group: string;
  /** The pixel types Everflow fills this macro for (empty for restricted macros). */
  pixelTypes: readonly PixelType[];
  /** False when Everflow's help pages do not confirm the macro (its description starts with UNCONFIRMED). */
  confirmed: boolean;
  role: MacroRole;
}

/** The shape of one row of `data/macros.json` (validated by a zod test, not at runtime). */
export interface MacroRecord {
  name: string;
  description: string;
  group: string;
  pixelTypes: PixelType[];
  confirmed: boolean;
  role: MacroRole;
}

const records = macroData as MacroRecord[];

/** The whole catalogue, in data order (the order a macro picker shows). */
export const MACROS: readonly MacroInfo[] = records.map((r) => ({
  token: r.name,
  name: r.name.slice(1, -1),
  description: r.description,
  group: r.group,
  pixelTypes: r.pixelTypes,
  confirmed: r.confirmed,
  role: r.role,
}));

const byName = new Map<string, MacroInfo>(MACROS.map((m) => [m.name, m]));

/** Look a macro up by its exact (case-sensitive) name without braces. */
export function getMacro(name: string): MacroInfo | undefined {
  return byName.get(name);
}

/**
 * The checker's registry: every catalogue macro Everflow substitutes (all roles but `unverified`).
 * Names are lower-case, so a lower-cased lookup answers "is this a registry name ignoring case".
 */
export const REGISTRY: readonly MacroInfo[] = MACROS.filter((m) => m.role !== 'unverified');

const registryByName = new Map<string, MacroInfo>(REGISTRY.map((m) => [m.name, m]));

/** The registry macro with this exact name, if any. */
export function registryMacro(name: string): MacroInfo | undefined {
  return registryByName.get(name);
}

/** Macros that carry a click id, e.g. for a "which sub slot holds the click id" picker. */
export const CLICK_MACROS: readonly MacroInfo[] = REGISTRY.filter((m) => m.role === 'click');

/** Normalise a pixel type from the API (`post_conversion` means `event`). */
export function normalisePixelType(type: PixelType | 'post_conversion'): PixelType {
  return type === 'post_conversion' ? 'event' : type;
}

/** Whether Everflow fills `macro` in a postback of this type. */
export function isFilledFor(macro: MacroInfo, type: PixelType | 'post_conversion'): boolean {
  return macro.pixelTypes.includes(normalisePixelType(type));
}
