import { i18n } from '#i18n';
import type { PixelView } from '../../lib/model/pixel';
import { targetHosts } from './double-count';

/**
 * The warning shown before an offer postback is created to a tracker host that an active global postback already
 * sends to (see `doubleCountGlobals`). Nothing when there is no such postback.
 */
export function DoubleCountWarning({ globals }: { globals: readonly PixelView[] }) {
  const first = globals[0];
  if (!first) return null;
  const ids = globals.map((p) => `#${p.id}`).join(', ');
  const host = [...targetHosts(first)][0] ?? '';
  return (
    <p class="notice warn-text double-count" role="status">
      {i18n.t('form.doubleCount', [ids, host])}
    </p>
  );
}
