import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditPanel } from '../../../components/popup/EditPanel';
import { fromPixel } from '../../../components/popup/from-pixel';
import { deferred, fakeApi, pixel } from './fake-api';

const formId = 'popup:edit:p:1';

describe('EditPanel drafts', () => {
  afterEach(cleanup);

  it('restores unsaved changes made on the same server version, and can discard them', async () => {
    const p = pixel(1);
    const base = JSON.stringify(fromPixel(p));
    const drafts = new Map([
      [formId, { value: { ...fromPixel(p), postbackUrl: 'https://typed.example/?a=1' }, base }],
    ]);
    const api = fakeApi({}, drafts);
    render(<EditPanel api={api} profileId="p" pixel={p} onSaved={() => {}} onClose={() => {}} />);
    const url = (await screen.findByRole('textbox', { name: 'Postback URL' })) as HTMLTextAreaElement;
    await waitFor(() => expect(url.value).toBe('https://typed.example/?a=1'));
    fireEvent.click(screen.getByRole('button', { name: 'Discard them' }));
    await waitFor(() => expect(url.value).toBe(p.postbackUrl));
    expect(drafts.has(formId)).toBe(false);
  });

  it('drops a draft made on an older version of the postback instead of saving it over newer data', async () => {
    const old = pixel(1);
    const now = { ...old, postbackUrl: 'https://changed-on-server.example/?b=2' };
    const drafts = new Map([
      [
        formId,
        {
          value: { ...fromPixel(old), postbackUrl: 'https://stale.example/' },
          base: JSON.stringify(fromPixel(old)),
        },
      ],
    ]);
    const api = fakeApi({}, drafts);
    render(<EditPanel api={api} profileId="p" pixel={now} onSaved={() => {}} onClose={() => {}} />);
    const url = (await screen.findByRole('textbox', { name: 'Postback URL' })) as HTMLTextAreaElement;
    await waitFor(() => expect(drafts.has(formId)).toBe(false));
    expect(url.value).toBe(now.postbackUrl);
    expect(screen.queryByRole('button', { name: 'Discard them' })).toBeNull();
  });

  it('saves every change as it is typed, and says so when a draft cannot be kept (typing stays in the form)', async () => {
    const p = pixel(1);
    const drafts = new Map<string, Record<string, unknown>>();
    const api = fakeApi({}, drafts);
    render(<EditPanel api={api} profileId="p" pixel={p} onSaved={() => {}} onClose={() => {}} />);
    const url = (await screen.findByRole('textbox', { name: 'Postback URL' })) as HTMLTextAreaElement;
    await waitFor(() => expect(api.drafts.get).toHaveBeenCalled());
    fireEvent.input(url, { target: { value: 'https://typed.example/?a=1' } });
    await waitFor(() =>
      expect(drafts.get(formId)?.value).toMatchObject({ postbackUrl: 'https://typed.example/?a=1' }),
    );
    vi.mocked(api.drafts.save).mockResolvedValueOnce({
      ok: false,
      error: { kind: 'storage_full', message: 'Browser storage for the extension is full: try again.' },
    });
    fireEvent.input(url, { target: { value: 'https://typed.example/?a=2' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Your changes are not kept as a draft: Browser storage for the extension is full: try again.',
    );
    expect(url.value).toBe('https://typed.example/?a=2');
  });
});

describe('EditPanel tracker rules (issue 15.4)', () => {
  afterEach(cleanup);

  it('runs the tracker rules of a saved template to the same host, and warns of a missing event parameter', async () => {
    const p = {
      ...pixel(1),
      type: 'event' as const,
      postbackUrl: 'https://trk.mydomain.com/postback?clickid={sub1}',
    };
    const template = {
      id: 't',
      name: 'Voluum',
      side: 'affiliate' as const,
      tracker: 'voluum',
      deliveryMethod: 'postback' as const,
      pixelType: 'conversion' as const,
      level: 'specific' as const,
      postbackUrl: 'https://trk.mydomain.com/postback?cid={sub1}',
      htmlCode: '',
      delayMs: 0,
      notes: '',
      description: '',
      createdAt: 1,
      updatedAt: 1,
    };
    const { container, rerender } = render(
      <EditPanel api={fakeApi()} profileId="p" pixel={p} onSaved={() => {}} onClose={() => {}} />,
    );
    await screen.findByRole('textbox', { name: 'Postback URL' });
    expect(container.querySelector('[data-rule="tracker.required_param_missing"]')).toBeNull();
    rerender(
      <EditPanel
        api={fakeApi()}
        profileId="p"
        pixel={p}
        templates={[template]}
        onSaved={() => {}}
        onClose={() => {}}
      />,
    );
    expect(container.querySelector('[data-rule="tracker.required_param_missing"]')?.textContent).toContain(
      'Voluum expects cid=',
    );
    expect(container.querySelector('[data-rule="tracker.event_param_missing"]')?.textContent).toContain(
      'et=',
    );
  });
});

describe('EditPanel: a Meta postback of an affiliate profile (walk defect 2)', () => {
  afterEach(cleanup);

  const meta = () => ({
    ...pixel(1004),
    level: 'global' as const,
    offerId: 0,
    deliveryMethod: 'facebook' as const,
    postbackUrl: '',
    integration: { pixel_id: '871234560012345', event_name: 'Lead', access_token: '••••al01' },
  });

  it('shows its delivery method with the Meta fields and the token masked, and "All offers" for a global one', async () => {
    const api = fakeApi();
    render(
      <EditPanel
        api={api}
        profileId="p"
        pixel={meta()}
        offer={{ id: 11, name: 'Keto Burn', events: [] }}
        onSaved={() => {}}
        onClose={() => {}}
      />,
    );
    const method = (await screen.findByRole('combobox', { name: 'Delivery method' })) as HTMLSelectElement;
    expect(method.value).toBe('facebook');
    expect(method.selectedOptions[0]?.textContent).toBe('Meta (Facebook) pixel');
    expect((screen.getByRole('textbox', { name: 'Pixel id' }) as HTMLInputElement).value).toBe(
      '871234560012345',
    );
    expect((screen.getByRole('combobox', { name: 'Event name' }) as HTMLInputElement).value).toBe('Lead');
    expect(screen.getByText('Set (••••al01)')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Offer' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Offer' }).textContent).toContain('All offers');
  });

  it('saves the Meta settings as they are (the masked token goes back for the background to restore)', async () => {
    const api = fakeApi();
    vi.mocked(api.updatePixel).mockImplementation(async (_p, _id, draft) => ({
      ok: true,
      value: { ...meta(), ...draft } as never,
    }));
    render(<EditPanel api={api} profileId="p" pixel={meta()} onSaved={() => {}} onClose={() => {}} />);
    fireEvent.input(await screen.findByRole('combobox', { name: 'Event name' }), {
      target: { value: 'Purchase' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save postback' }));
    await waitFor(() => expect(api.updatePixel).toHaveBeenCalled());
    expect(vi.mocked(api.updatePixel).mock.calls[0]?.[2]).toMatchObject({
      deliveryMethod: 'facebook',
      level: 'global',
      integration: { pixel_id: '871234560012345', event_name: 'Purchase', access_token: '••••al01' },
    });
  });
});

describe('EditPanel: Save says what it does (walk defect 3)', () => {
  afterEach(cleanup);

  it('shows "Saving…" on the button until the answer arrives', async () => {
    const api = fakeApi();
    const answer = deferred<Awaited<ReturnType<typeof api.updatePixel>>>();
    vi.mocked(api.updatePixel).mockReturnValue(answer.promise);
    render(<EditPanel api={api} profileId="p" pixel={pixel(1)} onSaved={() => {}} onClose={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save postback' }));
    const busy = await screen.findByRole('button', { name: 'Saving…' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    answer.resolve({ ok: false, error: { kind: 'timeout', message: 'Everflow did not answer in time.' } });
    expect(await screen.findByRole('button', { name: 'Save postback' })).toBeTruthy();
  });
});
