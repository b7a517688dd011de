import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { networkIntegrationRenderer } from '../../../../components/network/integrations/render';
import type { DeliveryMethod } from '../../../../lib/model/vocabulary';

afterEach(cleanup);

/** The network sub-form of `method`, controlled; `seen()` is the object as the form last emitted it. */
function setup(method: DeliveryMethod, initial: Record<string, unknown> = {}) {
  let last: Record<string, unknown> = initial;
  const render_ = networkIntegrationRenderer('t');
  function Host() {
    const [value, setValue] = useState<Record<string, unknown>>(initial);
    return (
      <form>
        {render_(
          method,
          value,
          (next) => {
            last = next;
            setValue(next);
          },
          {},
        )}
      </form>
    );
  }
  render(<Host />);
  return { seen: () => last };
}

/** The option values of the datalist an input offers. */
function offered(input: HTMLElement): string[] {
  const id = input.getAttribute('list');
  expect(id).toBeTruthy();
  return [...(document.getElementById(id!)?.querySelectorAll('option') ?? [])].map((o) => o.value);
}

describe('Meta sub-form: documented names (issue 15.5)', () => {
  it('offers the standard events and action sources, and still takes a custom event', () => {
    const { seen } = setup('facebook');
    const event = screen.getByLabelText('Event name');
    expect(offered(event)).toEqual(expect.arrayContaining(['Purchase', 'Lead', 'CompleteRegistration']));
    expect(offered(screen.getByLabelText('Action source'))).toEqual(
      expect.arrayContaining(['website', 'app', 'system_generated', 'physical_store']),
    );
    fireEvent.input(event, { target: { value: 'MyOwnEvent' } });
    expect(seen().event_name).toBe('MyOwnEvent');
  });

  it("offers Meta's user_data and custom_data keys on every row, and keeps rows as { field, value }", () => {
    const { seen } = setup('facebook');
    fireEvent.click(screen.getByRole('button', { name: 'Add a User data row' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a Custom data row' }));
    const userKey = screen.getByLabelText('User data row 1 field');
    expect(offered(userKey)).toEqual(
      expect.arrayContaining([
        'em',
        'ph',
        'fbc',
        'fbp',
        'client_ip_address',
        'client_user_agent',
        'external_id',
      ]),
    );
    expect(offered(screen.getByLabelText('Custom data row 1 field'))).toEqual(
      expect.arrayContaining(['value', 'currency']),
    );
    fireEvent.input(userKey, { target: { value: 'em' } });
    fireEvent.input(screen.getByLabelText('User data row 1 value'), { target: { value: '{sub2}' } });
    expect(seen().user_data).toEqual([{ field: 'em', value: '{sub2}' }]);
  });

  it('inserts a macro from the picker into the row value last focused', async () => {
    const { seen } = setup('facebook', { custom_data: [{ field: 'value', value: '' }] });
    screen.getByLabelText('Custom data row 1 value').focus();
    fireEvent.focus(screen.getByLabelText('Custom data row 1 value'));
    fireEvent.click(screen.getByRole('button', { name: 'Insert macro into Custom data' }));
    const search = screen.getByRole('combobox', { name: 'Search macros' });
    fireEvent.input(search, { target: { value: 'payout_amount' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(seen().custom_data).toEqual([{ field: 'value', value: '{payout_amount}' }]));
  });

  it('TikTok and Snapchat offer their own names', () => {
    setup('tiktok');
    expect(offered(screen.getByLabelText('Event name'))).toEqual(expect.arrayContaining(['CompletePayment']));
    fireEvent.click(screen.getByRole('button', { name: 'Add a Properties row' }));
    expect(offered(screen.getByLabelText('Properties row 1 field'))).toEqual(
      expect.arrayContaining(['price', 'currency']),
    );
    cleanup();
    setup('snapchat');
    expect(offered(screen.getByLabelText('Event name'))).toEqual(
      expect.arrayContaining(['PURCHASE', 'SIGN_UP']),
    );
    expect(offered(screen.getByLabelText('Action source'))).toEqual(['WEB', 'MOBILE_APP', 'OFFLINE']);
  });
});

describe('Meta sub-form: checker notes by field and row (issue 15.4)', () => {
  it('shows a macro finding under the row it is about, and a misspelt standard event under the event name', () => {
    setup('facebook', {
      event_name: 'purchase',
      user_data: [
        { field: 'em', value: '{sub2}' },
        { field: 'ph', value: '{transactionid}' },
      ],
    });
    const row2 = screen.getByLabelText('User data row 2 value');
    const noteId = row2.getAttribute('aria-describedby');
    expect(document.getElementById(noteId!)?.textContent).toContain('{transaction_id}');
    expect(screen.getByLabelText('User data row 1 value').getAttribute('aria-describedby')).toBeNull();
    const event = screen.getByLabelText('Event name');
    const described = event.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(described.map((id) => document.getElementById(id)?.textContent).join(' ')).toContain(
      "Meta's standard event is spelt Purchase.",
    );
  });
});

describe('Meta sub-form: the access token (walk defect 8)', () => {
  it('shows a stored token as set, masked, never its value; Replace takes a new one and Keep goes back', async () => {
    const { seen } = setup('facebook', { pixel_id: '1234567890123456', access_token: '••••al01' });
    expect(screen.getByText(/Access token:/).parentElement?.textContent).toContain('Set (••••al01)');
    fireEvent.click(screen.getByRole('button', { name: 'Replace Access token' }));
    const input = screen.getByLabelText('Access token') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(input.value).toBe('');
    fireEvent.input(input, { target: { value: 'EAAGnewtoken' } });
    await waitFor(() => expect(seen().access_token).toBe('EAAGnewtoken'));
    fireEvent.click(screen.getByRole('button', { name: 'Keep the stored token' }));
    await waitFor(() => expect(seen().access_token).toBe('••••al01'));
  });

  it('says "Not set" when there is none and takes one typed', async () => {
    const { seen } = setup('facebook', { pixel_id: '1' });
    expect(document.body.textContent).toContain('Not set.');
    fireEvent.input(screen.getByLabelText('Access token'), { target: { value: 'EAAGtyped' } });
    await waitFor(() => expect(seen().access_token).toBe('EAAGtyped'));
  });
});
