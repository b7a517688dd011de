/**
 * Rendering tracker presets and saved templates: fill `<PLACEHOLDER>` variables, put the click id in the
 * chosen sub slot, report what is still unfilled, and check the result.
 */
import { type CheckResult, checkPostbackUrl } from './check';
import { encodeQueryValue } from './encode';
import type { PixelType } from './macros';
import { parseParams } from './parse';
import { RECEIVERS, type ReceiverId, type TrackerPreset } from './trackers';

const PLACEHOLDER = /<([A-Za-z][A-Za-z0-9_]*)>/g;

/** Options for renderTemplate. */
export interface RenderOptions {
  /** Values by placeholder name without angle brackets, e.g. `{ VOLUUM_TRACKING_DOMAIN: 'abc.voluumtrk.com' }`. */
  values?: Readonly<Record<string, string>>;
  /** The macro that carries the click id, with or without braces (`sub3`, `{sub3}`); replaces the click parameter's macro. */
  clickSlot?: string;
  /** The parameter that carries the click id (default: the tracker's click key). */
  clickParam?: string;
  /** The receiver the template is for; passed to the checker so its rules run on custom domains. */
  tracker?: ReceiverId;
  /** Passed to the checker. */
  pixelType?: PixelType | 'post_conversion';
}

/** The outcome of rendering a template. */
export interface RenderResult {
  /** The rendered URL. */
  url: string;
  /** Placeholder names left unfilled, in order of first appearance (each once). */
  unfilled: string[];
  /** False when a clickSlot was asked for but the click parameter holds no single macro to replace. */
  clickSlotApplied: boolean;
  /** The checker's verdict on `url`. */
  check: CheckResult;
}

/** The placeholder names of a template, in order of first appearance. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/** A host placeholder gets a bare host even when the user pastes "https://host/". */
function hostValue(value: string): string {
  return value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
}

function fill(template: string, values: Readonly<Record<string, string>>, unfilled: string[]): string {
  const query = template.indexOf('?');
  return template.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    const raw = values[name]?.trim();
    if (!raw) {
      if (!unfilled.includes(name)) unfilled.push(name);
      return whole;
    }
    if (query !== -1 && offset > query) return encodeQueryValue(raw, true);
    return template.slice(offset - 3, offset) === '://' ? hostValue(raw) : raw;
  });
}

function applyClickSlot(url: string, param: string, slot: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  const end = url.indexOf('#', q) === -1 ? url.length : url.indexOf('#', q);
  const p = parseParams(url, q + 1, end).find((x) => x.name === param);
  if (!p || p.value === null || !/^\{[a-z0-9_]+\}$/.test(p.value)) return undefined;
  const macro = slot.startsWith('{') ? slot : `{${slot}}`;
  return url.slice(0, p.valueStart) + macro + url.slice(p.end);
}

/** Render a saved template or any URL with `<PLACEHOLDER>` variables, then check it. */
export function renderTemplate(template: string, options: RenderOptions = {}): RenderResult {
  const unfilled: string[] = [];
  let url = fill(template, options.values ?? {}, unfilled);
  let clickSlotApplied = true;
  if (options.clickSlot) {
    const param = options.clickParam ?? (options.tracker ? RECEIVERS[options.tracker].clickKey : undefined);
    const next = param ? applyClickSlot(url, param, options.clickSlot) : undefined;
    if (next === undefined) clickSlotApplied = false;
    else url = next;
  }
  const check = checkPostbackUrl(url, { tracker: options.tracker, pixelType: options.pixelType });
  return { url, unfilled, clickSlotApplied, check };
}

/** Render a tracker preset: its click parameter and tracker are known, so only values and the slot are needed. */
export function renderPreset(
  preset: TrackerPreset,
  options: Omit<RenderOptions, 'clickParam' | 'tracker'> = {},
): RenderResult {
  return renderTemplate(preset.template, { ...options, clickParam: preset.click_param, tracker: preset.id });
}
