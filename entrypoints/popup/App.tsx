import { browser } from 'wxt/browser';
import { StatusLine } from '../../components/StatusLine';
import { sendMessage } from '../../lib/messaging/messenger';

const loadStatus = () => sendMessage('status', undefined);

/** The toolbar popup. */
export function App() {
  return (
    <main class="popup">
      <header>
        <h1>Postback Companion</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          Settings
        </a>
      </header>
      <StatusLine load={loadStatus} />
    </main>
  );
}
