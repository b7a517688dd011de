import type { DeliveryMethod, PixelLevel, PixelType } from '../../lib/model/vocabulary';

// Short labels for the list badges. Kept out of the shared form's label module so the popup's start-up bundle
// does not pull the form (and its checker) in.
const DELIVERY: Record<DeliveryMethod, string> = {
  postback: 'S2S',
  html: 'HTML',
  facebook: 'Meta',
  tiktok: 'TikTok',
  snapchat: 'Snapchat',
  rumble: 'Rumble',
};
const TYPE: Record<PixelType, string> = { conversion: 'Conversion', event: 'Event', cpc: 'CPC' };
const LEVEL: Record<PixelLevel, string> = {
  global: 'All offers',
  specific: 'One offer',
  global_offer: 'All partners',
};

/** "S2S", "HTML", "Meta", … */
export const deliveryBadge = (m: DeliveryMethod) => DELIVERY[m];
/** "Conversion", "Event", "CPC" */
export const typeBadge = (t: PixelType) => TYPE[t];
/** "All offers" (global), "One offer" (specific), "All partners" (global_offer): true on both API sides. */
export const levelBadge = (l: PixelLevel) => LEVEL[l];
