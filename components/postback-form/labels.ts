import { i18n } from '#i18n';
import type { DeliveryMethod, PixelLevel, PixelType } from '../../lib/messaging/views';
import { pixelTypeLabel } from './macro-groups';
import type { SelectOption } from './SelectField';

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

/** The level's name as the form shows it. */
export function levelLabel(level: PixelLevel): string {
  if (level === 'global') return i18n.t('form.level.global');
  if (level === 'global_offer') return i18n.t('form.level.globalOffer');
  return i18n.t('form.level.specific');
}

/** What a level means, under the level field. */
export function levelHint(level: PixelLevel): string {
  if (level === 'global') return i18n.t('form.level.hintGlobal');
  if (level === 'global_offer') return i18n.t('form.level.hintGlobalOffer');
  return i18n.t('form.level.hintSpecific');
}

/** The pixel type choices. */
export function pixelTypeOptions(): SelectOption<PixelType>[] {
  return (['conversion', 'event', 'cpc'] as const).map((t) => ({ value: t, label: pixelTypeLabel(t) }));
}
