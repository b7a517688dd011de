import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreatePanel } from '../../../components/popup/CreatePanel';
import { fromTemplate } from '../../../components/postback-form/model';
import { checkPostbackUrl } from '../../../lib/postback/check';
import { err, ok } from '../../../lib/result';
import type { Template } from '../../../lib/storage/schemas';
import { fakeApi, pixel } from './fake-api';

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

  it('restores its draft (Customize open, the URL as typed) and saves each change; a created postback clears it', async () => {
    const formId = 'popup:create:p:11';
    const typed = 'https://trk.example.com/postback?cid={sub1}&note=half';
    const drafts = new Map<string, Record<string, unknown>>([
      [
        formId,
        {
          templateId: 't',
          value: { ...fromTemplate(template), offerId: 11, postbackUrl: typed },
          showForm: true,
        },
      ],
    ]);
    const api = fakeApi({}, drafts);
    vi.mocked(api.createPixel).mockResolvedValue({ ok: true, value: { pixel: pixel(9), recovered: false } });
    render(
      <CreatePanel
        api={api}
        profileId="p"
        side="affiliate"
        templates={[template]}
        defaultTemplateId="t"
        offer={{ id: 11, name: 'Keto Burn', events: [] }}
        onCreated={() => {}}
      />,
    );
    const url = (await screen.findByRole('textbox', { name: 'Postback URL' })) as HTMLTextAreaElement;
    await waitFor(() => expect(url.value).toBe(typed));
    fireEvent.input(url, { target: { value: `${typed}&more=1` } });
    await waitFor(() => expect(drafts.get(formId)?.value).toMatchObject({ postbackUrl: `${typed}&more=1` }));
    fireEvent.click(screen.getByRole('button', { name: 'Create postback' }));
    await waitFor(() => expect(drafts.has(formId)).toBe(false));
    // The reset form is not saved as a new draft.
    await new Promise((r) => setTimeout(r, 20));
    expect(drafts.has(formId)).toBe(false);
  });

  it('a create Everflow never confirmed says so and offers "Check again", which finds it without re-sending', async () => {
    const api = fakeApi();
    const unknown = {
      kind: 'unknown_outcome',
      message: 'Everflow did not confirm whether the postback was created.',
      knownIds: [1, 2],
    };
    vi.mocked(api.createPixel).mockResolvedValueOnce(err(unknown));
    vi.mocked(api.findCreated)
      .mockResolvedValueOnce(err({ ...unknown, message: 'The postback is still not on Everflow.' }))
      .mockResolvedValueOnce(ok({ pixel: pixel(9), recovered: true }));
    const onCreated = vi.fn();
    render(
      <CreatePanel
        api={api}
        profileId="p"
        side="affiliate"
        templates={[template]}
        defaultTemplateId="t"
        offer={{ id: 11, name: 'Keto Burn', events: [] }}
        onCreated={onCreated}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Create postback' }));
    expect((await screen.findByRole('alert')).textContent).toContain('did not confirm');
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByText('The postback is still not on Everflow.');
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(pixel(9), true));
    expect(api.createPixel).toHaveBeenCalledTimes(1);
    expect(api.findCreated).toHaveBeenLastCalledWith(
      'p',
      expect.objectContaining({ postbackUrl: template.postbackUrl, offerId: 11 }),
      [1, 2],
    );
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
  });
});
