import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MacroPicker } from '../../../components/postback-form/MacroPicker';
import { emptyValue } from '../../../components/postback-form/model';
import { Controlled } from './harness';

afterEach(cleanup);

function open() {
  fireEvent.click(screen.getByRole('button', { name: 'Insert macro' }));
  return screen.getByRole('combobox', { name: 'Search macros' }) as HTMLInputElement;
}
const activeOption = (search: HTMLInputElement) =>
  document.getElementById(search.getAttribute('aria-activedescendant') ?? '');

describe('MacroPicker', () => {
  it('opens a searchable list grouped under headings, with meaning and pixel types per macro', () => {
    render(<MacroPicker onInsert={() => {}} pixelType="cpc" />);
    const button = screen.getByRole('button', { name: 'Insert macro' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const search = open();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(search);
    const list = screen.getByRole('listbox', { name: 'Macros' });
    const groups = within(list).getAllByRole('group');
    expect(groups.length).toBeGreaterThan(5);
    expect(screen.getByRole('group', { name: 'Your sub IDs (tracking link)' })).toBeTruthy();
    const sale = within(list).getByRole('option', { name: /\{sale_amount\}/ });
    expect(sale.textContent).toContain('Filled for: Conversion, Event');
    expect(sale.textContent).toContain('not filled for CPC (paid click) postbacks');
    const idfa = within(list).getByRole('option', { name: /\{idfa\}/ });
    expect(idfa.textContent).toContain('unconfirmed');
    expect(idfa.textContent).not.toContain('UNCONFIRMED');
  });

  it('filters by macro, meaning or group and says when nothing matches', () => {
    render(<MacroPicker onInsert={() => {}} />);
    const search = open();
    fireEvent.input(search, { target: { value: 'payout' } });
    const names = screen.getAllByRole('option').map((o) => o.querySelector('code')?.textContent);
    expect(names).toContain('{payout_amount}');
    expect(names).not.toContain('{sub1}');
    fireEvent.input(search, { target: { value: 'zzz nothing' } });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No macro matches your search.')).toBeTruthy();
  });

  it('moves with the arrow keys, Home and End, and inserts with Enter', () => {
    const onInsert = vi.fn();
    render(<MacroPicker onInsert={onInsert} />);
    const search = open();
    fireEvent.input(search, { target: { value: 'sub' } });
    const first = activeOption(search);
    expect(first?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    const second = activeOption(search);
    expect(second).not.toBe(first);
    expect(second?.getAttribute('aria-selected')).toBe('true');
    expect(first?.getAttribute('aria-selected')).toBe('false');
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    expect(activeOption(search)).toBe(first);
    fireEvent.keyDown(search, { key: 'End' });
    const last = screen.getAllByRole('option').at(-1);
    expect(activeOption(search)).toBe(last);
    fireEvent.keyDown(search, { key: 'Home' });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onInsert).toHaveBeenCalledWith(second?.querySelector('code')?.textContent);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes with Escape and gives focus back to its button', () => {
    const onInsert = vi.fn();
    render(<MacroPicker onInsert={onInsert} />);
    const search = open();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Insert macro' }));
    expect(onInsert).not.toHaveBeenCalled();
  });

  it('inserts at the caret of the URL field and puts the caret after the macro', () => {
    const onValue = vi.fn();
    render(
      <Controlled
        side="affiliate"
        initial={{ ...emptyValue(), postbackUrl: 'https://t.example/pb?cid=&payout={payout_amount}' }}
        onValue={onValue}
      />,
    );
    const url = screen.getByLabelText('Postback URL') as HTMLTextAreaElement;
    const at = url.value.indexOf('&payout');
    url.setSelectionRange(at, at);
    const search = open();
    fireEvent.input(search, { target: { value: 'sub3' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onValue).toHaveBeenLastCalledWith(
      expect.objectContaining({ postbackUrl: 'https://t.example/pb?cid={sub3}&payout={payout_amount}' }),
    );
    expect(document.activeElement).toBe(url);
    expect(url.selectionStart).toBe(at + '{sub3}'.length);
  });

  it('picks with a click too, without losing the list first', () => {
    const onInsert = vi.fn();
    render(<MacroPicker onInsert={onInsert} />);
    open();
    const option = screen.getByRole('option', { name: /\{transaction_id\}/ });
    // The press must not move focus out of the search box (which would close the list).
    expect(fireEvent.mouseDown(option)).toBe(false);
    fireEvent.click(option);
    expect(onInsert).toHaveBeenCalledWith('{transaction_id}');
  });
});
