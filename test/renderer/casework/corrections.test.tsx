// @vitest-environment happy-dom
// Correcting (issue 13) on the screens, on a real core with a real encrypted vault in a temp dir
// (only the transport is skipped): a melding corrected after saving with its own form, a task's
// add form that opens on request and starts empty and a task corrected in its place, the warning
// before saving a cliënt who may exist already, and removing a wrongly created cliënt with a
// reason. Where focus lands after each action is asserted. All data is synthetic.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/casework/client.schema';
import type { Melding } from '../../../shared/casework/melding.schema';
import type { Task } from '../../../shared/casework/traject.schema';
import { selectTrajectDetail } from '../../../renderer/features/casework/caseSelectors';
import { ClientRemovedNotice, ClientScreen, needsDuplicateCheck } from '../../../renderer/features/casework/ClientScreen';
import { meldingPatch, toMeldingForm, meldingInput } from '../../../renderer/features/casework/MeldingFormScreen';
import { MeldingScreen } from '../../../renderer/features/casework/MeldingScreen';
import { TakenPanel, taskChange } from '../../../renderer/features/casework/traject/TakenPanel';
import type { AppStore } from '../../../renderer/store/appStore';
import { StoreProvider, useAppStore } from '../../../renderer/store/StoreProvider';
import { MeldingFields } from '../../../shared/casework/melding.schema';
import type { InProcessApi } from '../inProcessApi';
import { unlockedStore } from './unlockedStore';

let env: InProcessApi;
let store: AppStore;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await (env.api as unknown as Record<string, (i: unknown) => Promise<{ ok: boolean; value?: T; error?: unknown }>>)[method]!(input)) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeAll(async () => {
  ({ env, store } = await unlockedStore());
});
afterAll(() => env.dispose());
afterEach(() => cleanup());

const withStore = (ui: React.ReactNode) => render(<StoreProvider store={store}>{ui}</StoreProvider>);
const focused = () => document.activeElement as HTMLElement | null;
const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe('a melding corrected after saving', () => {
  it('opens its own form on the saved values, saves the correction, and puts focus back on "Gegevens corrigeren"', async () => {
    const m = await call<Melding>('meldingen.create', {
      fields: { datum: '2025-03-04', kanaal: 'telefoon', anoniem: false, melderType: 'burger', melderContact: { naam: 'Testmelder Reiger' }, gemeente: 'Rotterdam', vorm: 'seksuele-uitbuiting', minderjarig: false, signaal: 'Synthetisch signaal' },
    });
    withStore(<MeldingScreen id={m.id} />);
    const edit = await screen.findByRole('button', { name: 'Gegevens corrigeren' });
    await act(async () => fireEvent.click(edit));
    const title = screen.getByRole('heading', { level: 3, name: 'Melding corrigeren' });
    expect(focused()).toBe(title);
    // The form shows what was saved.
    expect((screen.getByLabelText('Gemeente') as HTMLSelectElement).value).toBe('Rotterdam');
    expect((screen.getByLabelText(/^Naam van de melder/) as HTMLInputElement).value).toBe('Testmelder Reiger');

    // "Wel mensenhandel" without a form is refused here, on the form field, before anything is sent.
    change(screen.getByLabelText('Vorm van uitbuiting'), 'onbekend');
    change(screen.getByLabelText('Conclusie'), 'wel');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Correctie opslaan' })));
    expect(screen.getAllByText(/hoort een vorm van uitbuiting/).length).toBeGreaterThan(0);
    expect((await call<Melding>('meldingen.get', { id: m.id })).version).toBe(m.version);

    change(screen.getByLabelText('Vorm van uitbuiting'), 'criminele-uitbuiting');
    change(screen.getByLabelText('Conclusie'), '');
    change(screen.getByLabelText('Gemeente'), 'Schiedam');
    change(screen.getByLabelText(/^Datum van de melding/), '05-03-2024');
    fireEvent.click(screen.getByLabelText('De melder blijft anoniem'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Correctie opslaan' })));

    await waitFor(() => expect(focused()?.textContent).toBe('Gegevens corrigeren'));
    expect(screen.getByRole('status').textContent).toContain('De melding is gecorrigeerd.');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Melding van 05-03-2024');
    const stored = await call<Melding>('meldingen.get', { id: m.id });
    expect(stored).toMatchObject({ datum: '2024-03-05', gemeente: 'Schiedam', vorm: 'criminele-uitbuiting', anoniem: true, melderContact: null, signaal: 'Synthetisch signaal', version: m.version + 1 });

    // Annuleren changes nothing and also returns focus to the button.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Gegevens corrigeren' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Annuleren' })));
    await waitFor(() => expect(focused()?.textContent).toBe('Gegevens corrigeren'));
    expect((await call<Melding>('meldingen.get', { id: m.id })).version).toBe(m.version + 1);
  });

  it('a correction sends null for what the form emptied and leaves the feedback to the reporter alone', async () => {
    const m = await call<Melding>('meldingen.create', {
      fields: { datum: '2025-03-04', kanaal: 'telefoon', anoniem: false, melderType: 'burger', melderContact: { naam: 'Testmelder' }, gemeente: 'Rotterdam', vorm: 'onbekend', signaal: 'Iets', notities: 'Notitie', terugkoppeling: { datum: '2025-03-05', wijze: 'telefoon' } },
    });
    const form = { ...toMeldingForm(m), naam: '', signaal: ' ', notities: '' };
    const patch = meldingPatch(m, MeldingFields.parse(meldingInput(form)));
    expect(patch).toMatchObject({ melderContact: null, signaal: null, notities: null });
    expect('terugkoppeling' in patch).toBe(false);
  });
});

/** The tasks panel as the traject screen shows it (with the open traject from the store). */
function Tasks() {
  const detail = useAppStore(selectTrajectDetail);
  return detail ? <TakenPanel detail={detail} /> : null;
}

describe('tasks', () => {
  it('the add form opens on request, starts empty with focus in it; a task is corrected in its place and focus goes back to its "Wijzigen"', async () => {
    const client = await call<Client>('clienten.create', { fields: { roepnaam: 'Testtaak' } });
    const t = await call<{ id: string }>('trajecten.create', { clientId: client.id, fields: { minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: '2025-01-01', vormen: ['arbeidsuitbuiting'] } });
    await act(() => store.getState().openTraject(t.id));
    withStore(<Tasks />);

    expect(screen.queryByLabelText('Taak')).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Taak toevoegen' })));
    const titel = screen.getByLabelText('Taak') as HTMLInputElement;
    expect(focused()).toBe(titel);
    expect([titel.value, (screen.getByLabelText(/^Uiterlijk op/) as HTMLInputElement).value, (screen.getByLabelText(/^Herinnering op/) as HTMLInputElement).value]).toEqual(['', '', '']);
    change(titel, 'Afspraak IND');
    change(screen.getByLabelText(/^Uiterlijk op/), '01-06-2030');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Taak toevoegen' })));
    await waitFor(() => expect(screen.getByText('Afspraak IND')).toBeTruthy());
    expect(focused()).toBe(screen.getByLabelText('Taak'));
    // Closing the form puts focus on the button that opens it.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sluiten' })));
    await waitFor(() => expect(focused()?.textContent).toBe('Taak toevoegen'));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Taak "Afspraak IND" wijzigen' })));
    const form = screen.getByRole('form', { name: 'Taak "Afspraak IND" wijzigen' });
    const editTitel = within(form).getByLabelText('Taak') as HTMLInputElement;
    expect(focused()).toBe(editTitel);
    expect(editTitel.value).toBe('Afspraak IND');
    change(editTitel, 'Afspraak IND verzetten');
    change(within(form).getByLabelText(/^Uiterlijk op/), '15-06-2030');
    change(within(form).getByLabelText(/^Herinnering op/), '10-06-2030');
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Wijziging opslaan' })));
    await waitFor(() => expect(focused()?.getAttribute('aria-label')).toBe('Taak "Afspraak IND verzetten" wijzigen'));
    expect(screen.getByRole('status').textContent).toBe('Taak "Afspraak IND verzetten" is gewijzigd.');
    const stored = (await call<{ taken: Task[] }>('trajecten.get', { id: t.id })).taken;
    expect(stored).toEqual([expect.objectContaining({ titel: 'Afspraak IND verzetten', deadline: '2030-06-15', herinnering: '2030-06-10' })]);

    // An emptied title is refused in the form, with the plain message, and nothing is sent.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Taak "Afspraak IND verzetten" wijzigen' })));
    change(screen.getByLabelText('Taak'), '  ');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Wijziging opslaan' })));
    expect(screen.getByText('Beschrijf de taak.')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Annuleren' })));
    await waitFor(() => expect(focused()?.getAttribute('aria-label')).toBe('Taak "Afspraak IND verzetten" wijzigen'));
  });

  it('taskChange sends only what changed; an emptied reminder is removed', () => {
    const task = { titel: 'A', deadline: '2030-01-01', herinnering: '2029-12-01' };
    expect(taskChange(task, { titel: 'A ', deadline: '2030-01-01', herinnering: '2029-12-01' })).toEqual({});
    expect(taskChange(task, { titel: 'B', deadline: '2030-01-02', herinnering: '' })).toEqual({ titel: 'B', deadline: '2030-01-02', herinnering: null });
  });
});

describe('a cliënt who may exist already', () => {
  it('is named by pseudonym code before saving; the person opens the existing one or saves anyway on purpose', async () => {
    const existing = await call<Client>('clienten.create', { fields: { roepnaam: 'Zoë', achternaam: 'Dubbelaar', geboortedatum: '1997-02-03', bsn: '212121212' } });
    const count = async () => (await call<{ total: number }>('clienten.list', {})).total;
    const before = await count();
    withStore(<ClientScreen id={null} />);
    change(screen.getByLabelText('Roepnaam'), 'zoe');
    change(screen.getByLabelText(/^Achternaam/), 'DUBBELAAR');
    change(screen.getByLabelText(/^Geboortedatum/), '03-02-1997');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cliënt vastleggen' })));

    const warning = await screen.findByTestId('duplicate-warning');
    expect(focused()).toBe(within(warning).getByRole('heading', { name: 'Deze cliënt bestaat misschien al' }));
    expect(warning.textContent).toContain(`Cliënt ${existing.pseudoniem} heeft dezelfde naam en geboortedatum.`);
    expect(warning.textContent).not.toContain('Dubbelaar');
    expect(within(warning).getByRole('button', { name: `Cliënt ${existing.pseudoniem} openen` })).toBeTruthy();
    expect(await count()).toBe(before);

    // Another birth date: the warning goes (it belonged to the values it was found for).
    change(screen.getByLabelText(/^Geboortedatum/), '04-02-1997');
    expect(screen.queryByTestId('duplicate-warning')).toBeNull();
    change(screen.getByLabelText(/^Geboortedatum/), '03-02-1997');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cliënt vastleggen' })));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Toch opslaan als nieuwe cliënt' })));
    await screen.findByText(/De cliënt is vastgelegd met pseudoniemcode/);
    expect(await count()).toBe(before + 1);
  });

  it('the same BSN is named too, and "open" goes to the existing cliënt', async () => {
    const existing = await call<Client>('clienten.create', { fields: { roepnaam: 'Testbsn', bsn: '343434343' } });
    withStore(<ClientScreen id={null} />);
    change(screen.getByLabelText('Roepnaam'), 'Iemand Anders');
    change(screen.getByLabelText(/^BSN/), '343434343');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cliënt vastleggen' })));
    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning.textContent).toContain(`Cliënt ${existing.pseudoniem} heeft hetzelfde BSN.`);
    await act(async () => fireEvent.click(within(warning).getByRole('button', { name: `Cliënt ${existing.pseudoniem} openen` })));
    expect(store.getState().trajectenView).toEqual({ screen: 'client', id: existing.id });
  });

  it('an edit is checked only when what is compared changed', () => {
    const c = { roepnaam: 'A', achternaam: 'B', geboortedatum: '2000-01-01', bsn: undefined } as unknown as Client;
    expect(needsDuplicateCheck({ roepnaam: 'A', achternaam: 'B', geboortedatum: '2000-01-01' }, c)).toBe(false);
    expect(needsDuplicateCheck({ roepnaam: 'A', achternaam: 'B', geboortedatum: '2000-01-02' }, c)).toBe(true);
    expect(needsDuplicateCheck({ roepnaam: 'A' }, null)).toBe(false);
    expect(needsDuplicateCheck({ roepnaam: 'A', bsn: '123456789' }, null)).toBe(true);
  });
});

describe('removing a wrongly created cliënt', () => {
  it('asks the reason with focus on the question, removes, opens the list and says which code went', async () => {
    const wrong = await call<Client>('clienten.create', { fields: { roepnaam: 'Testweg' } });
    await act(() => store.getState().loadClient(wrong.id));
    withStore(<ClientScreen id={wrong.id} />);
    const open = await screen.findByRole('button', { name: 'Cliënt verwijderen' });
    await act(async () => fireEvent.click(open));
    const question = screen.getByRole('heading', { level: 3, name: `Cliënt ${wrong.pseudoniem} verwijderen?` });
    await waitFor(() => expect(focused()).toBe(question));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Definitief verwijderen' })));
    expect(screen.getByText('Kies een reden.')).toBeTruthy();
    change(screen.getByLabelText('Waarom verwijdert u deze cliënt?'), 'anders');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Definitief verwijderen' })));
    expect(screen.getByText('Licht de reden "anders" toe.')).toBeTruthy();
    // The core refuses the cliënt's name in the explanation; its message lands on the field.
    change(screen.getByLabelText('Toelichting'), 'Aangemaakt voor testweg');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Definitief verwijderen' })));
    await screen.findByText('Schrijf geen naam van de cliënt in de toelichting.');
    // Annuleren: focus back on the button that asked.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Annuleren' })));
    await waitFor(() => expect(focused()?.textContent).toBe('Cliënt verwijderen'));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cliënt verwijderen' })));
    change(screen.getByLabelText('Waarom verwijdert u deze cliënt?'), 'dubbel-aangemaakt');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Definitief verwijderen' })));
    await waitFor(() => expect(store.getState().trajectenView).toEqual({ screen: 'list' }));
    expect(store.getState().clientRemoved).toEqual({ pseudoniem: wrong.pseudoniem });
    await expect(call('clienten.get', { id: wrong.id })).rejects.toThrow(/NOT_FOUND/);

    cleanup();
    withStore(<ClientRemovedNotice />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Cliënt ${wrong.pseudoniem} is verwijderd.`));
    // Said once: the next time the list opens it is quiet.
    expect(store.getState().clientRemoved).toBeNull();
    cleanup();
    withStore(<ClientRemovedNotice />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('a cliënt with a traject offers no removal and says what to do instead', async () => {
    const client = await call<Client>('clienten.create', { fields: { roepnaam: 'Testmettraject' } });
    await call('trajecten.create', { clientId: client.id, fields: { minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: '2025-01-01', vormen: ['arbeidsuitbuiting'] } });
    await act(() => store.getState().loadClient(client.id));
    withStore(<ClientScreen id={client.id} />);
    await screen.findByRole('heading', { level: 3, name: 'Cliënt verwijderen' });
    expect(screen.queryByRole('button', { name: 'Cliënt verwijderen' })).toBeNull();
    expect(screen.getByText(/Een cliënt met een traject kunt u niet verwijderen/)).toBeTruthy();
  });
});

describe('a melding made a traject for a cliënt who may exist already (issue 13)', () => {
  it('names the existing cliënt by code before anything is made, and starts the traject for that cliënt on request', async () => {
    const existing = await call<Client>('clienten.create', { fields: { roepnaam: 'Testa', achternaam: 'Ooievaarsma', geboortedatum: '1991-02-03' } });
    const m = await call<Melding>('meldingen.create', {
      fields: { datum: '2025-04-05', kanaal: 'telefoon', anoniem: true, melderType: 'onbekend', gemeente: 'Rotterdam', vorm: 'arbeidsuitbuiting', minderjarig: false },
    });
    const clientsBefore = (await call<{ total: number }>('clienten.list', {})).total;
    withStore(<MeldingScreen id={m.id} />);
    const form = await screen.findByRole('form', { name: 'Maak er een traject van' });
    change(within(form).getByLabelText(/^Roepnaam van de cliënt/), 'testa');
    change(within(form).getByLabelText(/^Achternaam/), 'Ooievaarsmá');
    change(within(form).getByLabelText(/^Geboortedatum/), '03-02-1991');
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Maak er een traject van' })));

    const warning = await screen.findByTestId('convert-duplicate');
    expect(warning.textContent).toContain(`Cliënt ${existing.pseudoniem} heeft dezelfde naam en geboortedatum.`);
    await waitFor(() => expect(focused()).toBe(within(warning).getByRole('heading', { name: 'Deze cliënt bestaat misschien al' })));
    // Nothing was made yet: no new cliënt, the melding without a traject.
    expect((await call<{ total: number }>('clienten.list', {})).total).toBe(clientsBefore);
    expect((await call<Melding>('meldingen.get', { id: m.id })).trajectId).toBeNull();

    await act(async () => fireEvent.click(within(warning).getByRole('button', { name: `Traject starten voor ${existing.pseudoniem}` })));
    await waitFor(async () => expect((await call<Melding>('meldingen.get', { id: m.id })).trajectId).not.toBeNull());
    const traject = await call<{ traject: { clientId: string } }>('trajecten.get', { id: (await call<Melding>('meldingen.get', { id: m.id })).trajectId });
    expect(traject.traject.clientId).toBe(existing.id);
    expect((await call<{ total: number }>('clienten.list', {})).total).toBe(clientsBefore);
  });

  it('makes a new cliënt on purpose after the warning (the same BSN under another name)', async () => {
    await call<Client>('clienten.create', { fields: { roepnaam: 'Testb', bsn: '123456782' } });
    const m = await call<Melding>('meldingen.create', {
      fields: { datum: '2025-04-06', kanaal: 'telefoon', anoniem: true, melderType: 'onbekend', gemeente: 'Rotterdam', vorm: 'arbeidsuitbuiting', minderjarig: false },
    });
    const clientsBefore = (await call<{ total: number }>('clienten.list', {})).total;
    withStore(<MeldingScreen id={m.id} />);
    const form = await screen.findByRole('form', { name: 'Maak er een traject van' });
    change(within(form).getByLabelText(/^Roepnaam van de cliënt/), 'Andere naam');
    change(within(form).getByLabelText(/^BSN/), '123456782');
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Maak er een traject van' })));
    const warning = await screen.findByTestId('convert-duplicate');
    expect(warning.textContent).toMatch(/Cliënt KK-[2-9A-Z]{4}-[2-9A-Z]{2} heeft hetzelfde BSN\./);
    await act(async () => fireEvent.click(within(warning).getByRole('button', { name: 'Toch een nieuwe cliënt maken' })));
    await waitFor(async () => expect((await call<Melding>('meldingen.get', { id: m.id })).trajectId).not.toBeNull());
    expect((await call<{ total: number }>('clienten.list', {})).total).toBe(clientsBefore + 1);
  });
});
