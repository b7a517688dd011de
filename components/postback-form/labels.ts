import { i18n } from '#i18n';
import {
  type DeliveryMethod,
  PIXEL_TYPES,
  type PixelLevel,
  type PixelType,
  type Role,
} from '../../lib/model/vocabulary';
import type { SelectOption } from '../ui/SelectField';
import { pixelTypeLabel } from './macro-groups';

/** The delivery method's name as the form shows it. */
export function deliveryLabel(method: DeliveryMethod): string {
  switch (method) {
    case 'postback':
      return i18n.t('form.method.postback');
    case 'html':
      return i18n.t('form.method.html');
    case 'facebook':
      return i18n.t('form.method.facebook');
    case 'tiktok':
      return i18n.t('form.method.tiktok');
    case 'snapchat':
      return i18n.t('form.method.snapchat');
    case 'rumble':
      return i18n.t('form.method.rumble');
  }
}

/** The level's name as the form shows it; the network side names who and what it covers. */
export function levelLabel(level: PixelLevel, side: Role = 'affiliate'): string {
  if (side === 'network') {
    if (level === 'global') return i18n.t('form.level.network.global');
    if (level === 'global_offer') return i18n.t('form.level.network.globalOffer');
    return i18n.t('form.level.network.specific');
  }
  if (level === 'global') return i18n.t('form.level.global');
  if (level === 'global_offer') return i18n.t('form.level.globalOffer');
  return i18n.t('form.level.specific');
}

/** What a level means, under the level field (network: which id is set to 0 for the user). */
export function levelHint(level: PixelLevel, side: Role = 'affiliate'): string {
  if (side === 'network') {
    if (level === 'global') return i18n.t('form.level.network.hintGlobal');
    if (level === 'global_offer') return i18n.t('form.level.network.hintGlobalOffer');
    return i18n.t('form.level.network.hintSpecific');
  }
  if (level === 'global') return i18n.t('form.level.hintGlobal');
  if (level === 'global_offer') return i18n.t('form.level.hintGlobalOffer');
  return i18n.t('form.level.hintSpecific');
}

/** The pixel type choices. */
export function pixelTypeOptions(): SelectOption<PixelType>[] {
  return PIXEL_TYPES.map((t) => ({ value: t, label: pixelTypeLabel(t) }));
}
