import { browser } from 'wxt/browser';
import type { HealthApi } from '../../components/health/health-api';
import type { TestFireApi } from '../../components/test-fire/test-fire-api';
import type { Protocol } from '../../lib/background/message-table';
import { makeCall } from '../../lib/messaging/call';

const call = makeCall<Protocol>();

/**
 * The wiring of the health watch's "Needs attention" list and of test-fire (issue 18), one for both pages: the
 * popup spreads it into its API, the options page into its services.
 */
export const healthAdapters: { health: HealthApi; testFire: TestFireApi } = {
  health: {
    list: () => call('health.list', undefined),
    checkNow: () => call('health.checkNow', undefined),
    dismiss: (id) => call('health.dismiss', { id }),
    switchOn: (id) => call('health.switchOn', { id }),
    getPixel: (profileId, pixelId) => call('pixels.get', { profileId, pixelId }),
  },
  testFire: {
    send: (input) => call('testFire.send', input),
    // Called synchronously from the click (see TestFirePanel): no await may come before it.
    requestHost: (pattern) => browser.permissions.request({ origins: [pattern] }),
  },
};
