// @vitest-environment happy-dom
// The one date field: typed as dd-mm-jjjj, handed to the form as YYYY-MM-DD, bad input kept as
// typed (so the form says "Vul een datum in als dd-mm-jjjj"), and a reset from outside shown.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField } from '../../renderer/components/DateField';
import type { ApiClient } from '../../renderer/platform/api';
import { createAppStore } from '../../renderer/store/appStore';
import { StoreProvider } from '../../renderer/store/StoreProvider';

afterEach(() => cleanup());

// The field only reads the language from the store; nothing here calls the core.
const store = createAppStore({} as ApiClient);

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <StoreProvider store={store}>
      <DateField label="Datum" name="datum" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue('2026-01-05')}>
        reset
      </button>
    </StoreProvider>
  );
}

const field = () => screen.getByLabelText('Datum') as HTMLInputElement;
const value = () => screen.getByTestId('value').textContent;

describe('DateField', () => {
  it('is a text field for numbers with the format as its hint, never a native date input', () => {
    render(<Harness initial="2026-12-09" />);
    expect(field().type).toBe('text');
    expect(field().inputMode).toBe('numeric');
    expect(field().value).toBe('09-12-2026');
    expect(screen.getByText(/dd-mm-jjjj/).id).toBe(field().getAttribute('aria-describedby'));
  });

  it('hands the form an ISO date and shows on leaving how it was read', () => {
    render(<Harness />);
    fireEvent.change(field(), { target: { value: '1-2-2026' } });
    expect(value()).toBe('2026-02-01');
    expect(field().value).toBe('1-2-2026');
    fireEvent.blur(field());
    expect(field().value).toBe('01-02-2026');
    expect(value()).toBe('2026-02-01');
  });

  it('keeps bad input as typed: no other day, no empty value', () => {
    render(<Harness initial="2026-12-09" />);
    fireEvent.change(field(), { target: { value: '12/31/2026' } });
    fireEvent.blur(field());
    expect(field().value).toBe('12/31/2026');
    expect(value()).toBe('12/31/2026');
  });

  it('shows a new value from outside (a form reset after saving)', () => {
    render(<Harness />);
    fireEvent.change(field(), { target: { value: '3-3-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'reset' }));
    expect(field().value).toBe('05-01-2026');
  });
});
