import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyValue, type PostbackFormValue } from '../../../components/postback-form/model';
import { ok } from '../../../lib/result';
import { Controlled } from './harness';

const VOLUUM = 'https://abc.voluumtrk.com/postback?cid={sub1}&payout={payout_amount}';

function setup(over: Partial<PostbackFormValue> = {}, props: Partial<Parameters<typeof Controlled>[0]> = {}) {
  const onValue = vi.fn();
  render(<Controlled side="affiliate" initial={{ ...emptyValue(), ...over }} onValue={onValue} {...props} />);
  const url = () => screen.getByLabelText('Postback URL') as HTMLTextAreaElement;
  return { onValue, url, last: () => onValue.mock.lastCall?.[0] as PostbackFormValue };
}

afterEach(cleanup);

describe('PostbackForm', () => {
  it('highlights macros in the URL and lists the checker findings with their message', () => {
    const { url } = setup({
      postbackUrl: 'https://abc.voluumtrk.com/postback?cid={sub1}&tx={transactionid}',
    });
    expect(url().value).toContain('{transactionid}');
    const marks = document.querySelectorAll('.url-field__mirror mark');
    expect([...marks].map((m) => [m.textContent, m.className])).toEqual([
      ['{sub1}', 'tok tok--ok'],
      ['{transactionid}', 'tok tok--error'],
    ]);
    // The mirror is for the eyes only.
    expect(document.querySelector('.url-field__mirror')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('status').textContent).toMatch(/1 error/);
    const item = document.querySelector('[data-rule="macro.typo"]') as HTMLElement;
    expect(item.textContent).toContain('{transaction_id}');
  });

  it('re-checks on every keystroke', () => {
    const { url } = setup();
    fireEvent.input(url(), { target: { value: VOLUUM } });
    expect(screen.getByRole('status').textContent).toBe('No problems found.');
    fireEvent.input(url(), { target: { value: `${VOLUUM}&x={Sub2}` } });
    expect(document.querySelector('[data-rule="macro.case_mismatch"]')).not.toBeNull();
  });

  it('applies a one-click fix and puts the caret after it', () => {
    const { url, last } = setup({ postbackUrl: `${VOLUUM}&tx={transactionid}` });
    const item = document.querySelector('[data-rule="macro.typo"]') as HTMLElement;
    fireEvent.click(within(item).getByRole('button'));
    expect(last().postbackUrl).toBe(`${VOLUUM}&tx={transaction_id}`);
    expect(document.activeElement).toBe(url());
    expect(url().selectionStart).toBe(`${VOLUUM}&tx={transaction_id}`.length);
    expect(document.querySelector('[data-rule="macro.typo"]')).toBeNull();
  });

  it('shows the URL as the tracker receives it, with sample values', () => {
    setup({ postbackUrl: VOLUUM });
    const preview = screen.getByRole('figure', { name: /What your tracker receives/ });
    expect(preview.textContent).toContain(
      'https://abc.voluumtrk.com/postback?cid=cl_7Qz2mX9pLk4vR8sT&payout=12.50',
    );
    expect(within(preview).getByRole('table').textContent).toContain('payout12.50');
  });

  it('keeps HTML code as text in a textarea and never renders it', () => {
    const { last } = setup();
    fireEvent.change(screen.getByLabelText('Delivery method'), { target: { value: 'html' } });
    expect(screen.queryByLabelText('Postback URL')).toBeNull();
    const code = screen.getByLabelText('HTML code') as HTMLTextAreaElement;
    fireEvent.input(code, {
      target: { value: '<img src="https://t.example/p?c={sub1}"><script>alert(1)</script>' },
    });
    expect(last().htmlCode).toContain('<script>');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    // The delay only exists for server postbacks.
    expect(screen.queryByLabelText('Delay (seconds)')).toBeNull();
  });

  it('checks HTML pixel code: each src URL and the macros around it, shown by where they are (issue 15.4)', () => {
    const html =
      '<img src="https://t.example/p?c={sub1}&tx={transactionid}"><script>var s = "{Sub2}";</script>';
    const { last } = setup({ deliveryMethod: 'html', htmlCode: html });
    const typo = document.querySelector('[data-rule="macro.typo"]') as HTMLElement;
    expect(typo.textContent).toContain('URL 1 (img)');
    const cased = document.querySelector('[data-rule="macro.case_mismatch"]') as HTMLElement;
    expect(cased.textContent).toContain('In the code');
    expect(screen.getByLabelText('HTML code').getAttribute('aria-describedby')).toContain('html-findings');
    fireEvent.click(within(typo).getByRole('button'));
    expect(last().htmlCode).toBe(html.replace('{transactionid}', '{transaction_id}'));
  });

  it('offers global offer level only on the network side; CPC removes it and fixes the level', () => {
    const { unmount } = render(<Controlled side="affiliate" initial={emptyValue()} />);
    const levels = () =>
      [...(screen.getByLabelText('Level') as HTMLSelectElement).options].map((o) => o.value);
    expect(levels()).toEqual(['global', 'specific']);
    unmount();
    render(<Controlled side="network" initial={emptyValue()} />);
    expect(levels()).toEqual(['global', 'specific', 'global_offer']);
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'global_offer' } });
    fireEvent.change(screen.getByLabelText('Pixel type'), { target: { value: 'cpc' } });
    // The seed: "When cpc is selected, pixel_level cannot be changed"; CPC fires on one offer's clicks.
    expect(levels()).toEqual(['specific']);
    const level = screen.getByLabelText('Level') as HTMLSelectElement;
    expect(level.value).toBe('specific');
    expect(level.disabled).toBe(true);
    expect(document.getElementById(level.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /level is fixed/,
    );
    fireEvent.change(screen.getByLabelText('Pixel type'), { target: { value: 'conversion' } });
    expect((screen.getByLabelText('Level') as HTMLSelectElement).disabled).toBe(false);
    expect(levels()).toEqual(['global', 'specific', 'global_offer']);
  });

  it('picks an event from the offer’s payout events for event postbacks', async () => {
    const loadEvents = vi.fn(async () =>
      ok([
        { id: 1, name: 'Base', isDefault: true },
        { id: 7, name: 'Deposit', isDefault: false },
      ]),
    );
    const { last } = setup({ offerId: 42 }, { offers: [{ id: 42, name: 'Casino', events: [] }], loadEvents });
    expect(screen.queryByLabelText('Event')).toBeNull();
    fireEvent.change(screen.getByLabelText('Pixel type'), { target: { value: 'event' } });
    const picker = screen.getByLabelText('Event') as HTMLSelectElement;
    await screen.findByRole('option', { name: 'Deposit' });
    expect(loadEvents).toHaveBeenCalledWith(42);
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      'Every event of the offer',
      'Base (base conversion)',
      'Deposit',
    ]);
    fireEvent.change(picker, { target: { value: '7' } });
    expect(last().eventId).toBe(7);
    // Back to conversion: the event no longer applies and is dropped.
    fireEvent.change(screen.getByLabelText('Pixel type'), { target: { value: 'conversion' } });
    expect(last().eventId).toBeUndefined();
  });

  it('shows errors the host passes next to their field', () => {
    setup({}, { errors: { postbackUrl: 'Enter the URL Everflow should call.' } });
    const url = screen.getByLabelText('Postback URL');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    const described = url.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Enter the URL Everflow should call.',
    );
  });
});
