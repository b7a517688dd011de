import { i18n } from '#i18n';
import { MACROS, type MacroInfo, type PixelType } from '../../lib/postback/macros';

/** A heading of the macro picker and its macros, in catalogue order. */
export interface MacroGroup {
  id: string;
  label: string;
  macros: MacroInfo[];
}

/** The picker's group heading for a catalogue group id (the id itself for a group added later). */
export function groupLabel(group: string): string {
  switch (group) {
    case 'attribution':
      return i18n.t('macros.group.attribution');
    case 'partner_sub_ids':
      return i18n.t('macros.group.partnerSubIds');
    case 'advertiser_sub_ids':
      return i18n.t('macros.group.advertiserSubIds');
    case 'offer_partner':
      return i18n.t('macros.group.offerPartner');
    case 'financial':
      return i18n.t('macros.group.financial');
    case 'conversion':
      return i18n.t('macros.group.conversion');
    case 'event':
      return i18n.t('macros.group.event');
    case 'device':
      return i18n.t('macros.group.device');
    case 'context_restricted':
      return i18n.t('macros.group.restricted');
    default:
      return group;
  }
}

/** The pixel type's name as the form shows it. */
export function pixelTypeLabel(type: PixelType): string {
  if (type === 'event') return i18n.t('form.pixelType.event');
  if (type === 'cpc') return i18n.t('form.pixelType.cpc');
  return i18n.t('form.pixelType.conversion');
}

/**
 * The catalogue grouped for the picker, filtered by a search over the macro, its meaning and its group
 * (every word of the query must appear somewhere). Groups keep the catalogue's order.
 */
export function groupMacros(query: string, macros: readonly MacroInfo[] = MACROS): MacroGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, MacroGroup>();
  for (const m of macros) {
    const label = groupLabel(m.group);
    const haystack = `${m.token} ${m.description} ${label}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) continue;
    let g = groups.get(m.group);
    if (!g) {
      g = { id: m.group, label, macros: [] };
      groups.set(m.group, g);
    }
    g.macros.push(m);
  }
  return [...groups.values()];
}
