import { CLICK_MACROS } from '../../lib/postback/macros';
import { templateVariables } from '../../lib/postback/template';
import type { TrackerPreset } from '../../lib/postback/trackers';

/** One `<PLACEHOLDER>` of a preset, with the preset's own words about it. */
export interface PresetVariable {
  /** The name inside the angle brackets, e.g. `VOLUUM_TRACKING_DOMAIN`. */
  name: string;
  /** "Voluum tracking domain" */
  label: string;
  /** What the preset says about it, e.g. "e.g. abcde.voluumtrk.com or your CNAME". */
  hint?: string;
}

function labelOf(name: string): string {
  const words = name.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The variables a preset asks for, in the order they appear in its URL. */
export function presetVariables(preset: TrackerPreset): PresetVariable[] {
  return templateVariables(preset.template).map((name) => {
    const described = preset.placeholders.find((p) => p.startsWith(`<${name}>`));
    const hint = described
      ?.slice(name.length + 2)
      .trim()
      .replace(/^\((.*)\)$/, '$1');
    return { name, label: labelOf(name), ...(hint ? { hint } : {}) };
  });
}

/** The sub slots a click id can travel in (`sub1`…`sub10`). */
export const SUB_SLOTS: readonly string[] = CLICK_MACROS.map((m) => m.name).filter((n) => /^sub\d+$/.test(n));

/** The sub slot the preset's URL uses for the click id (`sub1` unless the preset says otherwise). */
export function defaultSlot(preset: TrackerPreset): string {
  const m = preset.template.match(new RegExp(`[?&]${preset.click_param}=\\{(sub\\d+)\\}`));
  return m?.[1] ?? 'sub1';
}

/**
 * What to add to the tracking link so Everflow stores the tracker's click id in the chosen slot, e.g.
 * `sub3={clickid}`; undefined when the preset does not say (the user passes the click id their own way).
 */
export function trackingLinkSuffix(preset: TrackerPreset, slot: string): string | undefined {
  return preset.tracker_side_offer_suffix?.replace(/^sub\d+(?==)/, slot);
}
