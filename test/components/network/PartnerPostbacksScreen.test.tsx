import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartnerPostbacksScreen } from '../../../components/network/PartnerPostbacksScreen';
import type { PixelView } from '../../../lib/model/pixel';
import type { Template } from '../../../lib/model/template';
import { fakeDrafts } from '../fakes/drafts';
import { fakePartnerPostbacks, pixelView } from '../fakes/partner-postbacks';

afterEach(cleanup);

function setup(rows: PixelView[] = [], item?: string, templates: Template[] = []) {
  const fake = fakePartnerPostbacks(rows, templates);
  const drafts = fakeDrafts();
  function Host() {
    const [open, setOpen] = useState(item);
    return <PartnerPostbacksScreen api={fake.api} drafts={drafts.store} item={open} navigate={setOpen} />;
  }
  render(<Host />);
  return fake;
}

/** Pick `name` in the combobox labelled `label`. */
async function pick(label: string, text: string, name: RegExp) {
  const box = await screen.findByRole('combobox', { name: label });
  fireEvent.input(box, { target: { value: text } });
  fireEvent.click(await screen.findByRole('option', { name }));
}

describe('PartnerPostbacksScreen: the console', () => {
  it('lists partner postbacks with partner and offer names, and loads more pages', async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      pixelView({
        id: 1001 + i,
        description: `Postback ${i}`,
        ...(i === 0 ? { level: 'global_offer' } : {}),
      }),
    );
    // A window tall enough for every loaded row: the list renders only what is on screen.
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(4000);
    const { api } = setup(rows);
    const list = await screen.findByRole('list', { name: 'Partner postbacks' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(25);
    const first = list.querySelector('[data-pixel-id="1001"]') as HTMLElement;
    expect(first.textContent).toContain('All partners');
    expect(first.textContent).toContain('Keto Burn - US - CPA');
    expect(list.querySelector('[data-pixel-id="1002"]')?.textContent).toContain('Demo Partner');
    expect(screen.getByText('Showing 25 of 30.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(30));
    expect(api.search).toHaveBeenLastCalledWith('net', {}, 2, 25);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('lists the rows of the loaded pages that could not be read, naming id and field', async () => {
    const fake = setup([pixelView({ id: 1 }), pixelView({ id: 2 })]);
    vi.mocked(fake.api.search).mockResolvedValueOnce({
      ok: true,
      value: {
        items: [pixelView({ id: 1 })],
        page: 1,
        pageSize: 25,
        total: 2,
        unreadable: [{ id: 2, field: 'pixel_type' }],
      },
    });
    expect((await screen.findByText(/could not be read/)).textContent).toBe(
      '1 postback could not be read: #2, pixel_type',
    );
    expect(screen.getAllByRole('switch')).toHaveLength(1);
  });

  it("names an event postback's event from its offer's events, once per offer (issue 15.4)", async () => {
    const { api } = setup([
      pixelView({ id: 1, type: 'event', eventId: 202 }),
      pixelView({ id: 2, type: 'event', eventId: 201 }),
      pixelView({ id: 3, type: 'event', eventId: 202, eventName: 'Deposit' }),
    ]);
    const list = await screen.findByRole('list', { name: 'Partner postbacks' });
    await waitFor(() =>
      expect(list.querySelector('[data-pixel-id="1"]')?.textContent).toContain('Event: FTD'),
    );
    expect(list.querySelector('[data-pixel-id="2"]')?.textContent).toContain('Event: Base');
    expect(list.querySelector('[data-pixel-id="3"]')?.textContent).toContain('Event: Deposit');
    expect(list.textContent).not.toContain('#202');
    expect(api.offer).toHaveBeenCalledTimes(1);
  });

  it('searches with the text and two filters', async () => {
    const { api } = setup([
      pixelView({ id: 1, description: 'Keto S2S', status: 'inactive' }),
      pixelView({ id: 2, description: 'Keto HTML', deliveryMethod: 'html' }),
    ]);
    await screen.findByRole('list', { name: 'Partner postbacks' });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'inactive' } });
    fireEvent.change(screen.getByLabelText('Delivery method'), { target: { value: 'postback' } });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search partner postbacks' }), {
      target: { value: 'keto' },
    });
    await waitFor(() =>
      expect(api.search).toHaveBeenLastCalledWith(
        'net',
        { text: 'keto', status: 'inactive', deliveryMethod: 'postback' },
        1,
        25,
      ),
    );
    expect(await screen.findByText('1 partner postback')).toBeTruthy();
  });

  it('switches a postback in one click and deletes one after a confirmation that names it', async () => {
    const { current } = setup([pixelView({ id: 1039, description: 'Harbor Social: Meta CAPI' })]);
    const toggle = await screen.findByRole('switch', { name: 'Postback 1039' });
    fireEvent.click(toggle);
    await waitFor(() => expect(current()[0]?.status).toBe('inactive'));
    expect(toggle.getAttribute('aria-checked')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: 'Delete postback 1039' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete partner postback #1039?' });
    expect(dialog.textContent).toContain('“Harbor Social: Meta CAPI” (Demo Partner · Keto Burn - US - CPA)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete postback' }));
    await screen.findByText('Deleted partner postback #1039.');
    expect(current()).toEqual([]);
    expect(screen.queryByRole('switch', { name: 'Postback 1039' })).toBeNull();
  });
});

describe('PartnerPostbacksScreen: create and edit', () => {
  it('catches rule violations at the fields before any request', async () => {
    const { api } = setup([], 'new');
    const create = await screen.findByRole('button', { name: 'Create partner postback' });
    fireEvent.input(screen.getByLabelText('Delay (seconds)'), { target: { value: '301' } });
    fireEvent.click(create);
    await screen.findByText('Enter the URL Everflow should call.');
    expect(screen.getByText('Enter a delay from 0 to 300 seconds.')).toBeTruthy();
    expect(screen.getByText('Choose the partner.')).toBeTruthy();
    expect(screen.getByText(/Choose the offer/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Partner' }).getAttribute('aria-invalid')).toBe('true');
    expect(api.create).not.toHaveBeenCalled();

    // CPC removes "global offer" and fixes the level.
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'global_offer' } });
    expect(screen.queryByRole('combobox', { name: 'Partner' })).toBeNull();
    expect(screen.getByText('All partners (sent as 0)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Pixel type'), { target: { value: 'cpc' } });
    const level = screen.getByLabelText('Level') as HTMLSelectElement;
    expect(level.value).toBe('specific');
    expect(level.disabled).toBe(true);
    expect([...level.options].map((o) => o.value)).toEqual(['specific']);
    expect(api.create).not.toHaveBeenCalled();
  });

  it('creates a Meta postback with every field of its object, numbers as numbers', async () => {
    const { created } = setup([], 'new');
    await screen.findByRole('button', { name: 'Create partner postback' });
    fireEvent.change(screen.getByLabelText('Delivery method'), { target: { value: 'facebook' } });
    await pick('Partner', 'harbor', /Harbor Social/);
    await pick('Offer', 'glow', /GlowSerum/);
    fireEvent.click(screen.getByRole('button', { name: 'Create partner postback' }));
    // The integration id is required on create, at its own field.
    expect((await screen.findByLabelText('Meta integration id')).getAttribute('aria-invalid')).toBe('true');
    expect(created).toEqual([]);

    const set = (label: string, value: string) =>
      fireEvent.input(screen.getByLabelText(label), { target: { value } });
    set('Meta integration id', '5501');
    set('Pixel id', '1234567890');
    set('Event name', 'Purchase');
    set('Event id', 'evt');
    set('Action source', 'website');
    set('Event source URL', 'https://glow.example/checkout');
    fireEvent.click(screen.getByRole('button', { name: 'Add a User data row' }));
    set('User data row 1 field', 'email');
    set('User data row 1 value', 'adv1');
    fireEvent.click(screen.getByRole('button', { name: 'Add a Custom data row' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a Custom data row' }));
    set('Custom data row 2 field', 'value');
    set('Custom data row 2 value', 'payout');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Custom data row 1' }));
    set('Description', 'Harbor: Meta CAPI');
    fireEvent.click(screen.getByRole('button', { name: 'Create partner postback' }));
    await screen.findByText(/Created partner postback #2000 \(Harbor Social · GlowSerum US\)/);
    expect(created).toEqual([
      {
        deliveryMethod: 'facebook',
        type: 'conversion',
        level: 'specific',
        status: 'active',
        delayMs: 0,
        offerId: 13,
        affiliateId: 14,
        description: 'Harbor: Meta CAPI',
        integration: {
          network_affiliate_integration_facebook_business_id: 5501,
          pixel_id: '1234567890',
          event_name: 'Purchase',
          event_id: 'evt',
          action_source: 'website',
          event_source_url: 'https://glow.example/checkout',
          user_data: [{ field: 'email', value: 'adv1' }],
          custom_data: [{ field: 'value', value: 'payout' }],
        },
      },
    ]);
    // Stamping: the settings stay, the offer is cleared for the next one.
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Offer' }) as HTMLInputElement).value).toBe(''),
    );
    expect((screen.getByLabelText('Pixel id') as HTMLInputElement).value).toBe('1234567890');
  });

  it('a create Everflow never confirmed offers "Check again", which finds it without re-sending', async () => {
    const fake = setup([], 'new');
    const unknown = { kind: 'unknown_outcome', message: 'Everflow did not confirm it.', knownIds: [7] };
    vi.mocked(fake.api.create).mockResolvedValueOnce({ ok: false, error: unknown });
    await screen.findByRole('button', { name: 'Create partner postback' });
    fireEvent.change(screen.getByLabelText('Delivery method'), { target: { value: 'html' } });
    fireEvent.input(screen.getByLabelText(/HTML code/), {
      target: { value: '<img src="https://t.example/p">' },
    });
    await pick('Partner', 'harbor', /Harbor Social/);
    await pick('Offer', 'glow', /GlowSerum/);
    fireEvent.click(screen.getByRole('button', { name: 'Create partner postback' }));
    expect((await screen.findByRole('alert')).textContent).toContain('did not confirm');
    const late = pixelView({ id: 3000, offerId: 13, affiliateId: 14, affiliateName: 'Harbor Social' });
    vi.mocked(fake.api.findCreated).mockResolvedValueOnce({
      ok: true,
      value: { pixel: late, recovered: true },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByText(/#3000 .*was saved after all; nothing was sent twice/);
    expect(fake.api.findCreated).toHaveBeenCalledWith(
      'net',
      expect.objectContaining({ deliveryMethod: 'html', offerId: 13, affiliateId: 14 }),
      [7],
    );
    expect(fake.api.create).toHaveBeenCalledTimes(1);
  });

  it("warns of a double count when the partner's active global postback sends to the same host (issue 15.4)", async () => {
    setup(
      [
        pixelView({
          id: 77,
          level: 'global',
          offerId: 0,
          postbackUrl: 'https://trk.example.com/pb?cid={sub1}',
        }),
        pixelView({
          id: 78,
          level: 'global',
          offerId: 0,
          affiliateId: 3,
          postbackUrl: 'https://trk.example.com/x',
        }),
      ],
      'new',
    );
    await screen.findByRole('button', { name: 'Create partner postback' });
    fireEvent.input(screen.getByLabelText('Postback URL'), {
      target: { value: 'https://trk.example.com/other?cid={sub2}' },
    });
    await pick('Partner', 'demo', /Demo Partner/);
    const warning = await screen.findByText(/Likely double count/, {}, { timeout: 2000 });
    expect(warning.textContent).toContain('#77');
    expect(warning.textContent).not.toContain('#78');
    await pick('Partner', 'harbor', /Harbor Social/);
    await waitFor(() => expect(screen.queryByText(/Likely double count/)).toBeNull());
  });

  it('starts from a network template and keeps the picked partner', async () => {
    const template: Template = {
      id: 't1',
      name: 'Rumble lead',
      side: 'network',
      tracker: 'custom',
      deliveryMethod: 'rumble',
      pixelType: 'conversion',
      level: 'global',
      postbackUrl: '',
      htmlCode: '',
      delayMs: 0,
      notes: '',
      description: 'Rumble Ads lead',
      integration: { network_affiliate_integration_rumble_id: 9901, conversion_action_id: 4412 },
      createdAt: 1,
      updatedAt: 1,
    };
    const { created } = setup([], 'new', [template]);
    await pick('Partner', 'north', /Northwind/);
    fireEvent.change(screen.getByLabelText('Start from a network template'), { target: { value: 't1' } });
    expect((screen.getByLabelText('Conversion action id') as HTMLInputElement).value).toBe('4412');
    expect(screen.getByText('All offers (sent as 0)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create partner postback' }));
    await screen.findByText(/Created partner postback/);
    expect(created[0]).toMatchObject({
      deliveryMethod: 'rumble',
      level: 'global',
      affiliateId: 3,
      description: 'Rumble Ads lead',
      integration: { network_affiliate_integration_rumble_id: 9901, conversion_action_id: 4412 },
    });
  });

  it('edits with the tracker rules of a saved template to the same host (issue 15.4)', async () => {
    const template: Template = {
      id: 't1',
      name: 'Voluum on our domain',
      side: 'network',
      tracker: 'voluum',
      deliveryMethod: 'postback',
      pixelType: 'conversion',
      level: 'specific',
      postbackUrl: 'https://trk.mydomain.com/postback?cid={sub1}',
      htmlCode: '',
      delayMs: 0,
      notes: '',
      description: '',
      createdAt: 1,
      updatedAt: 1,
    };
    const url = 'https://trk.mydomain.com/postback?clickid={sub1}';
    setup([pixelView({ id: 1043, postbackUrl: url })], '1043', [template]);
    await screen.findByLabelText('Description');
    await waitFor(() =>
      expect(document.querySelector('[data-rule="tracker.required_param_missing"]')?.textContent).toContain(
        'Voluum expects cid=',
      ),
    );
  });

  it('edits with the same form and goes back to the list', async () => {
    const { updated } = setup([pixelView({ id: 1042, description: 'Old text' })], '1042');
    const description = (await screen.findByLabelText('Description')) as HTMLInputElement;
    expect(description.value).toBe('Old text');
    expect((screen.getByRole('combobox', { name: 'Partner' }) as HTMLInputElement).value).toBe(
      'Demo Partner (#7)',
    );
    fireEvent.input(description, { target: { value: 'New text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save partner postback' }));
    await screen.findByText('Saved partner postback #1042.');
    expect(updated).toEqual([
      { id: 1042, draft: expect.objectContaining({ description: 'New text', offerId: 11 }) },
    ]);
    expect(await screen.findByRole('switch', { name: 'Postback 1042' })).toBeTruthy();
  });
});
