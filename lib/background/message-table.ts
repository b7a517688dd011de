// THE MESSAGE TABLE: every message pages may send to the background, each declared once (its zod input and the
// service call that answers it) in the per-domain fragments of lib/background/messages/. register.ts installs
// one handler per entry, and pages type their calls with `Protocol`, derived from this table's type only (a
// type-only import adds nothing to a page bundle). How to add a message: lib/messaging/README.md.
import type { ProtocolOf } from '../messaging/table';
import { healthMessages } from './messages/health';
import { historyMessages } from './messages/history';
import { jobMessages } from './messages/jobs';
import { pixelMessages } from './messages/pixels';
import { portalMessages } from './messages/portal';
import { profileMessages } from './messages/profiles';
import { statusMessages } from './messages/status';
import { templateMessages } from './messages/templates';

/** Every message, by name. */
export const messageTable = {
  ...statusMessages,
  ...profileMessages,
  ...templateMessages,
  ...pixelMessages,
  ...historyMessages,
  ...jobMessages,
  ...portalMessages,
  ...healthMessages,
};

/** The protocol between pages and the background: `data` is the input schema's input, the reply the service's. */
export type Protocol = ProtocolOf<typeof messageTable>;
/** A message name. */
export type MessageName = keyof Protocol;
