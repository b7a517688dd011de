// The demo set-up every browser run starts from (the demo script, the Chromium and the Firefox suites): the
// sandbox's demo affiliate profile and a Voluum S2S template, as `profiles.save` / `templates.save` inputs.

/** The sandbox's demo affiliate key. */
export const DEMO_AFFILIATE_KEY = 'demo-affiliate-key';
/** The sandbox's demo network key. */
export const DEMO_NETWORK_KEY = 'demo-network-key';

/** A `profiles.save` input for a demo profile on the sandbox, claiming these portal hosts. */
export function demoProfileInput(
  sandboxBaseUrl: string,
  portalDomains: string[],
  role: 'affiliate' | 'network' = 'affiliate',
) {
  return {
    name: role === 'affiliate' ? 'Demo affiliate' : 'Demo network',
    role,
    region: 'custom' as const,
    customBaseUrl: sandboxBaseUrl,
    portalDomains,
    apiKey: role === 'affiliate' ? DEMO_AFFILIATE_KEY : DEMO_NETWORK_KEY,
  };
}

/** A `templates.save` input: a Voluum server-to-server conversion postback for affiliates (fields may be changed). */
export function voluumTemplateInput(change: { notes?: string; postbackUrl?: string } = {}) {
  return {
    name: 'Voluum S2S',
    side: 'affiliate' as const,
    tracker: 'voluum',
    deliveryMethod: 'postback' as const,
    pixelType: 'conversion' as const,
    level: 'specific' as const,
    postbackUrl:
      'https://trk.example.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}&txid={transaction_id}',
    htmlCode: '',
    delayMs: 0,
    notes: '',
    description: '',
    ...change,
  };
}
