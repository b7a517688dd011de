import { Popup } from '../../components/popup/Popup';
import type { PopupStart } from '../../components/popup/popup-api';
import type { AppError } from '../../lib/model/errors';
import type { Result } from '../../lib/result';
import { popupApi } from './api';

/** The toolbar popup, wired to storage and the background; `initial` is the start answer when it came first. */
export function App({ initial }: { initial?: Result<PopupStart, AppError> }) {
  return <Popup api={popupApi} {...(initial ? { initial } : {})} />;
}
