import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplatesScreen } from '../../../components/templates/TemplatesScreen';
import type { Template } from '../../../lib/model/template';
import { template } from '../../lib/templates/fixtures';
import { fakeDrafts } from '../fakes/drafts';
import { fakeTemplates } from '../fakes/templates';

afterEach(cleanup);

function setup(initial: Template[] = [], item?: string) {
  const { api, current } = fakeTemplates(initial);
  const drafts = fakeDrafts();
  const download = vi.fn();
  function Host() {
    const [open, setOpen] = useState(item);
    return (
      <TemplatesScreen
        api={api}
        drafts={drafts.store}
        item={open}
        navigate={setOpen}
        download={download}
        now={() => new Date('2026-11-22T10:00:00Z')}
      />
    );
  }
  render(<Host />);
  return { api, current, drafts, download };
}

describe('TemplatesScreen', () => {
  it('builds a template from the Voluum preset: placeholders, sub slot, tracking-link reminder', async () => {
    const { api } = setup();
    fireEvent.click(await screen.findByRole('button', { name: /^Voluum/ }));
    const dialog = screen.getByRole('dialog', { name: 'Set up the Voluum preset' });
    expect(dialog.textContent).toContain('sub1={clickid}');
    fireEvent.change(within(dialog).getByLabelText('Sub slot that carries your click id'), {
      target: { value: 'sub3' },
    });
    expect(dialog.textContent).toContain('sub3={clickid}');
    // A required placeholder left empty stops it.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use this preset' }));
    expect(within(dialog).getByText('Fill this in.')).toBeTruthy();
    fireEvent.input(within(dialog).getByLabelText('Voluum tracking domain'), {
      target: { value: 'https://abc.voluumtrk.com/' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use this preset' }));

    const url = (await screen.findByLabelText('Postback URL')) as HTMLTextAreaElement;
    expect(url.value).toBe(
      'https://abc.voluumtrk.com/postback?cid={sub3}&payout={payout_amount}&txid={transaction_id}',
    );
    expect((screen.getByLabelText('Template name') as HTMLInputElement).value).toBe('Voluum');
    expect((screen.getByLabelText('Tracker') as HTMLSelectElement).value).toBe('voluum');
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('Saved template “Voluum”.')).toBeTruthy();
    expect(api.save).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Voluum', tracker: 'voluum', deliveryMethod: 'postback', delayMs: 0 }),
    );
  });

  it('refuses to save an incomplete template, says why at the field, and keeps the typing', async () => {
    const { api } = setup([], 'new');
    fireEvent.input(await screen.findByLabelText('Postback URL'), { target: { value: 'abc.example/pb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('Give the template a name.')).toBeTruthy();
    expect(screen.getByText('The URL must start with https:// (or http://).')).toBeTruthy();
    expect(api.importAll).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Postback URL') as HTMLTextAreaElement).value).toBe('abc.example/pb');
  });

  it('duplicates and deletes (after asking)', async () => {
    const { api } = setup([template()]);
    fireEvent.click(await screen.findByRole('button', { name: 'Duplicate Voluum main' }));
    expect(await screen.findByText('Duplicated as “Voluum main (copy)”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Voluum main (copy)' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Voluum main (copy)”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete template' }));
    expect(await screen.findByText('Deleted template “Voluum main (copy)”.')).toBeTruthy();
    expect(api.remove).toHaveBeenCalledWith('copy-1');
  });

  it('exports the library as a JSON download without keys', async () => {
    const { download } = setup([template({ integration: { pixel_id: '1', access_token: 'EAAB-secret' } })]);
    fireEvent.click(await screen.findByRole('button', { name: 'Export templates' }));
    const [name, text] = download.mock.lastCall as [string, string];
    expect(name).toBe('postback-templates-2026-11-22.json');
    expect(JSON.parse(text)).toMatchObject({ format: 'postback-companion/templates', version: 1 });
    expect(text).not.toContain('EAAB-secret');
  });
});

describe('template import', () => {
  const file = (content: unknown, name = 'templates.json') =>
    new File([typeof content === 'string' ? content : JSON.stringify(content)], name, {
      type: 'application/json',
    });
  const envelope = (templates: unknown[]) => ({
    format: 'postback-companion/templates',
    version: 1,
    exportedAt: '2026-11-22T10:00:00.000Z',
    templates,
  });
  async function pick(f: File) {
    const input = (await screen.findByLabelText('Import templates')) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [f] } });
  }

  it('previews new, changed, unchanged and invalid entries with the reason for each invalid one', async () => {
    const existing = [template(), template({ id: 't2', name: 'Same', tracker: 'custom' })];
    const { api } = setup(existing);
    await pick(
      file(
        envelope([
          template({ id: 'x', name: 'Brand new' }),
          template({ notes: 'edited' }),
          existing[1],
          { ...template({ id: 'y', name: 'Broken' }), deliveryMethod: 'smoke' },
        ]),
      ),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Import templates' });
    expect(dialog.textContent).toContain('templates.json: 1 new, 1 changed, 1 unchanged, 1 invalid.');
    expect(dialog.textContent).toContain(
      "row 4: delivery method 'smoke' is not one of postback, html, facebook, tiktok, snapchat, rumble",
    );
    expect(dialog.textContent).toContain('Differs in: notes');
    const overwrite = within(dialog).getByLabelText('Overwrite “Voluum main”') as HTMLInputElement;
    expect(overwrite.checked).toBe(false);
    // Without confirmation only the new entry is written.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 1 template' }));
    expect(await screen.findByText('Imported 1 template. 1 invalid entry skipped.')).toBeTruthy();
    expect(api.importAll).toHaveBeenCalledTimes(1);
    expect(api.importAll).toHaveBeenCalledWith([expect.objectContaining({ name: 'Brand new' })]);
  });

  it('promises only what the save accepts: too-long fields are named in the preview (issue 13, defect 7)', async () => {
    const { api, current } = setup([]);
    await pick(
      file(
        envelope([
          template({ id: 'a', name: 'One' }),
          template({ id: 'b', name: 'x'.repeat(121) }),
          template({ id: 'c', name: 'Three', notes: 'n'.repeat(4001) }),
          template({ id: 'd', name: 'Four' }),
        ]),
      ),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Import templates' });
    expect(dialog.textContent).toContain('2 new, 0 changed, 0 unchanged, 2 invalid.');
    expect(dialog.textContent).toContain('row 2: name is too long (at most 120 characters)');
    expect(dialog.textContent).toContain('row 3: notes is too long (at most 4000 characters)');
    expect(dialog.textContent).not.toMatch(/Too big|expected string/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 2 templates' }));
    expect(await screen.findByText('Imported 2 templates. 2 invalid entries skipped.')).toBeTruthy();
    expect(api.importAll).toHaveBeenCalledTimes(1);
    expect(current().map((t) => t.name)).toEqual(['One', 'Four']);
  });

  it('writes nothing and says so when the background refuses the import', async () => {
    const { api, current } = setup([]);
    vi.mocked(api.importAll).mockResolvedValueOnce({
      ok: false,
      error: {
        kind: 'conflict',
        message: 'Your templates changed since the preview, so nothing was imported.',
      },
    });
    await pick(file(envelope([template({ id: 'a', name: 'One' })])));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 1 template' }));
    expect((await screen.findByRole('alert')).textContent).toContain('nothing was imported');
    expect(current()).toEqual([]);
  });

  it('an import that carries a token says so, masked, and asks to keep or drop it (issue 13, defect 11)', async () => {
    const token = 'EAAGmetaToken-4321';
    const meta = template({
      id: 'm',
      name: 'Meta',
      deliveryMethod: 'facebook',
      integration: {
        pixel_id: '1',
        access_token: token,
        user_data: [{ field: 'password', value: 'pw-secret-000111' }],
      },
    });
    const { api } = setup([]);
    await pick(file(envelope([meta, template({ id: 'x', name: 'Plain' })])));
    const dialog = await screen.findByRole('dialog');
    const group = within(dialog).getByRole('group', { name: 'Tokens and passwords in this file' });
    expect(group.textContent).toContain('What you import carries 2 secrets.');
    expect(group.textContent).toContain('“Meta”: access_token ••••4321');
    expect(group.textContent).toContain('“Meta”: user_data[password] ••••0111');
    expect(dialog.textContent).not.toContain(token);
    const importButton = within(dialog).getByRole('button', { name: 'Import 2 templates' });
    expect(importButton).toHaveProperty('disabled', true);

    fireEvent.click(within(group).getByLabelText('Drop them (enter them in the template later)'));
    fireEvent.click(importButton);
    await screen.findByText(/Imported 2 templates/);
    const [dropped] = vi.mocked(api.importAll).mock.lastCall!;
    expect(JSON.stringify(dropped)).not.toContain(token);
    expect(dropped[0]?.integration).toEqual({ pixel_id: '1', user_data: [] });

    // The same file again, into an empty library: keep sends the token to the background's secret store.
    cleanup();
    const again = setup([]);
    await pick(file(envelope([meta])));
    const d2 = await screen.findByRole('dialog');
    fireEvent.click(within(d2).getByLabelText('Keep them (stored with your API keys)'));
    fireEvent.click(within(d2).getByRole('button', { name: 'Import 1 template' }));
    await screen.findByText(/Imported 1 template/);
    expect(vi.mocked(again.api.importAll).mock.lastCall![0][0]?.integration).toMatchObject({
      access_token: token,
    });
  });

  it('overwrites a changed template only when its box is ticked', async () => {
    const { current } = setup([template()]);
    await pick(file(envelope([template({ notes: 'edited' })])));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Nothing to import' })).toHaveProperty(
      'disabled',
      true,
    );
    fireEvent.click(within(dialog).getByLabelText('Overwrite “Voluum main”'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 1 template' }));
    await screen.findByText(/Imported 1 template/);
    expect(current()).toHaveLength(1);
    expect(current()[0]).toMatchObject({ id: 't1', notes: 'edited' });
  });

  it('refuses a 5 000-level file in the page, before any message (issue 13 defect 6)', async () => {
    const { api } = setup([template()]);
    const deep = `${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const text = JSON.stringify(envelope([template({ id: 'd', name: 'Deep' })])).replace(
      '"notes":""',
      `"notes":"","integration":${deep}`,
    );
    await pick(file(text, 'deep.json'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '“deep.json” cannot be imported: the file is nested too deeply (over 16 levels).',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.importAll).not.toHaveBeenCalled();
  });

  it('refuses a file that is not an export, and one from a newer version, saying why', async () => {
    setup([template()]);
    await pick(file('{"hello": 1}', 'other.json'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '“other.json” cannot be imported: it is not a Postback Companion template export.',
    );
    await pick(file({ ...envelope([]), version: 3 }, 'future.json'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/newer version .*format version 3/),
    );
    await pick(file('not json', 'x.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('the file is not JSON'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('TemplatesScreen: a banner belongs to the action that made it (walk defect 4)', () => {
  it('"Exported 1 template" goes when an import preview opens, and a saved banner when an editor opens', async () => {
    setup([template()]);
    fireEvent.click(await screen.findByRole('button', { name: 'Export templates' }));
    expect(await screen.findByText(/Exported 1 template/)).toBeTruthy();
    const input = (await screen.findByLabelText('Import templates')) as HTMLInputElement;
    const body = JSON.stringify({
      format: 'postback-companion/templates',
      version: 1,
      exportedAt: '2026-11-22T10:00:00.000Z',
      templates: [template({ id: 'x', name: 'Brand new' })],
    });
    fireEvent.change(input, { target: { files: [new File([body], 'templates.json')] } });
    await screen.findByRole('dialog', { name: 'Import templates' });
    expect(screen.queryByText(/Exported 1 template/)).toBeNull();
  });

  it('"Duplicated as …" goes when New template opens', async () => {
    setup([template()]);
    fireEvent.click(await screen.findByRole('button', { name: 'Duplicate Voluum main' }));
    expect(await screen.findByText('Duplicated as “Voluum main (copy)”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    await screen.findByLabelText('Postback URL');
    expect(screen.queryByText('Duplicated as “Voluum main (copy)”.')).toBeNull();
  });
});

describe('preset dialog wording (walk defect 8)', () => {
  it('says the tracking-link instruction once, and shows no research notes', async () => {
    setup();
    fireEvent.click(await screen.findByRole('button', { name: /^Voluum/ }));
    const dialog = screen.getByRole('dialog', { name: 'Set up the Voluum preset' });
    const text = dialog.textContent ?? '';
    expect(text.split('sub1={clickid}')).toHaveLength(2);
    expect(text).not.toContain('seen in real postbacks');
  });
});
