import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { TemplatesScreen } from '../../../components/templates/TemplatesScreen';
import { fakeDrafts } from '../fakes/drafts';
import { fakeTemplates } from '../fakes/templates';

afterEach(cleanup);

// The template library stores network-side templates too: level, delivery method and integration settings.
describe('network templates', () => {
  it('keep their level, delivery method, integration settings (numbers as numbers) and description', async () => {
    const { api, current } = fakeTemplates();
    function Host() {
      const [open, setOpen] = useState<string | undefined>('new');
      return <TemplatesScreen api={api} drafts={fakeDrafts().store} item={open} navigate={setOpen} />;
    }
    render(<Host />);
    fireEvent.input(await screen.findByLabelText('Template name'), { target: { value: 'Rumble leads' } });
    fireEvent.change(screen.getByLabelText('For'), { target: { value: 'network' } });
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'global_offer' } });
    fireEvent.change(screen.getByLabelText('Delivery method'), { target: { value: 'rumble' } });
    fireEvent.input(screen.getByLabelText('Rumble integration id'), { target: { value: '9901' } });
    fireEvent.input(screen.getByLabelText('Conversion action id'), { target: { value: '4412' } });
    fireEvent.input(screen.getByLabelText('Conversion action name'), { target: { value: 'Lead' } });
    fireEvent.input(screen.getByLabelText('Description'), { target: { value: 'Rumble Ads leads' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(current()).toHaveLength(1));
    expect(current()[0]).toMatchObject({
      name: 'Rumble leads',
      side: 'network',
      level: 'global_offer',
      deliveryMethod: 'rumble',
      description: 'Rumble Ads leads',
      integration: {
        network_affiliate_integration_rumble_id: 9901,
        conversion_action_id: 4412,
        conversion_action_name: 'Lead',
      },
    });
  });
});
