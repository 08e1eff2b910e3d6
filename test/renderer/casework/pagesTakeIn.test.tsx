// @vitest-environment happy-dom
// Pages a person can take in (issue 13), the screens on a real core with a real encrypted vault
// in a temp dir (only the transport is skipped): the traject's add forms open on request, start
// empty and put focus where the work goes on; search counts beyond its first 100 hits with a
// snippet; Ctrl+K names each person once, by the one rule for names in lists; empty lists say
// what to do first.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { naamInLijst, naamZichtbaarOp } from '../../../renderer/features/casework/caseBits';
import { MeldingListScreen } from '../../../renderer/features/casework/MeldingListScreen';
import { QuickSwitcher } from '../../../renderer/features/casework/QuickSwitcher';
import { SearchScreen } from '../../../renderer/features/casework/SearchScreen';
import { TrajectScreen } from '../../../renderer/features/casework/TrajectScreen';
import { change, click, screenVault } from './setup';

const vault = screenVault();
const { call, withStore } = vault;
let trajectId = '';

const WORD = 'zeldzaamwoord';

beforeAll(async () => {
  const file = {
    format: 'ketenkluis.casework',
    versie: 1,
    trajecten: [
      {
        client: { roepnaam: 'Testpagina', achternaam: 'Overzichtelijk' },
        minderjarigBijStart: false,
        gemeente: 'Rotterdam',
        verwijzer: 'politie',
        aanmelddatum: '2024-01-01',
        vormen: ['seksuele-uitbuiting'],
        journaal: Array.from({ length: 120 }, (_, i) => ({
          datum: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
          soort: 'notitie',
          tekst: `Synthetische notitie ${i} met het ${WORD} erin en daarna een lange staart van woorden die de uitsnede nooit haalt omdat die kort blijft staartwoord`,
        })),
      },
    ],
    meldingen: [{ datum: '2025-01-10', kanaal: 'telefoon', anoniem: true, melderType: 'burger', vorm: 'seksuele-uitbuiting', gemeente: 'Rotterdam', minderjarig: false }],
  };
  await vault.importFile('pages.json', file);
  trajectId = (await call<{ items: { id: string }[] }>('trajecten.list', {})).items[0]!.id;
});

describe('one rule for names in lists', () => {
  it('a row that leads to the cliënt shows the name, a row that leads to a traject does not', () => {
    expect(naamZichtbaarOp).toEqual({ client: true, traject: false });
    expect(naamInLijst('client', 'Testa Voorbeeld')).toBe('Testa Voorbeeld');
    expect(naamInLijst('traject', 'Testa Voorbeeld')).toBeNull();
    expect(naamInLijst('client', '')).toBeNull();
  });
});

describe('the traject add forms', () => {
  async function openTraject() {
    withStore(<TrajectScreen id={trajectId} />);
    await waitFor(() => expect(screen.getByTestId('traject-screen')).toBeTruthy());
  }

  it('none is open when the traject opens; each opens empty with focus in its first field, and Annuleren or Escape gives focus back to its button', async () => {
    await openTraject();
    const page = screen.getByTestId('traject-screen');
    expect(page.querySelectorAll('form.kk-subform')).toHaveLength(0);
    for (const [open, first] of [
      ['Notitie toevoegen', 'journal-soort'],
      ['Opvang toevoegen', 'opvang-soort'],
      ['Procedure toevoegen', 'proc-soort'],
      ['Toestemming toevoegen', 'consent-doel'],
    ] as const) {
      await click(screen.getByRole('button', { name: open }));
      const field = document.querySelector<HTMLSelectElement>(`[name="${first}"]`)!;
      expect(document.activeElement).toBe(field);
      const form = field.closest('form')!;
      const values = [...form.querySelectorAll<HTMLInputElement>('input:not([type=radio]), select, textarea')].map((f) => f.value);
      expect(values.every((v) => v === ''), `${open}: ${values.join('|')}`).toBe(true);
      expect([...form.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')].some((f) => f.checked)).toBe(false);
      await click(within(form).getByRole('button', { name: 'Annuleren' }));
      expect(document.activeElement).toBe(screen.getByRole('button', { name: open }));
      await click(screen.getByRole('button', { name: open }));
      await act(async () => {
        fireEvent.keyDown(document.querySelector(`[name="${first}"]`)!, { key: 'Escape' });
      });
      expect(document.querySelector(`[name="${first}"]`)).toBeNull();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: open }));
    }
  });

  it('a consent with nothing chosen names each missing answer and saves nothing; filled in, it is saved and focus is on its button again', async () => {
    await openTraject();
    const before = (await call<{ toestemmingen: unknown[] }>('trajecten.get', { id: trajectId })).toestemmingen.length;
    await click(screen.getByRole('button', { name: 'Toestemming toevoegen' }));
    await click(screen.getByRole('button', { name: 'Toestemming vastleggen' }));
    for (const message of ['Kies waarvoor de toestemming is.', 'Vul de organisatie in.', 'Vul in vanaf wanneer de toestemming geldt.', 'Kies wie de toestemming gaf.', 'Kies of de toestemming schriftelijk is gegeven.']) {
      expect(screen.getByText(message)).toBeTruthy();
    }
    expect((await call<{ toestemmingen: unknown[] }>('trajecten.get', { id: trajectId })).toestemmingen).toHaveLength(before);

    await change(document.querySelector('[name="consent-doel"]')!, 'registratie-comensha');
    await change(screen.getByLabelText('Organisatie'), 'CoMensha');
    await change(screen.getByLabelText(/^Geldig vanaf/), '01-02-2024');
    await change(document.querySelector('[name="consent-door"]')!, 'client');
    await click(screen.getByRole('radio', { name: 'Ja' }));
    await click(screen.getByRole('button', { name: 'Toestemming vastleggen' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Toestemming toevoegen' })));
    expect(screen.getByText('De toestemming is vastgelegd.')).toBeTruthy();
    const saved = (await call<{ toestemmingen: Array<{ doel: string; ontvanger: string; vanaf: string; schriftelijk: boolean }> }>('trajecten.get', { id: trajectId })).toestemmingen;
    expect(saved).toHaveLength(before + 1);
    expect(saved.at(-1)).toMatchObject({ doel: 'registratie-comensha', ontvanger: 'CoMensha', vanaf: '2024-02-01', schriftelijk: true });
  });
});

describe('search', () => {
  it('says how many there are beyond the first 100, marks the word in a short snippet, and writes dates as dd-mm-jjjj', async () => {
    withStore(<SearchScreen />);
    await change(screen.getByLabelText('Zoekwoorden'), WORD);
    await click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(screen.getByText('U ziet de eerste 100 van 120 resultaten. Maak uw zoekwoorden preciezer om de rest te vinden.')).toBeTruthy());
    const table = screen.getByRole('table');
    const marks = table.querySelectorAll('mark');
    expect(marks).toHaveLength(100);
    expect(marks[0]!.textContent).toBe(WORD);
    expect(table.textContent).not.toContain('staartwoord');
    expect(table.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(table.textContent).toMatch(/\d{2}-\d{2}-\d{4}/);

    await change(screen.getByLabelText('Zoekwoorden'), 'nergensvoorkomend');
    await click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(screen.getByText('Niets gevonden voor "nergensvoorkomend".')).toBeTruthy());
    expect(screen.getByText(/Probeer een kortere of een andere zoekterm/)).toBeTruthy();
  });
});

describe('Ctrl+K', () => {
  it('shows the person once, with the name on the cliënt row only', async () => {
    withStore(<QuickSwitcher />);
    await act(async () => {
      vault.store.getState().setQuickSwitcherOpen(true);
    });
    await change(screen.getByRole('combobox'), 'Testpagina');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    const [client, traject] = screen.getAllByRole('option');
    expect(client!.textContent).toContain('Testpagina Overzichtelijk');
    expect(traject!.textContent).not.toContain('Testpagina');
    expect(traject!.textContent).toContain('Traject, fase Aanmelding');
    expect(screen.getAllByText('Testpagina Overzichtelijk')).toHaveLength(1);
  });
});

describe('empty lists say what to do first', () => {
  it('a filter that finds nothing offers to clear the filters, and clearing shows the list again', async () => {
    withStore(<MeldingListScreen />);
    await waitFor(() => expect(screen.getByText('Aantal meldingen: 1')).toBeTruthy());
    await click(screen.getByLabelText('Alleen acute meldingen'));
    await waitFor(() => expect(screen.getByText('Er zijn geen meldingen die bij dit filter passen.')).toBeTruthy());
    expect(screen.getByText('Wis de filters om alle meldingen te zien.')).toBeTruthy();
    await click(screen.getByRole('button', { name: 'Filters wissen' }));
    await waitFor(() => expect(screen.getByText('Aantal meldingen: 1')).toBeTruthy());
    expect((screen.getByLabelText('Alleen acute meldingen') as HTMLInputElement).checked).toBe(false);
  });
});
