import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RowUrl } from '../../../components/popup/RowUrl';

describe('RowUrl', () => {
  afterEach(cleanup);

  it('opens to the whole URL on click (a button: keys work too), and then copies it', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<RowUrl text="https://trk.test/pb?cid={sub1}">https://trk.test/pb?cid={'{sub1}'}</RowUrl>);
    const url = screen.getByRole('button', { name: 'https://trk.test/pb?cid={sub1}' });
    expect(url.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Copy URL' })).toBeNull();
    fireEvent.click(url);
    expect(url.querySelector('code')?.classList.contains('row__url--open')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Copy URL' }));
    await waitFor(() => expect(screen.getByText('Copied')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith('https://trk.test/pb?cid={sub1}');
    fireEvent.click(url);
    expect(url.getAttribute('aria-expanded')).toBe('false');
  });
});
