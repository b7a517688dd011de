/**
 * The manifest fields we own, in one place so a unit test can pin them.
 *
 * Every permission here is deliberate (see README "Permissions"):
 * - `storage`: profiles, templates, drafts and the data cache.
 * - `alarms`: the health watch's periodic check, and a bulk job (issue 17) resuming after the browser stops the
 *   worker mid-job; no install warning.
 * - optional `notifications`: asked for from the click that turns the health watch's notification on.
 * - `activeTab`: the popup reads the URL of the tab the user clicked the toolbar button on, to find the offer.
 *   It has no install warning and covers every portal, white-label domains included (measured in
 *   docs: `tabs` would warn "Read your browsing history", host permissions "Read and change your data").
 * - host `https://api.eflow.team/*`: the Everflow API (US). Calls leave from the background only.
 * - optional host `https://api-eu.eflow.team/*`: requested from a click when a profile picks the EU region.
 * - optional host "https, any host" (the pattern below): lets a profile with a custom API host (a network's own proxy, a staging host) ask
 *   for exactly that one host from a click. Optional host permissions show no install warning; nothing is granted
 *   until the user accepts the browser's prompt for that host. The same pattern, and its http twin, let a
 *   test-fire ask for exactly the tracker's host from the "Send the test" click.
 * No content scripts, no `tabs`, no `<all_urls>`.
 */

export const API_HOST_PERMISSIONS = ['https://api.eflow.team/*'] as const;
export const OPTIONAL_HOST_PERMISSIONS = [
  'https://api-eu.eflow.team/*',
  'https://*/*',
  'http://*/*',
] as const;
export const PERMISSIONS = ['storage', 'activeTab', 'alarms'] as const;
export const OPTIONAL_PERMISSIONS = ['notifications'] as const;
/** Only the demo build may talk to the local sandbox; release builds never carry this. */
export const DEMO_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

export const GECKO_ID = 'postback-companion@postback-companion.dev';
/** The first Firefox (desktop, Android) that supports every manifest key we use: see buildManifest. */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

export interface ManifestInput {
  browser: string;
  demo: boolean;
}

/** Build the manifest overrides for one target browser (WXT fills in entrypoints and version). */
export function buildManifest({ browser, demo }: ManifestInput) {
  return {
    // Release name and description come from locales/en.yml (translatable); the demo build says it is one.
    name: demo ? 'Postback Companion for Everflow (demo)' : '__MSG_extName__',
    short_name: 'Postback Companion',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [...PERMISSIONS],
    host_permissions: [...API_HOST_PERMISSIONS, ...(demo ? DEMO_HOST_PERMISSIONS : [])],
    optional_permissions: [...OPTIONAL_PERMISSIONS],
    optional_host_permissions: [...OPTIONAL_HOST_PERMISSIONS],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Postback Companion', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // 140 (an ESR) is the first Firefox that reads data_collection_permissions, which addons.mozilla.org
          // requires of new add-ons; 128 ESR is out of support. Declaring 128 would promise a consent screen
          // that those versions never show.
          strict_min_version: FIREFOX_MIN_VERSION,
          // The API key is sent to Everflow (the user's own account); nothing is sent to us.
          data_collection_permissions: { required: ['authenticationInfo'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
      },
    }),
  };
}
