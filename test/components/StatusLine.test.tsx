import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusLine } from '../../components/StatusLine';
import { err, ok } from '../../lib/result';

afterEach(cleanup);

describe('StatusLine', () => {
  it('shows the version and the profile count from the background', async () => {
    render(<StatusLine load={async () => ok({ version: '1.2.3', profileCount: 2 })} />);
    expect(await screen.findByText('Version 1.2.3 · 2 profiles')).toBeTruthy();
  });

  it('uses the singular and the zero form', async () => {
    const { unmount } = render(<StatusLine load={async () => ok({ version: '1', profileCount: 1 })} />);
    expect(await screen.findByText('Version 1 · 1 profile')).toBeTruthy();
    unmount();
    render(<StatusLine load={async () => ok({ version: '1', profileCount: 0 })} />);
    expect(await screen.findByText('Version 1 · No profiles yet')).toBeTruthy();
  });

  it('shows the error message instead of crashing', async () => {
    render(<StatusLine load={async () => err({ kind: 'internal', message: 'Background is busy.' })} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Background is busy.');
  });
});

describe('StatusLine updates', () => {
  it('reads the status again when told that profiles changed', async () => {
    let count = 1;
    let notify = () => {};
    const load = async () => ok({ version: '2', profileCount: count });
    const subscribe = (changed: () => void) => {
      notify = changed;
      return () => {};
    };
    render(<StatusLine load={load} subscribe={subscribe} />);
    expect(await screen.findByText('Version 2 · 1 profile')).toBeTruthy();
    count = 3;
    act(() => notify());
    expect(await screen.findByText('Version 2 · 3 profiles')).toBeTruthy();
  });
});
