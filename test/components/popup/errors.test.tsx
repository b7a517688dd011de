import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionError } from '../../../components/popup/errors';

describe('ActionError', () => {
  afterEach(cleanup);

  it('gives the reach advice for a timeout that may have been sent', () => {
    render(
      <ActionError
        error={{ kind: 'timeout', message: 'Everflow did not answer in time.' }}
        apiHost="everflow"
      />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/offline or Everflow is not answering/);
  });

  it('gives no reach advice for a request provably not sent (a busy rate limit): Everflow was never asked', () => {
    render(
      <ActionError
        error={{
          kind: 'timeout',
          message: "Everflow's rate limit for this key is busy; try again in 12 s. Nothing was sent.",
          unsent: true,
        }}
        apiHost="everflow"
        draftKept
      />,
    );
    const text = screen.getByRole('alert').textContent ?? '';
    expect(text).toMatch(/rate limit for this key is busy/);
    expect(text).not.toMatch(/offline/);
  });
});
