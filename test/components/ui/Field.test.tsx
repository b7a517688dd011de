import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { describedBy, Field } from '../../../components/ui/Field';

afterEach(cleanup);

describe('Field', () => {
  it('labels its control and ties the hint and the error to it', () => {
    render(
      <Field id="f" label="Name" hint="As the portal shows it" error="Required">
        <input id="f" aria-describedby={describedBy('f', true, 'Required')} />
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.getAttribute('aria-describedby')).toBe('f-hint f-error');
    expect(document.getElementById('f-hint')?.textContent).toBe('As the portal shows it');
    expect(document.getElementById('f-error')?.textContent).toBe('Required');
  });

  it('renders no hint or error line when there is none', () => {
    render(
      <Field id="g" label="Plain">
        <input id="g" aria-describedby={describedBy('g', undefined, undefined)} />
      </Field>,
    );
    expect(screen.getByRole('textbox', { name: 'Plain' }).hasAttribute('aria-describedby')).toBe(false);
    expect(document.querySelector('.hint, .field-error')).toBeNull();
  });
});
