import { fileURLToPath } from 'node:url';

/** The release build, as users install it. */
export const RELEASE_EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
/** The demo build: the release build plus loopback host permissions, so it can talk to the local sandbox. */
export const DEMO_EXTENSION_DIR = fileURLToPath(new URL('../../.output/demo/chrome-mv3', import.meta.url));
