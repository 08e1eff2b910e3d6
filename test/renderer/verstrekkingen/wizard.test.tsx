// @vitest-environment happy-dom
// The privacy-stappenplan wizard in the renderer, against a real core and a real encrypted vault
// (only the transport is skipped): step 0 proposes the purpose's minimal data and shows the
// traject's consents, one question at a time with its help and "Stap n van 9", focus on the
// question's heading at every step, Back keeps the answer, a draft resumes with its answers in
// order, the outcome with reasoning, sources and the preview, the decision record, the package's
// password shown once, and everything dropped on lock. Every person here is synthetic.
import { join } from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/casework/dates';
import { PASSPHRASE } from '../inProcessApi';
import { COMENSHA, today, vkVault } from './setup';

const vault = vkVault('Testa Wizard', { virtualLists: false });
const { call, s, renderApp } = vault;

let trajectId = '';
let pseudoniem = '';

beforeAll(async () => {
  const client = await call<{ id: string; pseudoniem: string }>('clienten.create', {
    fields: { roepnaam: 'Testa', achternaam: 'Wizardia', geboortedatum: `${Number(today.slice(0, 4)) - 24}-05-02`, geslacht: 'vrouw', nationaliteit: 'Fictief', gezondheid: 'Synthetische gezondheidsnotitie' },
  });
  pseudoniem = client.pseudoniem;
  const traject = await call<{ id: string }>('trajecten.create', {
    clientId: client.id,
    fields: { vormen: ['seksuele-uitbuiting'], minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: addDays(today, -20) },
  });
  trajectId = traject.id;
  await call('toestemmingen.add', { trajectId, fields: { doel: 'registratie-comensha', ontvanger: 'CoMensha', vanaf: addDays(today, -10), schriftelijk: true, gegevenDoor: 'client' } });
});

/** The heading of the step on screen (the question, step 0, or the outcome). */
const vraagKop = () => screen.getByTestId('vk-vraag');

/** Waits until the step on screen shows `tekst` and has focus. */
async function opStap(tekst: string | RegExp): Promise<void> {
  await waitFor(() => expect(vraagKop().textContent).toMatch(tekst));
  await waitFor(() => expect(document.activeElement).toBe(vraagKop()));
}

/** Chooses `waarde` for the question on screen and presses Volgende. */
async function antwoord(waarde: string): Promise<void> {
  const stap = s().vkStap!.stap;
  if (stap.soort !== 'vraag') throw new Error('no question on screen');
  const radio = document.querySelector<HTMLInputElement>(`input[name="vk-vraag-${stap.vraag.id}"][value="${waarde}"]`);
  if (!radio) throw new Error(`no answer ${waarde} for ${stap.vraag.id}`);
  fireEvent.click(radio);
  const version = s().vkStap!.concept.version;
  fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
  await waitFor(() => expect(s().vkStap!.concept.version).toBeGreaterThan(version));
}

function ddmmjjjj(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

describe('the stappenplan wizard', () => {
  it('walks a CoMensha registration with written consent from step 0 to a decision and its package', async () => {
    renderApp();
    act(() => s().startVerstrekking(trajectId));

    // Step 0: the traject's consents with their state, the recipient, the purpose, the data.
    await opStap('Aan wie wilt u gegevens geven, en waarvoor?');
    expect(screen.getByTestId('vk-stap').textContent).toBe('Stap 0 van 9: Ontvanger');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Toestemmingen van dit traject' }).textContent).toContain('Geldig'));
    const partner = await screen.findByLabelText('Ontvanger');
    await waitFor(() => expect(within(partner).queryByRole('option', { name: /CoMensha/ })).not.toBeNull());
    fireEvent.change(partner, { target: { value: 'comensha' } });
    fireEvent.click(await screen.findByRole('radio', { name: /Registratie bij CoMensha/ }));
    // The proposal for this purpose: exactly what it can need, nothing special or criminal ticked.
    const ticked = [...document.querySelectorAll<HTMLInputElement>('input[name="vk-gegevens"]:checked')].map((i) => i.value);
    expect(ticked).toEqual(['identificerend', 'achtergrond', 'traject', 'uitbuiting']);
    expect((screen.getByRole('checkbox', { name: /^gezondheid/ }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Stappenplan starten' }));

    // Step 1: one question with its plain help; focus on the question.
    await opStap('Kunt u het doel ook bereiken zonder persoonsgegevens?');
    expect(screen.getByTestId('vk-stap').textContent).toBe('Stap 1 van 9: Zijn persoonsgegevens nodig?');
    expect(screen.getByText(/anoniem te bespreken/)).toBeTruthy();
    // Without a choice: a clear message, nothing written.
    const v0 = s().vkStap!.concept.version;
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(await screen.findByText('Kies een antwoord.')).toBeTruthy();
    expect(s().vkStap!.concept.version).toBe(v0);
    await antwoord('nee');
    await opStap('Verstrekt u gegevens uit de politieregistratie');
    expect(screen.getByTestId('vk-stap').textContent).toBe('Stap 2 van 9: Welke wet geldt?');

    // Back keeps the answer; Next without a change writes nothing and returns.
    fireEvent.click(screen.getByRole('button', { name: 'Vorige' }));
    await opStap('Kunt u het doel ook bereiken zonder persoonsgegevens?');
    expect((screen.getByRole('radio', { name: 'Nee, ik heb persoonsgegevens nodig' }) as HTMLInputElement).checked).toBe(true);
    const v1 = s().vkStap!.concept.version;
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await opStap('Verstrekt u gegevens uit de politieregistratie');
    expect(s().vkStap!.concept.version).toBe(v1);
    // Back from the first question shows step 0 with the data (the recipient and purpose fixed).
    fireEvent.click(screen.getByRole('button', { name: 'Vorige' }));
    await opStap('Kunt u het doel ook bereiken');
    fireEvent.click(screen.getByRole('button', { name: 'Vorige' }));
    await opStap('Ontvanger, doel en gegevens');
    expect(within(document.querySelector<HTMLElement>('.kk-vk-question')!).getByText('CoMensha (Meldpunt of coördinatie)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Terug naar de vraag van nu' }));
    await opStap('Verstrekt u gegevens uit de politieregistratie');

    // The rest, one at a time, each with focus on its heading and the right step number.
    for (let i = 0; i < 20 && s().vkStap!.stap.soort === 'vraag'; i++) {
      const stap = s().vkStap!.stap;
      if (stap.soort !== 'vraag') break;
      await opStap(stap.vraag.tekst);
      expect(screen.getByTestId('vk-stap').textContent).toMatch(new RegExp(`^Stap ${stap.vraag.stap} van 9`));
      await antwoord(COMENSHA[stap.vraag.id]!);
    }

    // Step 9: the outcome with exactly the fields, the reasoning, the sources and the preview.
    await opStap('Uitkomst: u mag deze gegevens geven');
    expect(screen.getByTestId('vk-stap').textContent).toBe('Stap 9 van 9: Vastleggen');
    const uitkomst = s().vkStap!.stap;
    if (uitkomst.soort !== 'uitkomst') throw new Error('no outcome');
    expect(uitkomst.velden).toEqual(['identificerend', 'achtergrond', 'traject', 'uitbuiting']);
    expect(screen.getByRole('heading', { name: 'Waarom' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Bronnen' })).toBeTruthy();
    for (const regel of uitkomst.redenering) expect(screen.getAllByText(regel).length).toBeGreaterThan(0);
    const voorbeeld = await screen.findByTestId('vk-voorbeeld');
    await waitFor(() => expect(voorbeeld.textContent).toContain('Wizardia'));
    // Health was not asked, so it is nowhere in what would leave.
    expect(voorbeeld.textContent).not.toContain('Synthetische gezondheidsnotitie');

    // The decision record: the core's Dutch messages land on their fields, nothing typed is lost.
    fireEvent.change(screen.getByLabelText('Hoe lang mag de ontvanger de gegevens bewaren?'), { target: { value: 'Tot het einde van de registratie, hooguit 5 jaar' } });
    fireEvent.change(screen.getByLabelText('Wanneer bekijkt u dit besluit opnieuw?'), { target: { value: ddmmjjjj(addDays(today, 90)) } });
    fireEvent.click(screen.getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(screen.getAllByText('Schrijf op waarom het delen nodig is en in verhouding staat tot het doel').length).toBeGreaterThan(0));
    expect((screen.getByLabelText('Hoe lang mag de ontvanger de gegevens bewaren?') as HTMLInputElement).value).toBe('Tot het einde van de registratie, hooguit 5 jaar');
    fireEvent.change(screen.getByLabelText('Waarom is delen nodig?'), { target: { value: 'Registratie is nodig voor de landelijke coördinatie.' } });
    fireEvent.change(screen.getByLabelText('Welke andere manieren hebt u overwogen?'), { target: { value: 'Anoniem melden; dan kan CoMensha niet registreren.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Besluit vastleggen' }));

    // The decision: usable, with the record; the draft is gone.
    await waitFor(() => expect(screen.getByTestId('vk-besluit').textContent).toContain('Te gebruiken'));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Besluit VK-/));
    const besluit = s().vkBesluit!;
    expect(besluit).toMatchObject({ uitkomst: 'toegestaan', velden: ['identificerend', 'achtergrond', 'traject', 'uitbuiting'], staat: 'bruikbaar', pseudoniem });
    expect((await call<{ concepten: unknown[] }>('verstrekkingen.listDrafts', {})).concepten).toEqual([]);

    // The package: main's save dialog, the password shown once with the instruction.
    vault.env.answerFileDialog(join(vault.env.vaultDir, '..', 'pakket.pdf'));
    fireEvent.click(screen.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' }));
    const wachtwoord = await screen.findByTestId('vk-wachtwoord-waarde');
    const geheim = wachtwoord.textContent ?? '';
    expect(geheim.length).toBeGreaterThan(10);
    expect(screen.getByText(/op een andere manier aan de ontvanger/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Het pakket is opgeslagen'));
    // Never kept in the store.
    expect(JSON.stringify(s())).not.toContain(geheim);
    fireEvent.click(screen.getByRole('button', { name: 'Ik heb het wachtwoord opgeschreven' }));
    await waitFor(() => expect(screen.queryByTestId('vk-wachtwoord')).toBeNull());
    expect(document.body.textContent).not.toContain(geheim);

    // Copying one field: main's clipboard, cleared after 30 seconds.
    fireEvent.change(screen.getByLabelText('Eén gegeven kopiëren'), { target: { value: 'achternaam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kopiëren' }));
    expect(await screen.findByText('Achternaam staat op het klembord. Over 30 seconden is het klembord weer leeg.')).toBeTruthy();

    // Locked: nothing of the disclosure is left in the renderer.
    await act(async () => {
      await s().lock();
    });
    expect(s().vkBesluit).toBeNull();
    expect(s().vkStap).toBeNull();
    expect(s().verstrekkingenView).toEqual({ screen: 'overzicht' });
    expect(JSON.stringify(s())).not.toContain(pseudoniem);
    expect(await s().unlock(PASSPHRASE)).toBe(true);
  });

  it('speaks English when the person chose English (the rule set’s own questions stay Dutch)', async () => {
    expect(await s().updateSettings({ language: 'en' })).toBe(true);
    try {
      renderApp();
      act(() => s().startVerstrekking(trajectId));
      await opStap('Who do you want to give data to, and what for?');
      expect(screen.getByTestId('vk-stap').textContent).toBe('Step 0 of 9: Recipient');
      expect(screen.getByRole('heading', { name: 'Consents of this traject' })).toBeTruthy();
      fireEvent.change(await screen.findByLabelText('Recipient'), { target: { value: 'comensha' } });
      fireEvent.click(await screen.findByRole('radio', { name: /^Registration with CoMensha/ }));
      fireEvent.click(screen.getByRole('button', { name: 'Start the step-by-step plan' }));
      await opStap('Kunt u het doel ook bereiken zonder persoonsgegevens?');
      expect(screen.getByTestId('vk-stap').textContent).toBe('Step 1 of 9: Is personal data needed?');
      expect(screen.getByRole('button', { name: 'Next' })).toBeTruthy();
      await call('verstrekkingen.discardDraft', { id: s().vkStap!.concept.id, version: s().vkStap!.concept.version });
    } finally {
      expect(await s().updateSettings({ language: 'nl' })).toBe(true);
    }
  });

  it('resumes a saved draft at its question, with the earlier answers in the order they were asked', async () => {
    const start = await call<{ concept: { id: string; version: number } }>('verstrekkingen.createDraft', { trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend', 'uitbuiting'] });
    let ref = start.concept;
    for (const vraag of ['zonder-persoonsgegevens', 'afzender-opsporing', 'doel-verenigbaar']) {
      const next = await call<{ concept: { id: string; version: number } }>('verstrekkingen.step', { id: ref.id, version: ref.version, antwoord: { vraag, waarde: COMENSHA[vraag] } });
      ref = next.concept;
    }
    renderApp();
    await waitFor(() => expect(s().profielVraag).toBe('klaar'));
    act(() => s().openVerstrekkingen({ screen: 'overzicht' }));
    await waitFor(() => expect(s().vkConcepten.length).toBeGreaterThan(0));
    const verder = await screen.findByRole('button', { name: `Verder gaan met het concept voor ${pseudoniem}` });
    fireEvent.click(verder);
    await waitFor(() => expect(s().vkStap?.concept.id).toBe(ref.id));
    const huidig = s().vkStap!.stap;
    if (huidig.soort !== 'vraag') throw new Error('expected a question');
    await opStap(huidig.vraag.tekst);
    expect(s().vkPad.map((v) => v.id)).toEqual(['zonder-persoonsgegevens', 'afzender-opsporing', 'doel-verenigbaar']);
    const antwoorden = screen.getByRole('heading', { name: 'Uw antwoorden' }).parentElement!;
    expect(within(antwoorden).getAllByRole('listitem')).toHaveLength(3);
    // Change an earlier answer from the list: that question comes back with its answer chosen.
    fireEvent.click(within(antwoorden).getByRole('button', { name: /Antwoord wijzigen: Past dit doel/ }));
    await opStap('Past dit doel bij het doel waarvoor u de gegevens kreeg?');
    expect((screen.getByRole('radio', { name: 'Ja, het past bij het oorspronkelijke doel' }) as HTMLInputElement).checked).toBe(true);
    // Throw the draft away from the overview, after the question.
    act(() => s().openVerstrekkingen({ screen: 'overzicht' }));
    fireEvent.click(await screen.findByRole('button', { name: `Het concept voor ${pseudoniem} weggooien` }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, weggooien' }));
    expect(await screen.findByText('Er zijn geen concepten.')).toBeTruthy();
  });
});
