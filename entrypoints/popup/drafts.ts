import type { DraftStore } from '../../components/drafts/use-draft';
import type { Protocol } from '../../lib/background/message-table';
import { makeCall } from '../../lib/messaging/call';

const call = makeCall<Protocol>();

/** The one draft store of both pages (issue 12.3): the background's `drafts.*` messages. */
export const draftStore: DraftStore = {
  get: (formId) => call('drafts.get', { formId }),
  save: (formId, value) => call('drafts.save', { formId, value }),
  clear: (formId) => call('drafts.clear', { formId }),
};
