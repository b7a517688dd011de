import * as input from '../../messaging/inputs';
import { healthCheckNow, healthDismiss, healthList, healthSwitchOn } from '../services/health';
import { testFire } from '../services/test-fire';
import { message } from './context';

/** The health watch's "Needs attention" list and its actions, and test-fire (issue 18). */
export const healthMessages = {
  /** The "Needs attention" list: flagged postbacks first, then informational notices. */
  'health.list': message(input.none, () => healthList()),
  /** Run the check now (or join the one under way), then the list. */
  'health.checkNow': message(input.none, (_, ctx) => healthCheckNow(ctx.everflow, ctx.notifyFlagged)),
  'health.dismiss': message(input.noticeRef, ({ id }) => healthDismiss(id)),
  /** Switch a flagged postback back on; its flag goes with the write. */
  'health.switchOn': message(input.noticeRef, ({ id }, ctx) => healthSwitchOn(id, ctx.everflow)),
  /**
   * Send one rendered postback URL from the background and judge the answer. Refuses with kind
   * `needs_confirmation` (`field` names what: http, privateHost, everflowHost) or `permission` (no host access).
   */
  'testFire.send': message(input.testFireInput, (d, ctx) =>
    testFire(d, { fetch: ctx.fetch, now: ctx.now, hasOrigin: ctx.hasOrigin }),
  ),
};
