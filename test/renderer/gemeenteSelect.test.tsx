// @vitest-environment happy-dom
// The gemeente pick list: a native select with the region's centrumgemeente, its other
// gemeenten, the two unknown answers and every other gemeente of the CBS list; it hands the
// form the chosen value and never changes a stored value by showing it.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { GemeenteField, GemeenteSelect } from '../../renderer/components/GemeenteSelect';
import type { Regio } from '../../shared/casework/gemeenten.schema';
import type { ApiClient } from '../../renderer/platform/api';
import { createAppStore } from '../../renderer/store/appStore';
import { StoreProvider } from '../../renderer/store/StoreProvider';

afterEach(() => cleanup());

// The select only reads the language from the store; nothing here calls the core.
const store = () => createAppStore({} as ApiClient);

function Harness({ regio = 'rotterdam', initial = '', error }: { regio?: Regio; initial?: string; error?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <StoreProvider store={store()}>
      <GemeenteField label="Gemeente" name="gemeente" regio={regio} value={value} onChange={setValue} error={error} hint="Waar woont de cliënt?" />
      <output data-testid="value">{value}</output>
    </StoreProvider>
  );
}

const select = () => screen.getByLabelText('Gemeente') as HTMLSelectElement;
const value = () => screen.getByTestId('value').textContent;
const group = (label: string) => select().querySelector(`optgroup[label="${label}"]`) as HTMLOptGroupElement;
const optionTexts = (el: Element) => [...el.querySelectorAll('option')].map((o) => o.textContent);

describe('GemeenteSelect', () => {
  it('is a native select, labelled, with the groups in order and the prompt first', () => {
    render(<Harness />);
    expect(select().tagName).toBe('SELECT');
    expect(select().value).toBe('');
    expect(select().options[0]!.textContent).toBe('Kies een gemeente');
    expect([...select().querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Centrumgemeente', 'Overige gemeenten in de regio', 'Onbekend', 'Buiten de regio']);
    expect(optionTexts(group('Centrumgemeente'))).toEqual(['Rotterdam']);
    const regio = optionTexts(group('Overige gemeenten in de regio'));
    expect(regio).toHaveLength(22);
    expect(regio).toContain('Schiedam');
    expect(optionTexts(group('Onbekend'))).toEqual(['Onbekend', 'Onbekend, wel een gemeente uit de regio']);
    const buiten = optionTexts(group('Buiten de regio'));
    expect(buiten).toHaveLength(342 - 23);
    expect(buiten).toContain('Aa en Hunze');
    expect(buiten).not.toContain('Rotterdam');
    // Every gemeente of the CBS list once, plus the prompt and the two unknown answers.
    expect(select().options).toHaveLength(342 + 3);
  });

  it('hands the form the chosen gemeente and the unknown values as stored', () => {
    render(<Harness />);
    fireEvent.change(select(), { target: { value: 'Vlaardingen' } });
    expect(value()).toBe('Vlaardingen');
    fireEvent.change(select(), { target: { value: 'onbekend-in-regio' } });
    expect(value()).toBe('onbekend-in-regio');
    expect(select().selectedOptions[0]!.textContent).toBe('Onbekend, wel een gemeente uit de regio');
    fireEvent.change(select(), { target: { value: 'onbekend' } });
    expect(value()).toBe('onbekend');
    fireEvent.change(select(), { target: { value: 'Breda' } });
    expect(value()).toBe('Breda');
  });

  it('follows the region: Den Haag has its own centrumgemeente and Rotterdam is outside', () => {
    render(<Harness regio="den-haag" />);
    expect(optionTexts(group('Centrumgemeente'))).toEqual(["'s-Gravenhage"]);
    expect(optionTexts(group('Overige gemeenten in de regio'))).toContain('Rijswijk (ZH.)');
    expect(optionTexts(group('Buiten de regio'))).toContain('Rotterdam');
  });

  it('shows a stored older value as it is, so saving never changes it unasked', () => {
    render(<Harness initial="buiten-regio" />);
    expect(select().selectedOptions[0]!.textContent).toBe('Buiten de regio, gemeente niet bekend');
    expect(value()).toBe('buiten-regio');
    cleanup();
    render(<Harness regio="den-haag" initial="Rijswijk" />);
    expect(select().selectedOptions[0]!.textContent).toBe('Rijswijk (ZH.)');
    expect(value()).toBe('Rijswijk');
  });

  it('the older buiten-regio is not offered for new choices', () => {
    render(<Harness />);
    expect(within(group('Onbekend')).queryByText('Buiten de regio, gemeente niet bekend')).toBeNull();
  });

  it('is wired into the field like SelectField: hint and error are read with it', () => {
    render(<Harness error="Kies een gemeente." />);
    const describedBy = select().getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toEqual(['Waar woont de cliënt?', 'Kies een gemeente.']);
    expect(select().getAttribute('aria-invalid')).toBe('true');
  });

  it('can be labelled by a visible heading elsewhere', () => {
    render(
      <StoreProvider store={store()}>
        <h3 id="kop">Gemeente van de melder</h3>
        <GemeenteSelect id="g" regio="west-brabant" value="" onChange={() => undefined} labelledBy="kop" />
      </StoreProvider>,
    );
    const el = screen.getByRole('combobox', { name: 'Gemeente van de melder' }) as HTMLSelectElement;
    expect(el.querySelector('optgroup[label="Centrumgemeente"]')?.textContent).toBe('Breda');
  });
});
