import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplatesScreen } from '../../../components/templates/TemplatesScreen';
import { ok } from '../../../lib/result';
import { template } from '../../lib/templates/fixtures';
import { fakeDrafts } from '../fakes/drafts';
import { fakeTemplates } from '../fakes/templates';

afterEach(cleanup);

describe('TemplatesScreen: the default template', () => {
  it('marks the global default and makes another one the default with one click', async () => {
    const { api } = fakeTemplates([
      template({ id: 'a', name: 'Alpha' }),
      template({ id: 'b', name: 'Beta' }),
    ]);
    const setDefault = vi.fn(async () => ok(true));
    render(
      <TemplatesScreen
        api={{ ...api, defaultId: async () => ok('a'), setDefault }}
        drafts={fakeDrafts().store}
        navigate={() => {}}
      />,
    );
    const alpha = (await screen.findByRole('heading', { name: /Alpha/ })).closest('li')!;
    expect(within(alpha).getByText('Default')).toBeTruthy();
    expect(within(alpha).queryByRole('button', { name: /Make default/ })).toBeNull();
    const beta = screen.getByRole('heading', { name: /Beta/ }).closest('li')!;
    fireEvent.click(within(beta).getByRole('button', { name: 'Make default Beta' }));
    expect(setDefault).toHaveBeenCalledWith('b');
    expect(await within(beta).findByText('Default')).toBeTruthy();
    expect(screen.getByText(/“Beta” is now the default template/)).toBeTruthy();
  });
});
