import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfferBar } from '../../../components/popup/OfferBar';
import type { OfferView } from '../../../lib/model/offer';
import { ok } from '../../../lib/result';

afterEach(cleanup);

const OFFERS: OfferView[] = [
  { id: 11, name: 'Keto Burn', events: [{ id: 202, name: 'FTD', isDefault: false }] },
  { id: 12, name: 'Glow Serum', events: [] },
  { id: 13, name: 'SureCover Home', events: [] },
];

function setup() {
  const onPick = vi.fn();
  const search = vi.fn(async (text: string) => {
    const items = OFFERS.filter((o) => o.name.toLowerCase().includes(text.toLowerCase()));
    return ok({ items, page: 1, pageSize: 20, total: items.length });
  });
  render(<OfferBar offerId={11} offerName="Keto Burn" source="tab" search={search} onPick={onPick} />);
  return { onPick, search };
}

describe('OfferBar: "Change offer" is a combobox (issue 15.5)', () => {
  it('opens on the first offers with focus in the field; arrows move, Enter picks the whole offer', async () => {
    const { onPick } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Change offer' }));
    const box = await screen.findByRole('combobox', { name: 'Find an offer by name or id' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    await screen.findByRole('option', { name: /Glow Serum/ });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toContain('11');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toContain('12');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(OFFERS[0]);
  });

  it('searches what is typed', async () => {
    const { onPick, search } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Change offer' }));
    const box = await screen.findByRole('combobox', { name: 'Find an offer by name or id' });
    fireEvent.input(box, { target: { value: 'sure' } });
    await waitFor(() => expect(search).toHaveBeenLastCalledWith('sure'));
    fireEvent.click(await screen.findByRole('option', { name: /SureCover Home/ }));
    expect(onPick).toHaveBeenCalledWith(OFFERS[2]);
  });

  it('Escape closes the search and gives focus back to the button', async () => {
    const { onPick } = setup();
    const button = screen.getByRole('button', { name: 'Change offer' });
    fireEvent.click(button);
    const box = await screen.findByRole('combobox', { name: 'Find an offer by name or id' });
    await screen.findByRole('option', { name: /Glow Serum/ });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('combobox')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(onPick).not.toHaveBeenCalled();
  });
});
