import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditPanel } from '../../../components/popup/EditPanel';
import { fromPixel } from '../../../components/popup/from-pixel';
import { fakeApi, pixel } from './fake-api';

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
