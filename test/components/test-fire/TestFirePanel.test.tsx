import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestFirePanel } from '../../../components/test-fire/TestFirePanel';
import type { TestFireApi } from '../../../components/test-fire/test-fire-api';
import type { TestFireReply } from '../../../lib/postback/test-fire-types';
import { err, ok } from '../../../lib/result';

afterEach(cleanup);

const HTML_BODY =
  '<html><body><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script></body></html>';
const reply = (over: Partial<TestFireReply['outcome']> = {}): TestFireReply => ({
  outcome: {
    url: 'https://trk.example.com/pb',
    status: 200,
    timeMs: 42,
    redirects: [],
    headers: {},
    body: '',
    ...over,
  },
  verdict: { kind: 'accepted', headline: 'The tracker answered 200 with an empty body: accepted.' },
});

function api(overrides: Partial<TestFireApi> = {}): TestFireApi {
  return { send: vi.fn(async () => ok(reply())), requestHost: vi.fn(async () => true), ...overrides };
}

describe('TestFirePanel', () => {
  it('shows exactly what will be sent, with sample values and a real click id', () => {
    render(
      <TestFirePanel
        api={api()}
        source={{ postbackUrl: 'https://trk.example.com/pb?cid={sub1}&p={payout_amount}' }}
      />,
    );
    expect(screen.getByTestId('test-fire-url').textContent).toBe(
      'https://trk.example.com/pb?cid=cl_7Qz2mX9pLk4vR8sT&p=12.50',
    );
    fireEvent.input(screen.getByLabelText(/Click id/), { target: { value: 'REAL123' } });
    expect(screen.getByTestId('test-fire-url').textContent).toBe(
      'https://trk.example.com/pb?cid=REAL123&p=12.50',
    );
    fireEvent.input(screen.getByLabelText('{payout_amount}'), { target: { value: '1.00' } });
    expect(screen.getByTestId('test-fire-url').textContent).toContain('p=1.00');
    expect(screen.getByText(/may record this as a real conversion/)).toBeTruthy();
  });

  it('is busy from the click on: a second click during the permission prompt sends nothing more', async () => {
    let answer: (granted: boolean) => void = () => {};
    const a = api({ requestHost: vi.fn(() => new Promise<boolean>((r) => (answer = r))) });
    render(<TestFirePanel api={a} source={{ postbackUrl: 'https://trk.example.com/pb?cid={sub1}' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send the test' }));
    const button = await screen.findByRole('button', { name: 'Sending…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(button);
    expect(a.requestHost).toHaveBeenCalledTimes(1);
    answer(true);
    expect(await screen.findByText(/accepted\./)).toBeTruthy();
    expect(a.send).toHaveBeenCalledTimes(1);
  });

  it('asks for the host permission from the click, then sends the rendered URL', async () => {
    const a = api();
    render(
      <TestFirePanel
        api={a}
        source={{ postbackUrl: 'https://trk.example.com/pb?cid={sub1}', tracker: 'voluum' }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send the test' }));
    expect(a.requestHost).toHaveBeenCalledWith('https://trk.example.com/*');
    expect(await screen.findByText(/accepted\./)).toBeTruthy();
    expect(a.send).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'https://trk.example.com/pb?cid=cl_7Qz2mX9pLk4vR8sT',
        tracker: 'voluum',
      }),
    );
  });

  it('says what to do when the permission is refused, and sends nothing', async () => {
    const a = api({ requestHost: vi.fn(async () => false) });
    render(<TestFirePanel api={a} source={{ postbackUrl: 'https://trk.example.com/pb' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send the test' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /did not allow trk\.example\.com.*choose Allow/,
    );
    expect(a.send).not.toHaveBeenCalled();
  });

  it('asks once about http and a private address together, without asking the browser first', async () => {
    const a = api();
    render(<TestFirePanel api={a} source={{ postbackUrl: 'http://127.0.0.1:9100/ok/pb' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send the test' }));
    const question = screen.getByRole('alert').textContent;
    expect(question).toMatch(/plain http/);
    expect(question).toMatch(/private-network/);
    expect(a.requestHost).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Send anyway' }));
    expect(a.requestHost).toHaveBeenCalledWith('http://127.0.0.1/*');
    await screen.findByText(/accepted\./);
    expect(a.send).toHaveBeenCalledWith(
      expect.objectContaining({ confirmed: { http: true, privateHost: true } }),
    );
  });

  it('shows an HTML body as text and never renders it', async () => {
    const a = api({
      send: vi.fn(async () =>
        ok({
          ...reply({ body: HTML_BODY, headers: { 'content-type': 'text/html' } }),
          verdict: { kind: 'unclear' as const, headline: '200 with a web page.' },
        }),
      ),
    });
    const { container } = render(
      <TestFirePanel api={a} source={{ postbackUrl: 'https://trk.example.com/pb' }} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send the test' }));
    const body = await screen.findByTestId('test-fire-body');
    expect(body.textContent).toBe(HTML_BODY);
    expect(container.querySelector('img, script, iframe')).toBeNull();
  });

  it('offers each URL of an HTML pixel', () => {
    render(
      <TestFirePanel
        api={api()}
        source={{
          htmlCode:
            '<img src="https://a.example.com/p?t={transaction_id}"><iframe src="https://b.example.com/f"></iframe>',
        }}
      />,
    );
    expect(screen.getByTestId('test-fire-url').textContent).toMatch(/^https:\/\/a\.example\.com\/p\?t=/);
    fireEvent.click(screen.getByRole('button', { name: 'URL 2 (iframe)' }));
    expect(screen.getByTestId('test-fire-url').textContent).toBe('https://b.example.com/f');
  });

  it('shows the background refusal, e.g. an Everflow host needing confirmation', async () => {
    const a = api({
      send: vi.fn(async () =>
        err({ kind: 'needs_confirmation', field: 'everflowHost', message: 'x is an Everflow API address' }),
      ),
    });
    render(<TestFirePanel api={a} source={{ postbackUrl: 'https://api.acme.com/pb' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send the test' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Everflow API address/);
  });
});
