import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PostbackList } from '../../../components/popup/PostbackList';
import type { PixelView } from '../../../lib/model/pixel';
import { pixel } from './fake-api';

const globalRow: PixelView = { ...pixel(3), level: 'global', offerId: 0 };
const eventRow: PixelView = { ...pixel(4), type: 'event', eventId: 202 };
const props = {
  pending: new Set<number>(),
  errors: {},
  onToggle: () => {},
  onEdit: () => {},
};

describe('PostbackList (issue 15.4)', () => {
  afterEach(cleanup);

  it("lists the offer's own postbacks, then the global ones apart under “Also fires here”", () => {
    render(<PostbackList {...props} rows={[globalRow, pixel(1)]} all={false} />);
    const own = screen.getByRole('list', { name: 'Postbacks' });
    expect(
      within(own)
        .getAllByRole('switch')
        .map((s) => s.getAttribute('aria-label')),
    ).toEqual(['Postback 1']);
    const also = screen.getByRole('list', { name: 'Also fires here' });
    expect(
      within(also)
        .getAllByRole('switch')
        .map((s) => s.getAttribute('aria-label')),
    ).toEqual(['Postback 3']);
    expect(screen.getByRole('heading', { name: 'Also fires here' })).toBeTruthy();
  });

  it('keeps one list in the all-postbacks view', () => {
    render(<PostbackList {...props} rows={[globalRow, pixel(1)]} all />);
    expect(screen.queryByRole('list', { name: 'Also fires here' })).toBeNull();
    expect(screen.getAllByRole('switch')).toHaveLength(2);
  });

  it('names the event of an event postback from the offer events, not "Event" or "#202"', () => {
    const { rerender } = render(
      <PostbackList {...props} rows={[eventRow]} all={false} eventNames={new Map([[202, 'FTD']])} />,
    );
    expect(screen.getByText('Event: FTD')).toBeTruthy();
    rerender(<PostbackList {...props} rows={[{ ...eventRow, eventName: 'Deposit' }]} all={false} />);
    expect(screen.getByText('Event: Deposit')).toBeTruthy();
    rerender(<PostbackList {...props} rows={[{ ...eventRow, eventId: 0 }]} all={false} />);
    expect(screen.getByText('Event: every event')).toBeTruthy();
  });
});
