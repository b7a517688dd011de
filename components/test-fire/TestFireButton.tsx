import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PostbackFormValue } from '../postback-form/model';
import { Dialog } from '../ui/Dialog';
import { TestFirePanel } from './TestFirePanel';
import type { TestFireApi } from './test-fire-api';

/**
 * "Send a test" under a postback form (editor, template editor): a dialog with the test-fire panel for what the
 * form holds now, saved or not. Only postback URLs and HTML pixels have a URL to test.
 */
export function TestFireButton({
  api,
  value,
  tracker,
}: {
  api: TestFireApi;
  value: Pick<PostbackFormValue, 'deliveryMethod' | 'postbackUrl' | 'htmlCode' | 'pixelType'>;
  tracker?: string;
}) {
  const [open, setOpen] = useState(false);
  if (value.deliveryMethod !== 'postback' && value.deliveryMethod !== 'html') return null;
  const source =
    value.deliveryMethod === 'html'
      ? { htmlCode: value.htmlCode, pixelType: value.pixelType }
      : { postbackUrl: value.postbackUrl, pixelType: value.pixelType };
  return (
    <>
      <button type="button" class="button" onClick={() => setOpen(true)}>
        {i18n.t('testFire.open')}
      </button>
      {open ? (
        <Dialog title={i18n.t('testFire.open')} onClose={() => setOpen(false)} wide>
          <TestFirePanel
            api={api}
            source={{ ...source, ...(tracker ? { tracker } : {}) }}
            onClose={() => setOpen(false)}
          />
        </Dialog>
      ) : null}
    </>
  );
}
