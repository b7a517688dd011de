import { Popup } from '../../components/popup/Popup';
import { popupApi } from './api';

/** The toolbar popup, wired to storage and the background. */
export function App() {
  return <Popup api={popupApi} />;
}
