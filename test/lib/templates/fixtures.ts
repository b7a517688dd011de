import type { Template } from '../../../lib/model/template';

/** A valid stored template; override any field. */
export function template(over: Partial<Template> = {}): Template {
  return {
    id: 't1',
    name: 'Voluum main',
    side: 'affiliate',
    tracker: 'voluum',
    deliveryMethod: 'postback',
    pixelType: 'conversion',
    level: 'specific',
    postbackUrl: 'https://abc.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}',
    htmlCode: '',
    delayMs: 0,
    notes: '',
    description: '',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}
