import type { BulkApi } from '../../components/bulk/api';
import type { HistoryApi } from '../../components/history/HistoryScreen';
import type { Protocol } from '../../lib/background/message-table';
import { makeCall } from '../../lib/messaging/call';

const call = makeCall<Protocol>();

/** The wiring of Options → Bulk and History (issue 17): jobs, find and replace, the write history and undo. */
export const jobsAdapters: { bulk: BulkApi; history: HistoryApi } = {
  bulk: {
    profiles: () => call('profiles.list', undefined),
    templates: () => call('templates.list', undefined),
    offers: async (profileId, search) => {
      // Every offer, page by page (500 a page, the message's largest).
      const first = await call('offers.list', { profileId, search, page: 1, pageSize: 500 });
      if (!first.ok) return first;
      const items = [...first.value.items];
      for (let page = 2; items.length < first.value.total && page <= 20; page++) {
        const next = await call('offers.list', { profileId, search, page, pageSize: 500 });
        if (!next.ok || !next.value.items.length) break;
        items.push(...next.value.items);
      }
      return { ok: true, value: { ...first.value, items } };
    },
    offer: (profileId, offerId) => call('offers.get', { profileId, offerId }),
    previewApply: (input) => call('jobs.previewApply', input),
    startApply: (input) => call('jobs.startApply', input),
    jobs: () => call('jobs.list', undefined),
    control: (id, action) => call('jobs.control', { id, action }),
    undoJob: (jobId) => call('jobs.undo', { jobId }),
    find: (text, refresh) => call('pixels.findAll', { text, refresh }),
    previewReplace: (input) => call('jobs.previewReplace', input),
    startReplace: (input) => call('jobs.startReplace', input),
    startToggle: (status, targets) => call('jobs.startToggle', { status, targets }),
  },
  history: {
    list: (filter) => call('history.list', filter),
    undo: (entryId, confirm) => call('history.undo', { entryId, confirm }),
    undoJob: (jobId) => call('jobs.undo', { jobId }),
  },
};
