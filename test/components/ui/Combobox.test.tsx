import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Combobox, type ComboOption } from '../../../components/ui/Combobox';
import { ok } from '../../../lib/result';

afterEach(cleanup);

const PARTNERS: ComboOption[] = [
  { id: 3, name: 'Northwind Media' },
  { id: 7, name: 'Demo Partner' },
  { id: 14, name: 'Harbor Social' },
];

function setup(initial?: ComboOption) {
  const search = vi.fn(async (text: string) =>
    ok(PARTNERS.filter((p) => p.name.toLowerCase().includes(text.toLowerCase()) || String(p.id) === text)),
  );
  const changes: (ComboOption | undefined)[] = [];
  function Host() {
    const [value, setValue] = useState(initial);
    return (
      <Combobox
        id="partner"
        label="Partner"
        value={value}
        search={search}
        delayMs={0}
        onChange={(v) => {
          changes.push(v);
          setValue(v);
        }}
      />
    );
  }
  render(<Host />);
  return { search, changes, input: screen.getByRole('combobox', { name: 'Partner' }) as HTMLInputElement };
}

describe('Combobox', () => {
  it('searches as you type and picks with the keyboard', async () => {
    const { search, changes, input } = setup();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.input(input, { target: { value: 'a' } });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    expect(search).toHaveBeenLastCalledWith('a');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('status').textContent).toMatch(/3 results/);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = screen.getAllByRole('option')[1]!;
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(active.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(changes).toEqual([{ id: 7, name: 'Demo Partner' }]);
    expect(input.value).toBe('Demo Partner (#7)');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape closes and puts the chosen value back; an emptied field clears the choice', async () => {
    const { changes, input } = setup({ id: 14, name: 'Harbor Social' });
    expect(input.value).toBe('Harbor Social (#14)');
    fireEvent.input(input, { target: { value: 'north' } });
    await screen.findByRole('option', { name: /Northwind/ });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('Harbor Social (#14)');
    expect(changes).toEqual([]);
    fireEvent.input(input, { target: { value: '' } });
    fireEvent.blur(input);
    expect(changes).toEqual([undefined]);
  });

  it('ArrowDown opens the full list; a click on an option picks it', async () => {
    const { changes, input } = setup();
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.click(await screen.findByRole('option', { name: /Northwind/ }));
    expect(changes).toEqual([{ id: 3, name: 'Northwind Media' }]);
  });
});
