import * as input from '../../messaging/inputs';
import { ok } from '../../result';
import { listHistory } from '../history';
import { undoLatest, undoWrite } from '../services/undo';
import { message } from './context';

/** History and undo (issue 17.4): every postback write the extension made, and taking one back. */
export const historyMessages = {
  /** Every recorded write, newest first (bounded: 1 000 writes or 30 days), optionally for one profile or job. */
  'history.list': message(input.historyList, async (d) => ok(await listHistory(d))),
  /** Undo one write; kind `changed` when the postback changed since, unless `confirm`. */
  'history.undo': message(input.historyUndo, (d, ctx) => undoWrite(d, ctx.everflow)),
  /** Undo the user's newest write to one postback (the popup's toast). */
  'history.undoLatest': message(input.historyUndoLatest, (d, ctx) => undoLatest(d, ctx.everflow)),
};
