import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleRow } from '../../../components/network/ConsoleRow';
import { PostbackRow } from '../../../components/popup/PostbackRow';
import type { PixelView } from '../../../lib/model/pixel';

afterEach(cleanup);

const noop = () => {};
const globalInactive = (side: 'affiliate' | 'network'): PixelView => ({
  id: 7,
  side,
  status: 'inactive',
  type: 'conversion',
  level: 'global',
  deliveryMethod: 'postback',
  postbackUrl: 'https://trk.example.com/pb?cid={sub1}',
  htmlCode: '',
  delayMs: 0,
  offerId: 0,
  eventId: 0,
});

/** The badge words of a row's first line, in order. */
function badges(container: Element): string[] {
  return [...container.querySelectorAll('.row__meta .badge, .pp-row__meta .badge')].map(
    (b) => b.textContent ?? '',
  );
}

describe('one row vocabulary and order in the popup and the network console (walk defect 8)', () => {
  it('says "Inactive" first and "All offers" for the level in both', () => {
    const popup = render(
      <ul>
        <PostbackRow
          pixel={globalInactive('affiliate')}
          pending={false}
          onToggle={noop}
          onEdit={noop}
          showOffer
        />
      </ul>,
    );
    const fromPopup = badges(popup.container);
    cleanup();
    const console = render(
      <ul>
        <ConsoleRow
          pixel={globalInactive('network')}
          pending={false}
          onToggle={noop}
          onEdit={noop}
          onDelete={noop}
        />
      </ul>,
    );
    expect(fromPopup).toEqual(['Inactive', 'Conversion', 'S2S', 'All offers']);
    expect(badges(console.container)).toEqual(fromPopup);
  });
});
