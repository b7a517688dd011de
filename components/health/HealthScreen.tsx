import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PixelView } from '../../lib/model/pixel';
import { TestFirePanel } from '../test-fire/TestFirePanel';
import type { TestFireApi } from '../test-fire/test-fire-api';
import { Dialog } from '../ui/Dialog';
import type { HealthApi } from './health-api';
import { NeedsAttention } from './NeedsAttention';

/** The options page's "Needs attention" section: the list, and test-fire in a dialog. */
export function HealthScreen({ health, testFire }: { health: HealthApi; testFire: TestFireApi }) {
  const [testing, setTesting] = useState<PixelView>();
  return (
    <div class="screen">
      <NeedsAttention api={health} onTestFire={setTesting} underScreenTitle />
      {testing ? (
        <Dialog
          title={i18n.t('testFire.dialogTitle', [String(testing.id)])}
          onClose={() => setTesting(undefined)}
          wide
        >
          <TestFirePanel
            api={testFire}
            source={
              testing.deliveryMethod === 'html'
                ? { htmlCode: testing.htmlCode, pixelType: testing.type }
                : { postbackUrl: testing.postbackUrl, pixelType: testing.type }
            }
            onClose={() => setTesting(undefined)}
          />
        </Dialog>
      ) : null}
    </div>
  );
}
