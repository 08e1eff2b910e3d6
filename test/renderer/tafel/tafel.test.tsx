// @vitest-environment happy-dom
// The Regionale Tafel area in the renderer: the interval bar chart (solid to what is certain, light
// to what is possible, an open end dashed, the same figures in its table), and against a real core
// and a real encrypted vault the privacy officer's settings (k = 2 refused with the core's message
// on the field and focus on it, nothing saved; k = 3 saved and announced), a preview whose data is
// dropped on lock, and a cancelled save. Everything here is synthetic.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BalkGrafiek } from '../../../renderer/features/tafel/BalkGrafiek';
import { StoreProvider } from '../../../renderer/store/StoreProvider';
import { tafelVault } from './setup';

const t = tafelVault();
const { s, renderApp } = t;

describe('BalkGrafiek', () => {
  it('draws an exact count solid, an interval solid then light, an open interval with a dashed light end; the table says the same', () => {
    render(
      <StoreProvider store={t.store()}>
        <BalkGrafiek
          titel="Meldingen per vorm"
          staven={[
            { id: 'a', label: 'Exact', min: 40, max: 40, toon: '40' },
            { id: 'b', label: 'Interval', min: 12, max: 16, toon: '12–16' },
            { id: 'c', label: 'Open', min: 5, max: null, toon: '≥ 5' },
            { id: 'd', label: 'Nul', min: 0, max: 0, toon: '0' },
          ]}
        />
      </StoreProvider>,
    );
    const svg = document.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    const bar = (id: string) => svg.querySelector(`[data-staaf="${id}"]`)!;
    expect(bar('a').querySelectorAll('.kk-tafel-grafiek__vast')).toHaveLength(1);
    expect(bar('a').querySelectorAll('.kk-tafel-grafiek__los')).toHaveLength(0);
    const vast = Number(bar('b').querySelector('.kk-tafel-grafiek__vast')!.getAttribute('width'));
    const los = Number(bar('b').querySelector('.kk-tafel-grafiek__los')!.getAttribute('width'));
    // 12 certain, 4 more possible: the light part is a third of the solid one.
    expect(los / vast).toBeCloseTo(4 / 12, 5);
    expect(Number(bar('a').querySelector('.kk-tafel-grafiek__vast')!.getAttribute('width')) / vast).toBeCloseTo(40 / 12, 5);
    expect(bar('c').querySelector('.kk-tafel-grafiek__los--open')).not.toBeNull();
    expect(bar('d').querySelectorAll('rect')).toHaveLength(0);
    const table = screen.getByRole('table', { name: 'Meldingen per vorm: de getallen' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['40', '40', '40'],
      ['12–16', '12', '16'],
      ['≥ 5', '5', 'geen grens'],
      ['0', '0', '0'],
    ]);
  });
});

describe('the privacy officer’s settings', () => {
  it('k = 2 is refused with the core’s message on the field and focus on it, nothing saved; k = 3 is saved and announced', async () => {
    renderApp();
    act(() => s().openTafel('instellingen'));
    await waitFor(() => expect(screen.getByText('U gebruikt nu de standaardinstellingen: drempel 5, niet afronden, geen ruis.')).toBeTruthy());
    const k = screen.getByLabelText('Drempel k') as HTMLInputElement;
    expect(k.value).toBe('5');
    fireEvent.change(k, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('De drempel k moet minstens 3 zijn.'));
    expect(k.getAttribute('aria-invalid')).toBe('true');
    expect(k.value).toBe('2');
    expect(s().tafelInstellingen?.k).toBe(5);

    fireEvent.change(k, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('De instellingen zijn opgeslagen.'));
    expect(s().tafelInstellingen).toMatchObject({ k: 3, standaard: false });
    // Back to the safe defaults.
    fireEvent.click(screen.getByRole('button', { name: 'Standaard terugzetten' }));
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    await waitFor(() => expect(s().tafelInstellingen?.standaard).toBe(true));
  });
});

describe('a summary', () => {
  it('the preview of an empty vault shows its tables; a cancelled save records nothing; the preview is gone after a lock', async () => {
    renderApp();
    act(() => s().openTafel('maken'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Voorbeeld tonen' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Voorbeeld tonen' }));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Voorbeeld: kwartaal 1 van \d{4}$/));
    expect(screen.getByRole('table', { name: 'Cliënten per categorie' })).toBeTruthy();
    t.env().answerFileDialog(null);
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('U hebt niets opgeslagen.'));
    expect(s().tafelLedger ?? []).toEqual([]);
    expect(s().tafelVoorbeeld).not.toBeNull();
    await act(() => s().lock());
    expect(s().tafelVoorbeeld).toBeNull();
    expect(s().tafelInstellingen).toBeNull();
  });
});
