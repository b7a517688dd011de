import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreatePanel } from '../../../components/popup/CreatePanel';
import type { Template } from '../../../lib/model/template';
import { checkPostbackUrl } from '../../../lib/postback/check';
import { fakeApi } from './fake-api';

// Count the URL checks the panel runs.
vi.mock('../../../lib/postback/check', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/postback/check')>();
  return { ...real, checkPostbackUrl: vi.fn(real.checkPostbackUrl) };
});

const template: Template = {
  id: 't',
  name: 'Voluum S2S',
  side: 'affiliate',
  tracker: 'voluum',
  deliveryMethod: 'postback',
  pixelType: 'conversion',
  level: 'specific',
  postbackUrl: 'https://trk.example.com/postback?cid={sub1}&txid={transaction_id}',
  htmlCode: '',
  delayMs: 0,
  notes: '',
  description: '',
  createdAt: 1,
  updatedAt: 1,
};

function renderPanel() {
  return render(
    <CreatePanel
      api={fakeApi()}
      profileId="p"
      side="affiliate"
      templates={[template]}
      defaultTemplateId="t"
      offer={{ id: 11, name: 'Keto Burn', events: [] }}
      onCreated={() => {}}
    />,
  );
}

describe('CreatePanel', () => {
  afterEach(() => {
    cleanup();
    vi.mocked(checkPostbackUrl).mockClear();
  });

  it("checks with the template's tracker, like the form does", async () => {
    renderPanel();
    await screen.findByRole('status');
    expect(vi.mocked(checkPostbackUrl)).toHaveBeenCalledWith(template.postbackUrl, {
      pixelType: 'conversion',
      tracker: 'voluum',
    });
  });

  it('with "Customize" open, a keystroke checks the URL once (the form shows the findings and preview)', async () => {
    const { container } = renderPanel();
    await screen.findByRole('status');
    fireEvent.click(container.querySelector('.create summary')!);
    const url = (await screen.findByRole('textbox', { name: 'Postback URL' })) as HTMLTextAreaElement;
    expect(container.querySelector('.create__check')).toBeNull();
    vi.mocked(checkPostbackUrl).mockClear();
    fireEvent.input(url, { target: { value: `${url.value}&x=1` } });
    await waitFor(() => expect(url.value).toContain('&x=1'));
    expect(vi.mocked(checkPostbackUrl)).toHaveBeenCalledTimes(1);
  });
});
