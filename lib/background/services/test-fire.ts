/**
 * Test-fire (issue 18.2): send one postback URL, already rendered with sample values by the page, from the
 * background worker, and say what the tracker's answer means.
 */
import type { AppError } from '../../model/errors';
import {
  type ConfirmationNeeded,
  checkTestFireTarget,
  hostPermissionFor,
} from '../../postback/test-fire-target';
import type { TestFireInput, TestFireReply } from '../../postback/test-fire-types';
import { testFireVerdict } from '../../postback/test-fire-verdict';
import { detectReceiver, receiverHint } from '../../postback/trackers';
import { err, ok, type Result } from '../../result';
import { profilesItem } from '../../storage/items';
import { getKey } from '../../storage/keys';
import { fireTestPostback } from '../test-fire/run';
import { profileBaseUrl } from './profiles';

/** What the test-fire service needs from the worker: fetch, a clock, and whether a host permission is granted. */
export interface TestFireDeps {
  fetch: typeof fetch;
  now: () => number;
  hasOrigin: (originPattern: string) => Promise<boolean>;
}

async function apiOrigins(): Promise<{ origins: string[]; keys: string[] }> {
  const profiles = await profilesItem.getValue();
  const origins: string[] = [];
  const keys: string[] = [];
  for (const p of profiles) {
    const base = profileBaseUrl(p);
    if (base.ok) origins.push(new URL(base.value).origin);
    const key = await getKey(p.id);
    if (key) keys.push(key);
  }
  return { origins, keys };
}

function trackerOf(url: URL, hint: string | undefined) {
  const named = receiverHint(hint);
  if (named) return named;
  const keys = new Set(url.searchParams.keys());
  return detectReceiver(url.hostname.toLowerCase(), url.pathname, keys)?.id;
}

/**
 * Why a redirect hop is not followed, if it is not. Each hop is checked on its own with no confirmation inherited
 * from the first URL: the user confirmed that address, not wherever it leads (http, a private address, an
 * Everflow host), and there is no one to ask in the middle of a send.
 */
export function hopRefusal(next: URL, apiOrigins: readonly string[]): string | undefined {
  const c = checkTestFireTarget(next.href, apiOrigins, {});
  if (c.ok) return undefined;
  const why = c.kind === 'needs_confirmation' ? HOP_REASON[c.confirm] : c.message;
  return `Redirect to ${next.host} not followed: ${why}`;
}

const HOP_REASON: Record<ConfirmationNeeded, string> = {
  http: 'it is plain http://, which was not confirmed for this hop.',
  privateHost: 'it is a local or private-network address, which was not confirmed for this hop.',
  everflowHost: 'it is an Everflow API address, not a tracker.',
};

/** Check the target, then send it and judge the answer. */
export async function testFire(
  input: TestFireInput,
  deps: TestFireDeps,
): Promise<Result<TestFireReply, AppError>> {
  const { origins, keys } = await apiOrigins();
  const confirmed = input.confirmed ?? {};
  const target = checkTestFireTarget(input.url, origins, confirmed);
  if (!target.ok)
    return err({
      kind: target.kind,
      message: target.message,
      ...(target.kind === 'needs_confirmation' ? { field: target.confirm } : {}),
    });
  // A key pasted into a URL would go to the tracker: refuse rather than send it.
  if (keys.some((k) => k.length >= 8 && input.url.includes(k)))
    return err({
      kind: 'bad_request',
      message:
        'This URL contains one of your Everflow API keys. Remove it: a key must never reach a tracker.',
    });
  const pattern = hostPermissionFor(target.url.href);
  if (!pattern || !(await deps.hasOrigin(pattern)))
    return err({
      kind: 'permission',
      message: `The extension may not reach ${target.url.hostname} yet. Click "Send the test" and allow that site in the browser's prompt (nothing is sent without it).`,
    });
  const outcome = await fireTestPostback(target.url.href, {
    fetch: deps.fetch,
    now: deps.now,
    refuseHop: (next) => hopRefusal(next, origins),
  });
  return ok({ outcome, verdict: testFireVerdict(outcome, trackerOf(target.url, input.tracker)) });
}
