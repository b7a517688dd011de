/**
 * A portal-like offer page at `/offers/<id>` (outside the API's `/v1`), so the demo and the browser tests can open
 * a tab whose URL the popup recognises as an offer, with no second server. Undefined for any other path.
 * It is a stand-in for a partner portal's page, not part of Everflow's API contract.
 */
export function portalPage(pathname: string): string | undefined {
  const m = /^\/offers\/(\d{1,10})\/?$/.exec(pathname);
  if (!m) return undefined;
  const id = m[1];
  return [
    '<!doctype html><html lang="en"><meta charset="utf-8">',
    `<title>Offer #${id} · Demo partner portal</title>`,
    '<body style="font:16px system-ui,sans-serif;margin:2rem">',
    `<h1>Offer #${id}</h1>`,
    '<p>A stand-in for a partner portal offer page (served by the local Everflow sandbox). ',
    'Click the Postback Companion toolbar button to see this offer’s postbacks.</p>',
    '</body></html>',
  ].join('');
}
