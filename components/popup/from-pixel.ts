import type { PixelView } from '../../lib/model/pixel';
import type { PostbackFormValue } from '../postback-form/model';

/** An existing postback as a value of the shared form (for Edit). */
export function fromPixel(p: PixelView): PostbackFormValue {
  const value: PostbackFormValue = {
    deliveryMethod: p.deliveryMethod,
    pixelType: p.type,
    level: p.level,
    postbackUrl: p.postbackUrl,
    htmlCode: p.htmlCode,
    delaySeconds: String(p.delayMs / 1000),
  };
  if (p.level !== 'global') value.offerId = p.offerId;
  if (p.eventId) value.eventId = p.eventId;
  if (p.side === 'network' && p.affiliateId) value.affiliateId = p.affiliateId;
  if (p.integration) value.integration = p.integration;
  return value;
}
