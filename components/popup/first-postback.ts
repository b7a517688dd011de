import { i18n } from '#i18n';
import { type CheckResult, checkPostbackUrl } from '../../lib/postback/check';
import { renderPreset, templateVariables } from '../../lib/postback/template';
import { type ReceiverId, TRACKER_PRESETS, type TrackerPreset } from '../../lib/postback/trackers';

/** What the "first postback" panel asks: the tracker, and its domain or a whole postback URL from it. */
export interface FirstPostbackInput {
  /** A tracker preset id, or `custom` (any other receiver: a full URL is needed). */
  tracker: ReceiverId | 'custom';
  text: string;
}

export type FirstPostbackUrl =
  | { ok: true; url: string; check: CheckResult; preset?: TrackerPreset | undefined }
  | { ok: false; message: string };

const WHOLE_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+[/?#]\S/i;

/** The preset's host placeholder (the one right after `://`), if its URL has one. */
function hostVariable(preset: TrackerPreset): string | undefined {
  return templateVariables(preset.template).find((name) => preset.template.includes(`://<${name}>`));
}

/**
 * The postback URL the panel would create: a pasted postback URL as it is, or the tracker's preset with the
 * pasted domain in it. Checked either way (with the tracker's own rules). An error in the user's words when the
 * preset needs more than a domain, or the text is neither.
 */
export function firstPostbackUrl(input: FirstPostbackInput): FirstPostbackUrl {
  const text = input.text.trim();
  const preset = TRACKER_PRESETS.find((p) => p.id === input.tracker);
  if (!text) return { ok: false, message: i18n.t('popup.first.needText') };
  if (WHOLE_URL.test(text)) {
    return { ok: true, url: text, check: checkPostbackUrl(text, { tracker: preset?.id }), preset };
  }
  if (!preset) return { ok: false, message: i18n.t('popup.first.needUrl') };
  const host = hostVariable(preset);
  if (!host || !/^(?:https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}\/?$/i.test(text)) {
    return {
      ok: false,
      message: host
        ? i18n.t('popup.first.notDomain', [preset.tracker])
        : i18n.t('popup.first.needUrlOf', [preset.tracker]),
    };
  }
  const rendered = renderPreset(preset, { values: { [host]: text } });
  if (rendered.unfilled.length)
    return { ok: false, message: i18n.t('popup.first.needUrlOf', [preset.tracker]) };
  return { ok: true, url: rendered.url, check: rendered.check, preset };
}
