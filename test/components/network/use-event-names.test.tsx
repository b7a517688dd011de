import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PartnerPostbacksApi } from '../../../components/network/api';
import { offersToLookUp, useEventNames } from '../../../components/network/use-event-names';
import type { PixelView } from '../../../lib/model/pixel';
import { ok } from '../../../lib/result';
import { pixelView } from '../fakes/partner-postbacks';

afterEach(cleanup);

const row = pixelView({ type: 'event', eventId: 202 });

function Names({ api, profileId, rows }: { api: PartnerPostbacksApi; profileId: string; rows: PixelView[] }) {
  const names = useEventNames(api, profileId, rows);
  return <p data-testid="names">{[...names].map(([id, name]) => `${id}=${name}`).join(',')}</p>;
}

describe('useEventNames (issue 15.4)', () => {
  it('looks up only offers with an unnamed event postback, each once', () => {
    const rows = [
      row,
      { ...row, id: 2 },
      pixelView({ id: 3, type: 'event', eventId: 5, eventName: 'X', offerId: 12 }),
    ];
    expect(offersToLookUp(rows, new Set())).toEqual([11]);
    expect(offersToLookUp(rows, new Set([11]))).toEqual([]);
    expect(offersToLookUp([pixelView({ offerId: 13 })], new Set())).toEqual([]);
  });

  it("keeps names per profile: another network's ids are not named from the first one's events", async () => {
    const offer = vi.fn(async (profileId: string) =>
      profileId === 'a'
        ? ok({ id: 11, name: 'Keto', events: [{ id: 202, name: 'FTD', isDefault: false }] })
        : new Promise<never>(() => {}),
    );
    const api = { offer } as unknown as PartnerPostbacksApi;
    const { rerender } = render(<Names api={api} profileId="a" rows={[row]} />);
    await waitFor(() => expect(screen.getByTestId('names').textContent).toBe('202=FTD'));
    rerender(<Names api={api} profileId="b" rows={[row]} />);
    expect(screen.getByTestId('names').textContent).toBe('');
    expect(offer).toHaveBeenLastCalledWith('b', 11);
  });
});
