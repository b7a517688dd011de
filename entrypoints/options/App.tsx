import { StatusLine } from '../../components/StatusLine';
import { sendMessage } from '../../lib/messaging/messenger';

const loadStatus = () => sendMessage('status', undefined);

/** The options page (opens in a tab). */
export function App() {
  return (
    <main class="options">
      <h1>Postback Companion for Everflow</h1>
      <StatusLine load={loadStatus} />
    </main>
  );
}
