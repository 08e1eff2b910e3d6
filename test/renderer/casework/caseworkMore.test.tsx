// @vitest-environment happy-dom
// Contact persons, meldingen filters with saved views, and journal paging: the screens on a
// real core with a real encrypted vault in a temp dir (only the transport is skipped).
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContactPerson } from '../../../shared/casework/client.schema';
import type { MeldingFieldsInput } from '../../../shared/casework/melding.schema';
import { selectTrajectDetail } from '../../../renderer/features/casework/caseSelectors';
import { ClientScreen } from '../../../renderer/features/casework/ClientScreen';
import { dateRangeProblem } from '../../../renderer/features/casework/meldingen.slice';
import { MeldingListScreen } from '../../../renderer/features/casework/MeldingListScreen';
import { JournaalPanel } from '../../../renderer/features/casework/traject/JournaalPanel';
import { TrajectListScreen } from '../../../renderer/features/casework/TrajectListScreen';
import { StoreProvider, useAppStore } from '../../../renderer/store/StoreProvider';
import { change, click, screenVault } from './setup';

const vault = screenVault();
const { call, withStore } = vault;

/** Synthetic meldingen: the counts per filter below follow from this table. */
const meldingen: MeldingFieldsInput[] = [
  { datum: '2025-01-10', vorm: 'seksuele-uitbuiting', gemeente: 'Rotterdam', minderjarig: true },
  { datum: '2025-02-15', vorm: 'seksuele-uitbuiting', gemeente: 'Rotterdam', minderjarig: false },
  { datum: '2025-03-20', vorm: 'criminele-uitbuiting', gemeente: 'Dordrecht', minderjarig: true },
  { datum: '2025-04-25', vorm: 'arbeidsuitbuiting', gemeente: 'onbekend', minderjarig: null },
  { datum: '2025-05-30', vorm: 'seksuele-uitbuiting', gemeente: 'buiten-regio', minderjarig: false },
  { datum: '2025-06-05', vorm: 'geen', gemeente: 'Rotterdam', minderjarig: false },
].map((m) => ({ kanaal: 'telefoon', anoniem: true, melderType: 'burger', ...m }) as MeldingFieldsInput);

/** 230 synthetic journal entries on distinct days; entry 0 is the oldest. */
const JOURNAL_COUNT = 230;
function journalDay(i: number): string {
  const d = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000);
  return d.toISOString().slice(0, 10);
}
let trajectId = '';

beforeAll(async () => {
  const file = {
    format: 'ketenkluis.casework',
    versie: 1,
    trajecten: [
      {
        client: { roepnaam: 'Testjournaal' },
        minderjarigBijStart: false,
        gemeente: 'Rotterdam',
        verwijzer: 'politie',
        aanmelddatum: '2024-01-01',
        vormen: ['seksuele-uitbuiting'],
        journaal: Array.from({ length: JOURNAL_COUNT }, (_, i) => ({ datum: journalDay(i), soort: 'notitie', tekst: `Synthetische notitie nummer ${String(i).padStart(3, '0')}` })),
      },
    ],
    meldingen,
  };
  const imported = await vault.importFile<{ trajecten: number; meldingen: number; journaal: number }>('more.json', file);
  expect(imported).toMatchObject({ trajecten: 1, meldingen: meldingen.length, journaal: JOURNAL_COUNT });
  const list = await call<{ items: { id: string }[] }>('trajecten.list', {});
  trajectId = list.items[0]!.id;
});

describe('contact persons in the cliënt form', () => {
  async function openClient(contactpersonen: ContactPerson[]) {
    const created = await call<{ id: string }>('clienten.create', { fields: { roepnaam: 'Contacttest', contactpersonen } });
    await act(async () => {
      await vault.store.getState().loadClient(created.id);
    });
    withStore(<ClientScreen id={created.id} />);
    await screen.findByLabelText(/^Roepnaam/);
    return created.id;
  }

  it('adds, changes and removes contact persons; the core stores exactly the list shown', async () => {
    const id = await openClient([
      { naam: 'Test Voogd', relatie: 'voogd', wettelijkVertegenwoordiger: true },
      { naam: 'Test Advocaat', relatie: 'advocaat', email: 'advocaat@example.test', wettelijkVertegenwoordiger: false },
    ]);
    const first = screen.getByRole('group', { name: 'Contactpersoon 1' });
    expect((within(first).getByLabelText('Naam') as HTMLInputElement).value).toBe('Test Voogd');
    expect((within(first).getByRole('checkbox', { name: /Wettelijk vertegenwoordiger/ }) as HTMLInputElement).checked).toBe(true);
    await change(within(first).getByLabelText(/^Telefoon/), '010-0000000');

    // The remove button names the person it removes; focus goes to the person that takes its place (none: the one before).
    await click(screen.getByRole('button', { name: 'Contactpersoon 2 verwijderen (Test Advocaat)' }));
    expect(screen.queryByRole('group', { name: 'Contactpersoon 2' })).toBeNull();
    expect(document.activeElement).toBe(within(screen.getByRole('group', { name: 'Contactpersoon 1' })).getByLabelText('Naam'));

    // Adding puts focus on the new person's name.
    await click(screen.getByRole('button', { name: 'Contactpersoon toevoegen' }));
    const added = screen.getByRole('group', { name: 'Contactpersoon 2' });
    expect(document.activeElement).toBe(within(added).getByLabelText('Naam'));
    await change(within(added).getByLabelText('Naam'), 'Test Mentor');
    await change(within(added).getByLabelText('Relatie tot de cliënt'), 'mentor');

    await click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(screen.getByText('Opgeslagen.')).toBeTruthy());
    const stored = await call<{ contactpersonen: ContactPerson[] }>('clienten.get', { id });
    expect(stored.contactpersonen).toEqual([
      { naam: 'Test Voogd', relatie: 'voogd', telefoon: '010-0000000', wettelijkVertegenwoordiger: true },
      { naam: 'Test Mentor', relatie: 'mentor', wettelijkVertegenwoordiger: false },
    ]);

    // Removing everyone is a change too: the stored list becomes empty, focus lands on "add".
    for (const name of ['Contactpersoon 2 verwijderen (Test Mentor)', 'Contactpersoon 1 verwijderen (Test Voogd)']) await click(screen.getByRole('button', { name }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Contactpersoon toevoegen' }));
    await click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(async () => expect((await call<{ contactpersonen: ContactPerson[] }>('clienten.get', { id })).contactpersonen).toEqual([]));
  });

  it('refuses an invalid contact person with a message per field, and saves nothing of the form', async () => {
    const id = await openClient([{ naam: 'Test Ouder', relatie: 'ouder', wettelijkVertegenwoordiger: true }]);
    const before = await call<{ version: number; roepnaam: string; contactpersonen: ContactPerson[] }>('clienten.get', { id });
    await change(screen.getByLabelText(/^Roepnaam/), 'Anderenaam');
    await click(screen.getByRole('button', { name: 'Contactpersoon toevoegen' }));
    const added = screen.getByRole('group', { name: 'Contactpersoon 2' });
    await change(within(added).getByLabelText(/^E-mail/), 'geen-adres');
    await click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));

    expect(within(added).getByText('Vul de naam van de contactpersoon in.')).toBeTruthy();
    expect(within(added).getByText('Kies de relatie tot de cliënt.')).toBeTruthy();
    expect(within(added).getByText('Vul een geldig e-mailadres in.')).toBeTruthy();
    // The summary says which person each problem is about.
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('Contactpersoon 2: Vul de naam van de contactpersoon in.');
    expect(summary.textContent).toContain('Contactpersoon 2: Vul een geldig e-mailadres in.');
    expect(screen.queryByText('Opgeslagen.')).toBeNull();

    const after = await call<{ version: number; roepnaam: string; contactpersonen: ContactPerson[] }>('clienten.get', { id });
    expect(after).toEqual(before);
    // What was typed is still there to correct.
    expect((screen.getByLabelText(/^Roepnaam/) as HTMLInputElement).value).toBe('Anderenaam');
    expect((within(added).getByLabelText(/^E-mail/) as HTMLInputElement).value).toBe('geen-adres');
  });

  it('stops offering "add" at the schema’s limit of 20, and offers it again after a removal', async () => {
    await openClient(Array.from({ length: 20 }, (_, i) => ({ naam: `Test Persoon ${i + 1}`, relatie: 'familie' as const, wettelijkVertegenwoordiger: false })));
    expect(screen.getAllByRole('group', { name: /^Contactpersoon \d+$/ })).toHaveLength(20);
    expect(screen.queryByRole('button', { name: 'Contactpersoon toevoegen' })).toBeNull();
    expect(screen.getByText('U kunt hooguit 20 contactpersonen vastleggen.')).toBeTruthy();
    await click(screen.getByRole('button', { name: 'Contactpersoon 20 verwijderen (Test Persoon 20)' }));
    expect(screen.getByRole('button', { name: 'Contactpersoon toevoegen' })).toBeTruthy();
    expect(document.activeElement).toBe(within(screen.getByRole('group', { name: 'Contactpersoon 19' })).getByLabelText('Naam'));
  });

  it('a new cliënt can be registered with a contact person', async () => {
    withStore(<ClientScreen id={null} />);
    await change(screen.getByLabelText(/^Roepnaam/), 'Nieuwcontact');
    await click(screen.getByRole('button', { name: 'Contactpersoon toevoegen' }));
    const person = screen.getByRole('group', { name: 'Contactpersoon 1' });
    await change(within(person).getByLabelText('Naam'), 'Test Partner');
    await change(within(person).getByLabelText('Relatie tot de cliënt'), 'partner');
    await click(screen.getByRole('button', { name: 'Cliënt vastleggen' }));
    await waitFor(() => expect(screen.getByText(/De cliënt is vastgelegd met pseudoniemcode KK-/)).toBeTruthy());
    const stored = await call<{ contactpersonen: ContactPerson[] }>('clienten.get', { id: vault.store.getState().client!.id });
    expect(stored.contactpersonen).toEqual([{ naam: 'Test Partner', relatie: 'partner', wettelijkVertegenwoordiger: false }]);
  });
});

describe('meldingen list: filters and saved views', () => {
  const count = () => screen.getByText(/^Aantal meldingen: /).textContent;

  it('vorm, gemeente, minderjarig and dates narrow the list to what the vault holds', async () => {
    withStore(<MeldingListScreen />);
    await waitFor(() => expect(count()).toBe(`Aantal meldingen: ${meldingen.length}`));

    await change(screen.getByLabelText('Vorm van uitbuiting'), 'seksuele-uitbuiting');
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 3'));
    await change(screen.getByLabelText('Minderjarig'), 'nee');
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 2'));
    await change(screen.getByLabelText('Datum vanaf'), '2025-02-01');
    await change(screen.getByLabelText('Datum tot en met'), '2025-03-31');
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 1'));

    // Gemeente: all, then the groups of the gemeente pick list, with the monitor's unknown answers.
    await act(async () => vault.store.getState().setMeldingFilter({ sort: 'datum', richting: 'desc' }));
    await waitFor(() => expect(count()).toBe(`Aantal meldingen: ${meldingen.length}`));
    const gemeente = screen.getByLabelText('Gemeente') as HTMLSelectElement;
    expect(gemeente.options[0]!.textContent).toBe('Alle');
    expect([...gemeente.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Centrumgemeente', 'Overige gemeenten in de regio', 'Onbekend', 'Buiten de regio']);
    const inGroup = (label: string) => [...gemeente.querySelectorAll(`optgroup[label="${label}"] option`)].map((o) => o.textContent);
    expect(inGroup('Centrumgemeente')).toEqual(['Rotterdam']);
    expect(inGroup('Overige gemeenten in de regio')).toContain('Dordrecht');
    expect(inGroup('Onbekend')).toEqual(['Onbekend', 'Onbekend, wel een gemeente uit de regio', 'Buiten de regio, gemeente niet bekend']);
    // Every gemeente of the CBS list can be filtered on, also one outside the region.
    expect(inGroup('Buiten de regio')).toContain('Breda');
    await change(gemeente, 'onbekend');
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 1'));
    await change(gemeente, 'buiten-regio');
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 1'));
    await change(gemeente, 'Rotterdam');
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 3'));
    await act(async () => vault.store.getState().setMeldingFilter({ sort: 'datum', richting: 'desc' }));
  });

  it('a "vanaf" after "tot" gets a clear message and the list keeps its rows', async () => {
    expect(dateRangeProblem('2025-05-01', '2025-04-01')).toBe('order');
    expect(dateRangeProblem('2025-04-01', '2025-04-01')).toBeNull();
    expect(dateRangeProblem('2025-13-01', '')).toBe('vanafInvalid');
    withStore(<MeldingListScreen />);
    await change(screen.getByLabelText('Datum vanaf'), '2025-03-01');
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 4'));
    const generation = vault.store.getState().meldingList.generation;
    await change(screen.getByLabelText('Datum tot en met'), '2025-02-01');
    expect(screen.getByText('De datum "vanaf" ligt na de datum "tot en met". Kies een eerdere "vanaf" of een latere "tot en met".')).toBeTruthy();
    expect(count()).toBe('Aantal meldingen: 4');
    expect(vault.store.getState().meldingList.generation).toBe(generation);
    expect(vault.store.getState().meldingFilter).toMatchObject({ vanaf: '2025-03-01' });
    expect(vault.store.getState().meldingFilter.tot).toBeUndefined();
    expect(screen.getAllByRole('row').length).toBeGreaterThan(1);
    // Corrected: the message goes and the list follows.
    await change(screen.getByLabelText('Datum tot en met'), '2025-04-30');
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 2'));
    expect(screen.queryByText(/ligt na de datum/)).toBeNull();
    await act(async () => vault.store.getState().setMeldingFilter({ sort: 'datum', richting: 'desc' }));
  });

  it('a saved meldingen view applies its filter, and shows only under the meldingen list', async () => {
    const view = render(
      <StoreProvider store={vault.store}>
        <MeldingListScreen />
      </StoreProvider>,
    );
    await change(screen.getByLabelText('Vorm van uitbuiting'), 'seksuele-uitbuiting');
    await change(screen.getByLabelText('Datum vanaf'), '2025-02-01');
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 2'));
    await change(screen.getByLabelText('Naam van de weergave'), 'SU vanaf februari');
    await click(screen.getByRole('button', { name: 'Filter opslaan als weergave' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Gebruik SU vanaf februari' })).toBeTruthy());
    const stored = await call<{ views: { naam: string; definitie: { lijst: string; filter: Record<string, unknown> } }[] }>('views.list', {});
    expect(stored.views.find((v) => v.naam === 'SU vanaf februari')?.definitie).toMatchObject({ lijst: 'meldingen', filter: { vorm: 'seksuele-uitbuiting', vanaf: '2025-02-01' } });

    // Back to everything, then the view brings the filter (and its date field) back.
    await act(async () => vault.store.getState().setMeldingFilter({ sort: 'datum', richting: 'desc' }));
    await waitFor(() => expect(count()).toBe(`Aantal meldingen: ${meldingen.length}`));
    expect((screen.getByLabelText('Datum vanaf') as HTMLInputElement).value).toBe('');
    await click(screen.getByRole('button', { name: 'Gebruik SU vanaf februari' }));
    await waitFor(() => expect(count()).toBe('Aantal meldingen: 2'));
    expect((screen.getByLabelText('Vorm van uitbuiting') as HTMLSelectElement).value).toBe('seksuele-uitbuiting');
    expect((screen.getByLabelText('Datum vanaf') as HTMLInputElement).value).toBe('01-02-2025');
    view.unmount();

    // The trajecten list does not offer it, and applying the trajecten view there leaves the meldingen filter alone.
    await call('views.save', { naam: 'Open trajecten Rotterdam', definitie: { lijst: 'trajecten', filter: { open: true, gemeente: 'Rotterdam', sort: 'bijgewerkt', richting: 'desc' } } });
    withStore(<TrajectListScreen />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Gebruik Open trajecten Rotterdam' })).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Gebruik SU vanaf februari' })).toBeNull();
    await click(screen.getByRole('button', { name: 'Gebruik Open trajecten Rotterdam' }));
    expect(vault.store.getState().trajectFilter).toMatchObject({ gemeente: 'Rotterdam' });
    expect(vault.store.getState().meldingFilter).toMatchObject({ vorm: 'seksuele-uitbuiting', vanaf: '2025-02-01' });
    cleanup();

    // And the meldingen list does not offer the trajecten view; removing its own view removes it from the vault.
    withStore(<MeldingListScreen />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Gebruik SU vanaf februari' })).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Gebruik Open trajecten Rotterdam' })).toBeNull();
    await click(screen.getByRole('button', { name: 'Verwijder SU vanaf februari' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Gebruik SU vanaf februari' })).toBeNull());
    expect(document.activeElement?.textContent).toBe('Opgeslagen weergaven');
    expect((await call<{ views: { naam: string }[] }>('views.list', {})).views.map((v) => v.naam)).toEqual(['Open trajecten Rotterdam']);
    await act(async () => vault.store.getState().setMeldingFilter({ sort: 'datum', richting: 'desc' }));
  });
});

describe('journal paging in the traject screen', () => {
  function OpenJournal() {
    const detail = useAppStore(selectTrajectDetail);
    return detail ? <JournaalPanel detail={detail} /> : null;
  }
  const countText = () => screen.getByText(/^Notities: /).textContent;

  it('loads older notes page by page until the oldest is shown; writes keep what is loaded', async () => {
    await act(async () => {
      await vault.store.getState().openTraject(trajectId);
    });
    withStore(<OpenJournal />);
    expect(countText()).toBe(`Notities: 100 van ${JOURNAL_COUNT}`);
    expect(screen.queryByText('Synthetische notitie nummer 000')).toBeNull();

    await click(screen.getByRole('button', { name: `Oudere notities laden (nog ${JOURNAL_COUNT - 100})` }));
    await waitFor(() => expect(countText()).toBe(`Notities: 200 van ${JOURNAL_COUNT}`));
    // Focus on the first entry that came in, so a keyboard user reads on from there.
    expect(document.activeElement?.textContent).toContain('Synthetische notitie nummer 129');
    await click(screen.getByRole('button', { name: `Oudere notities laden (nog ${JOURNAL_COUNT - 200})` }));
    await waitFor(() => expect(countText()).toBe(`Notities: ${JOURNAL_COUNT} van ${JOURNAL_COUNT}`));
    expect(screen.getByText('Synthetische notitie nummer 000')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Oudere notities laden/ })).toBeNull();
    expect(document.activeElement?.textContent).toContain('Synthetische notitie nummer 029');
    // Newest first, each entry once.
    const texts = vault.store.getState().trajectDetail!.journaal.map((j) => j.tekst);
    expect(new Set(texts).size).toBe(JOURNAL_COUNT);
    expect(texts[0]).toBe('Synthetische notitie nummer 229');
    expect(texts.at(-1)).toBe('Synthetische notitie nummer 000');

    // A new entry (the form opens on request): everything stays loaded and the count follows.
    await click(screen.getByRole('button', { name: 'Notitie toevoegen' }));
    await change(screen.getByLabelText('Soort'), 'notitie');
    await change(screen.getByLabelText(/^Tekst/), 'Synthetische nieuwe notitie');
    await click(screen.getByRole('button', { name: 'Toevoegen aan journaal' }));
    await waitFor(() => expect(countText()).toBe(`Notities: ${JOURNAL_COUNT + 1} van ${JOURNAL_COUNT + 1}`));
    expect(screen.getByText('Synthetische notitie nummer 000')).toBeTruthy();

    // Correcting the oldest entry (beyond the first page) keeps it and everything else loaded.
    await click(screen.getByRole('button', { name: 'Notitie van 01-01-2024 corrigeren' }));
    const edit = screen.getByDisplayValue('Synthetische notitie nummer 000');
    await change(edit, 'Synthetische notitie nummer 000, gecorrigeerd');
    await click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(screen.getByText('Synthetische notitie nummer 000, gecorrigeerd')).toBeTruthy());
    expect(countText()).toBe(`Notities: ${JOURNAL_COUNT + 1} van ${JOURNAL_COUNT + 1}`);

    // Deleting the oldest: one fewer, still all shown, no "older" button.
    await click(screen.getByRole('button', { name: 'Notitie van 01-01-2024 verwijderen' }));
    await click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    await waitFor(() => expect(countText()).toBe(`Notities: ${JOURNAL_COUNT} van ${JOURNAL_COUNT}`));
    expect(screen.queryByText(/nummer 000/)).toBeNull();
    expect(screen.getByText('Synthetische notitie nummer 001')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Oudere notities laden/ })).toBeNull();

    // Opening the traject again starts with the newest page.
    await act(async () => {
      await vault.store.getState().openTraject(trajectId);
    });
    expect(countText()).toBe(`Notities: 100 van ${JOURNAL_COUNT}`);
    expect(screen.getByRole('button', { name: `Oudere notities laden (nog ${JOURNAL_COUNT - 100})` })).toBeTruthy();
  });
});
