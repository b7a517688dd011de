import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { StatusLine } from '../../components/StatusLine';
import { call, optionsServices } from './services';

const loadStatus = () => call('status', undefined);
/** The status line counts profiles: read it again whenever they change, from this page or another. */
const onProfilesChanged = (changed: () => void) => {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && 'profiles' in changes) changed();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
};
const services = optionsServices();

/** The options page (opens in a tab): profiles, templates and settings, wired to the background. */
export function App() {
  return (
    <OptionsPage
      services={services}
      status={<StatusLine load={loadStatus} subscribe={onProfilesChanged} />}
    />
  );
}
