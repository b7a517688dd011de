import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HealthApi } from '../../../components/health/health-api';
import { NeedsAttention } from '../../../components/health/NeedsAttention';
import type { HealthReply, NoticeView } from '../../../lib/model/health';
import { ok } from '../../../lib/result';
import { pixel } from '../popup/fake-api';

afterEach(cleanup);

const notice = (pixelId: number, more: Partial<NoticeView> = {}): NoticeView => ({
  id: `p:${pixelId}:switched_off`,
  kind: 'switched_off',
  profileId: 'p',
  profileName: 'Acme network',
  side: 'network',
  pixelId,
  offerId: 11,
  offerName: 'Summer Sale',
  affiliateId: 7,
  affiliateName: 'Partner Seven',
  noticedAt: Date.UTC(2026, 0, 2, 3, 4),
  ...more,
});
const reply = (notices: NoticeView[]): HealthReply => ({
  notices,
  flagged: notices.filter((n) => n.kind === 'switched_off').length,
  lastCheckAt: Date.UTC(2026, 0, 2, 3, 5),
  errors: [],
  enabled: true,
});

function api(notices: NoticeView[]): HealthApi {
  return {
    list: vi.fn(async () => ok(reply(notices))),
    checkNow: vi.fn(async () => ok(reply(notices))),
    dismiss: vi.fn(async () => ok(reply([]))),
    switchOn: vi.fn(async () => ok(reply([]))),
    getPixel: vi.fn(async (_p: string, id: number) => ok(pixel(id, 'inactive'))),
  };
}

describe('NeedsAttention', () => {
  it('under the options screen heading "Needs attention", names what the list holds instead', async () => {
    render(<NeedsAttention api={api([notice(1)])} onTestFire={() => {}} underScreenTitle />);
    expect(
      await screen.findByRole('heading', { name: 'Switched off outside the extension (1)' }),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /^Needs attention/ })).toBeNull();
  });

  it('groups flagged postbacks by partner on a network, with offer and when noticed', async () => {
    render(
      <NeedsAttention
        api={api([
          notice(1),
          notice(2, { id: 'p:2:switched_off', affiliateId: 8, affiliateName: 'Partner Eight' }),
        ])}
        onTestFire={() => {}}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'Needs attention (2)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Acme network · Partner Seven #7' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Acme network · Partner Eight #8' })).toBeTruthy();
    expect(screen.getAllByText(/Summer Sale #11/)).toHaveLength(2);
    expect(screen.getAllByText(/possibly by Everflow after failed deliveries/)).toHaveLength(2);
  });

  it('switches back on, dismisses, tests, and checks now with one click each', async () => {
    const a = api([notice(1)]);
    const onTestFire = vi.fn();
    render(<NeedsAttention api={a} onTestFire={onTestFire} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Test-fire' }));
    await vi.waitFor(() =>
      expect(onTestFire).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), expect.anything()),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    await vi.waitFor(() => expect(a.checkNow).toHaveBeenCalled());
    fireEvent.click(await screen.findByRole('button', { name: 'Switch back on: postback 1' }));
    await vi.waitFor(() => expect(a.switchOn).toHaveBeenCalledWith('p:1:switched_off'));
    expect(await screen.findByText(/No postback was switched off/)).toBeTruthy();
  });

  it('in the popup, shows nothing when there is nothing to show', async () => {
    const a = api([]);
    const { container } = render(<NeedsAttention api={a} onTestFire={() => {}} hideWhenEmpty />);
    await vi.waitFor(() => expect(a.list).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });

  it('lists deleted and created-elsewhere postbacks apart, as information', async () => {
    render(
      <NeedsAttention api={api([notice(3, { id: 'p:3:deleted', kind: 'deleted' })])} onTestFire={() => {}} />,
    );
    const info = await screen.findByText(/Also noticed \(1\)/);
    expect(
      within(info.closest('details') as HTMLElement).getByText(/#3 deleted outside the extension/),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Needs attention' })).toBeTruthy();
  });
});
