import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CreatePanelShell } from '../../../components/popup/CreatePanelShell';
import type { Template } from '../../../lib/model/template';

function template(id: string, name: string, postbackUrl: string): Template {
  return {
    id,
    name,
    side: 'affiliate',
    tracker: 'custom',
    deliveryMethod: 'postback',
    pixelType: 'conversion',
    level: 'specific',
    postbackUrl,
    htmlCode: '',
    delayMs: 0,
    notes: '',
    description: '',
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('CreatePanelShell', () => {
  afterEach(cleanup);

  it('stands in for the panel: the default template, its URL, and controls that cannot be used yet', () => {
    const templates = [
      template('a', 'Voluum', 'https://a.example/pb?cid={sub1}'),
      template('b', 'RedTrack', 'https://b.example/pb?clickid={sub1}&sum={payout_amount}'),
    ];
    render(<CreatePanelShell templates={templates} defaultTemplateId="b" />);
    const select = screen.getByRole('combobox', { name: 'Template' }) as HTMLSelectElement;
    expect(select.value).toBe('b');
    expect(select.disabled).toBe(true);
    expect(screen.getByText('https://b.example/pb?clickid={sub1}&sum={payout_amount}')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Create postback' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    const region = screen.getByRole('region', { name: 'New postback' });
    expect(region.getAttribute('aria-busy')).toBe('true');
    // No working "Customize" toggle: a click on it would be lost when the real panel replaces the stand-in.
    expect(region.querySelector('summary, details')).toBeNull();
  });

  it('falls back to the first template, and shows nothing without templates', () => {
    const { container, rerender } = render(
      <CreatePanelShell
        templates={[template('a', 'Voluum', 'https://a.example/pb')]}
        defaultTemplateId="gone"
      />,
    );
    expect((screen.getByRole('combobox', { name: 'Template' }) as HTMLSelectElement).value).toBe('a');
    rerender(<CreatePanelShell templates={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
