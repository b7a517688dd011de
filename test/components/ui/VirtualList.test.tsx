import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualList, WINDOW_FROM } from '../../../components/ui/VirtualList';

afterEach(cleanup);

const items = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1 }));

function List({ rows = items }: { rows?: { id: number }[] }) {
  return (
    <VirtualList
      items={rows}
      keyOf={(r) => r.id}
      estimate={50}
      label="Rows"
      overscan={100}
      renderItem={(r, place) => (
        <li key={r.id} {...place}>
          <button type="button">Switch {r.id}</button> <button type="button">Edit {r.id}</button>
        </li>
      )}
    />
  );
}

describe('VirtualList', () => {
  it('renders only the rows on screen of 10 000, each saying its place in the whole list', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(500);
    render(<List />);
    const list = screen.getByRole('list', { name: 'Rows' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    // The rest of the list is there as height, so the page scrolls as if every row were rendered.
    expect(Number.parseFloat(list.style.paddingBottom)).toBeGreaterThan(9_900 * 50);
  });

  it('moves focus to the same control of the next row, and to the last row with End', async () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(500);
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    render(<List />);
    const edit1 = screen.getByRole('button', { name: 'Edit 1' });
    edit1.focus();
    fireEvent.keyDown(edit1, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Edit 2');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.textContent).toBe('Edit 10000');
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('10000');
    expect(scrollTo).toHaveBeenCalled();
  });
});

describe('VirtualList, a short list', () => {
  it('renders every row up to the window threshold, and arrows still move between rows', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(500);
    render(<List rows={items.slice(0, WINDOW_FROM)} />);
    const list = screen.getByRole('list', { name: 'Rows' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(WINDOW_FROM);
    expect(rows.at(-1)!.getAttribute('aria-posinset')).toBe(String(WINDOW_FROM));
    expect(rows[0]!.getAttribute('aria-setsize')).toBe(String(WINDOW_FROM));
    const edit1 = screen.getByRole('button', { name: 'Edit 1' });
    edit1.focus();
    fireEvent.keyDown(edit1, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Edit 2');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.textContent).toBe(`Edit ${WINDOW_FROM}`);
  });

  it('windows the list one row past the threshold', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(500);
    render(<List rows={items.slice(0, WINDOW_FROM + 1)} />);
    const rows = within(screen.getByRole('list', { name: 'Rows' })).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(WINDOW_FROM);
  });
});

describe('VirtualList, measuring', () => {
  it('measures a row once per item: rendering the same rows again forces no layout', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(500);
    const reads = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(50);
    const { rerender } = render(<List />);
    const first = reads.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    rerender(<List />);
    rerender(<List />);
    expect(reads.mock.calls.length).toBe(first);
    // A changed item (a switched row) is measured again.
    const changed = items.slice();
    changed[0] = { id: 1 };
    rerender(<List rows={changed} />);
    expect(reads.mock.calls.length).toBe(first + 1);
  });
});
