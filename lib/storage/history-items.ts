// The write history (issue 17.4): every postback write the extension made, with the object before and after, so
// it can be listed and undone. Written only by lib/background/history.ts, through one serialised function. The
// shape: lib/model/history.ts.
import { HistoryEntry } from '../model/history';
import { parseList } from './repair';
import { defineValidatedItem } from './validated-item';

/** Newest first. Bounded by lib/background/history.ts (1 000 entries or 30 days). */
export const historyItem = defineValidatedItem<HistoryEntry[]>('local:history', {
  fallback: [],
  version: 1,
  parse: (raw) => parseList(HistoryEntry, raw),
});
