import { OptionsPage } from '../../components/options/OptionsPage';
import { StatusLine } from '../../components/StatusLine';
import { call } from '../../lib/messaging/call';
import { optionsServices } from './services';

const loadStatus = () => call('status', undefined);
const services = optionsServices();

/** The options page (opens in a tab): profiles, templates and settings, wired to the background. */
export function App() {
  return <OptionsPage services={services} status={<StatusLine load={loadStatus} />} />;
}
