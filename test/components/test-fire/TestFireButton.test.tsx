import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestFireButton } from '../../../components/test-fire/TestFireButton';
import { ok } from '../../../lib/result';

afterEach(cleanup);

const api = () => ({
  send: vi.fn(async () =>
    ok({
      outcome: { url: 'u', status: 200, timeMs: 1, redirects: [], headers: {}, body: '' },
      verdict: { kind: 'accepted' as const, headline: 'ok' },
    }),
  ),
  requestHost: vi.fn(async () => true),
});

describe('TestFireButton (editor and template editor)', () => {
  it("tests what the form holds now, naming the template's tracker", async () => {
    const a = api();
    render(
      <TestFireButton
        api={a}
        tracker="voluum"
        value={{
          deliveryMethod: 'postback',
          pixelType: 'conversion',
          htmlCode: '',
          postbackUrl: 'https://x.voluumtrk.com/postback?cid={sub1}',
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send a test' }));
    expect(screen.getByTestId('test-fire-url').textContent).toBe(
      'https://x.voluumtrk.com/postback?cid=cl_7Qz2mX9pLk4vR8sT',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send the test' }));
    await vi.waitFor(() =>
      expect(a.send).toHaveBeenCalledWith(expect.objectContaining({ tracker: 'voluum' })),
    );
  });

  it('is not offered for integrations, which have no URL to test', () => {
    const { container } = render(
      <TestFireButton
        api={api()}
        value={{ deliveryMethod: 'facebook', pixelType: 'conversion', htmlCode: '', postbackUrl: '' }}
      />,
    );
    expect(container.textContent).toBe('');
  });
});
