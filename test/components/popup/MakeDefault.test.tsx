import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import type { Template } from '../../../lib/model/template';
import { ok } from '../../../lib/result';
import { fakeApi } from './fake-api';

const t = (id: string, name: string): Template => ({
  id,
  name,
  side: 'affiliate',
  tracker: 'voluum',
  deliveryMethod: 'postback',
  pixelType: 'conversion',
  level: 'specific',
  postbackUrl: `https://trk.zen.test/postback?cid={sub1}&n=${id}`,
  htmlCode: '',
  delayMs: 0,
  notes: '',
  description: '',
  createdAt: 1,
  updatedAt: 1,
});

describe('Popup: default template', () => {
  afterEach(cleanup);

  it('preselects the global default when the profile has none, and "Make default" sets it for the profile', async () => {
    const api = fakeApi({
      templates: [t('a', 'First'), t('b', 'Second'), t('c', 'Third')],
      defaultTemplateId: 'b',
    });
    vi.mocked(api.setDefaultTemplate).mockResolvedValue(
      ok({ defaultTemplateIds: { p: 'c' }, defaultTemplateId: 'b', forgetKeysOnClose: false }),
    );
    render(<Popup api={api} />);
    // The panel's stand-in comes first (disabled); the panel itself replaces it.
    await waitFor(
      () => expect((screen.getByLabelText('Template') as HTMLSelectElement).disabled).toBe(false),
      {
        timeout: 5000,
      },
    );
    const select = screen.getByLabelText('Template') as HTMLSelectElement;
    expect(select.value).toBe('b');
    expect(screen.getByText('Default')).toBeTruthy();
    fireEvent.change(select, { target: { value: 'c' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Make default' }));
    expect(api.setDefaultTemplate).toHaveBeenCalledWith('p', 'c');
    expect(await screen.findByText('Default')).toBeTruthy();
  });

  it("preselects the profile's own default over the global one", async () => {
    const api = fakeApi({
      templates: [t('a', 'First'), t('b', 'Second')],
      defaultTemplateIds: { p: 'a' },
      defaultTemplateId: 'b',
    });
    render(<Popup api={api} />);
    const select = (await screen.findByLabelText('Template')) as HTMLSelectElement;
    expect(select.value).toBe('a');
  });
});
