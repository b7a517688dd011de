import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { UndoToast } from '../../../components/popup/UndoToast';
import { err, ok } from '../../../lib/result';
import { fakeApi } from './fake-api';

describe('the popup’s Undo toast', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('after a toggle, offers Undo for that postback', async () => {
    const api = fakeApi();
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Postback 2' }));
    const toast = (await screen.findByText(/Switched postback #2 off/)).closest('.undo-toast');
    expect(toast?.getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone.')).toBeTruthy();
    expect(api.undoLatest).toHaveBeenCalledWith('p', 2, false);
  });

  it('asks before undoing over a later change, then confirms', async () => {
    const onUndo = vi
      .fn()
      .mockResolvedValueOnce(err({ kind: 'changed', message: 'Postback 2 has changed since this write.' }))
      .mockResolvedValueOnce(ok({ message: 'Postback 2 is back as it was.' }));
    render(<UndoToast text="Saved postback #2." onUndo={onUndo} onDone={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo anyway' }));
    expect(await screen.findByText('Postback 2 is back as it was.')).toBeTruthy();
    expect(onUndo.mock.calls).toEqual([[false], [true]]);
  });

  it('goes away after a few seconds', async () => {
    vi.useFakeTimers();
    const onDone = vi.fn();
    render(<UndoToast text="Deleted postback #3." onUndo={vi.fn()} onDone={onDone} timeoutMs={5000} />);
    await act(() => {
      vi.advanceTimersByTime(4999);
    });
    expect(onDone).not.toHaveBeenCalled();
    await act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(onDone).toHaveBeenCalledOnce();
  });
});
