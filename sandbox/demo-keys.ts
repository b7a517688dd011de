/** The sandbox's two API keys: the demo partner's affiliate key and the network key. */
export const DEMO_KEYS = { affiliate: 'demo-affiliate-key', network: 'demo-network-key' } as const satisfies {
  affiliate: 'demo-affiliate-key';
  network: 'demo-network-key';
};

/** The partner the demo affiliate key belongs to. */
export const DEMO_PARTNER_ID = 7;

/** The sandbox network's id. */
export const DEMO_NETWORK_ID = 1;
