// @vitest-environment happy-dom
// A decision, the register and the rule set in the renderer, against a real core and a real
// encrypted vault: four eyes (one's own name refused in plain Dutch, a colleague's accepted, the
// package only after), a consent withdrawn since makes the gate refuse the package calmly with the
// core's reason (before any dialog; the refusal recorded), the register searched and exported as CSV through main's
// save dialog, and a new rule-set version imported. Every person here is synthetic.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/casework/dates';
import { COMENSHA, today, vkVault } from './setup';

const vault = vkVault('Testa Besluit');
const { call, s, renderApp } = vault;

type Stap = { concept: { id: string; version: number }; stap: { soort: string; vraag?: { id: string } } };

/** A synthetic traject with the cliënt's written CoMensha consent, and a completed CoMensha decision on it. */
async function comenshaBesluit(achternaam: string, vierOgen: boolean): Promise<{ besluitId: string; toestemmingId: string; pseudoniem: string }> {
  const client = await call<{ id: string; pseudoniem: string }>('clienten.create', { fields: { roepnaam: 'Testa', achternaam, geboortedatum: `${Number(today.slice(0, 4)) - 30}-01-20` } });
  const traject = await call<{ id: string }>('trajecten.create', { clientId: client.id, fields: { vormen: ['arbeidsuitbuiting'], minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: addDays(today, -60) } });
  const toestemming = await call<{ id: string }>('toestemmingen.add', { trajectId: traject.id, fields: { doel: 'registratie-comensha', ontvanger: 'CoMensha', vanaf: addDays(today, -30), schriftelijk: true, gegevenDoor: 'client' } });
  let stap = await call<Stap>('verstrekkingen.createDraft', { trajectId: traject.id, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend', 'uitbuiting'] });
  while (stap.stap.soort === 'vraag') stap = await call<Stap>('verstrekkingen.step', { id: stap.concept.id, version: stap.concept.version, antwoord: { vraag: stap.stap.vraag!.id, waarde: COMENSHA[stap.stap.vraag!.id] } });
  const besluit = await call<{ id: string }>('verstrekkingen.complete', {
    id: stap.concept.id,
    version: stap.concept.version,
    besluit: { noodzaak: 'Registratie.', alternatieven: 'Anoniem is niet genoeg.', bewaartermijn: '5 jaar', herbeoordelingOp: addDays(today, 60), vierOgen },
  });
  return { besluitId: besluit.id, toestemmingId: toestemming.id, pseudoniem: client.pseudoniem };
}

describe('a decision', () => {
  it('with four eyes: unusable until a second person approves with their own name and function', async () => {
    const { besluitId } = await comenshaBesluit('Vierogia', true);
    renderApp();
    act(() => s().openVerstrekkingen({ screen: 'besluit', id: besluitId }));
    const scherm = await screen.findByTestId('vk-besluit');
    await waitFor(() => expect(scherm.textContent).toContain('Wacht op goedkeuring'));
    expect(screen.queryByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' })).toBeNull();
    // Nothing filled in: both fields named.
    fireEvent.click(screen.getByRole('button', { name: 'Goedkeuren' }));
    await waitFor(() => expect(document.querySelector('.kk-error-summary')?.textContent).toContain('Kies uw functie'));
    // One's own name: refused by the core, in Dutch, on the name field; nothing typed is lost.
    fireEvent.change(screen.getByLabelText(/^Naam van de tweede persoon/), { target: { value: 'Testa Besluit' } });
    fireEvent.change(screen.getByLabelText(/^Functie van de tweede persoon/), { target: { value: 'privacy-officer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Goedkeuren' }));
    await waitFor(() => expect(screen.getAllByText('Vier ogen: een tweede persoon keurt goed, met de eigen naam. Dat kunt u niet zelf doen').length).toBeGreaterThan(0));
    expect((screen.getByLabelText(/^Naam van de tweede persoon/) as HTMLInputElement).value).toBe('Testa Besluit');
    expect(s().vkBesluit?.staat).toBe('wacht-op-goedkeuring');
    // A colleague's own name: approved, usable, the package offered.
    fireEvent.change(screen.getByLabelText(/^Naam van de tweede persoon/), { target: { value: 'Testo Collega' } });
    fireEvent.click(screen.getByRole('button', { name: 'Goedkeuren' }));
    await waitFor(() => expect(s().vkBesluit?.staat).toBe('bruikbaar'));
    expect(scherm.textContent).toContain('goedgekeurd door Testo Collega (Privacy officer)');
    expect(screen.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' })).toBeTruthy();
  });

  it('a consent withdrawn since: the gate refuses the package calmly with its reason before any dialog, and records the refusal', async () => {
    const { besluitId, toestemmingId } = await comenshaBesluit('Intrekkia', false);
    renderApp();
    act(() => s().openVerstrekkingen({ screen: 'besluit', id: besluitId }));
    await waitFor(() => expect(s().vkBesluit?.staat).toBe('bruikbaar'));
    // The cliënt withdraws consent while the screen is open.
    await call('toestemmingen.withdraw', { id: toestemmingId, datum: today });
    // No dialog answer is given: the gate refuses before main shows the save dialog (a dialog
    // shown anyway would be cancelled, and the screen would say nothing was saved).
    fireEvent.click(screen.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' }));
    const melding = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.kk-vk-melding');
      if (!el) throw new Error('no message yet');
      return el;
    });
    expect(melding.dataset.errorCode).toBe('DISCLOSURE_REFUSED');
    // Calm: a warning, not an error; what it means and the core's own reason.
    expect(melding.className).toContain('warning');
    expect(melding.textContent).toContain('Deze verstrekking mag niet. Er gaan geen gegevens naar buiten.');
    expect(within(melding).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(melding.textContent).toMatch(/toestemming/i);
    expect(screen.queryByText('U hebt niets opgeslagen.')).toBeNull();
    expect(screen.queryByTestId('vk-wachtwoord')).toBeNull();
    const register = await call<{ items: { soort: string; wat?: string }[] }>('verstrekkingen.register', { filter: { soort: 'geweigerd' } });
    expect(register.items).toEqual([expect.objectContaining({ soort: 'geweigerd', wat: 'pakket' })]);
  });
});

describe('the package password', () => {
  it('is shown once with "Wachtwoord kopiëren": main copies it (said, focus stays); closing, a next package or leaving the screen makes main forget it, and copying then says it cannot', async () => {
    const { besluitId } = await comenshaBesluit('Kopiea', false);
    renderApp();
    act(() => s().openVerstrekkingen({ screen: 'besluit', id: besluitId }));
    await waitFor(() => expect(s().vkBesluit?.staat).toBe('bruikbaar'));
    vault.env.answerFileDialog(join(dirname(vault.env.vaultDir), 'kopiea.pdf'));
    fireEvent.click(screen.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' }));
    const paneel = await screen.findByTestId('vk-wachtwoord');
    const wachtwoord = within(paneel).getByTestId('vk-wachtwoord-waarde').textContent!;
    expect(wachtwoord).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){4}$/);
    const knop = within(paneel).getByRole('button', { name: 'Wachtwoord kopiëren' });
    knop.focus();
    fireEvent.click(knop);
    const status = within(paneel).getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Gekopieerd. Het wachtwoord wordt na 30 seconden van het klembord gewist.'));
    expect(document.activeElement).toBe(knop);
    // The window asks by the package's register id only; the password never goes back.
    const registerId = (await call<{ items: { id: string; soort: string }[] }>('verstrekkingen.register', { filter: { soort: 'pakket' } })).items[0]!.id;
    expect(await call('verstrekkingen.kopieerWachtwoord', { registerId })).toEqual({ gekopieerd: true, wisNaSeconden: 30 });
    // Closing: gone from the screen and from main.
    fireEvent.click(within(paneel).getByRole('button', { name: 'Ik heb het wachtwoord opgeschreven' }));
    await waitFor(() => expect(screen.queryByTestId('vk-wachtwoord')).toBeNull());
    expect(document.body.textContent).not.toContain(wachtwoord);
    await waitFor(async () => expect(await call('verstrekkingen.kopieerWachtwoord', { registerId })).toEqual({ gekopieerd: false, reden: 'verlopen' }));
    // A next package, whose password main has forgotten meanwhile (as after 10 minutes): said plainly.
    vault.env.answerFileDialog(join(dirname(vault.env.vaultDir), 'kopiea-2.pdf'));
    fireEvent.click(screen.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' }));
    const tweede = await screen.findByTestId('vk-wachtwoord');
    const tweedeId = (await call<{ items: { id: string }[] }>('verstrekkingen.register', { filter: { soort: 'pakket' } })).items[0]!.id;
    expect(tweedeId).not.toBe(registerId);
    await call('verstrekkingen.vergeetWachtwoord', { registerId: tweedeId });
    expect(await call('verstrekkingen.kopieerWachtwoord', { registerId: tweedeId })).toEqual({ gekopieerd: false, reden: 'verlopen' });
    fireEvent.click(within(tweede).getByRole('button', { name: 'Wachtwoord kopiëren' }));
    await waitFor(() => expect(within(tweede).getByRole('status').textContent).toBe('Kopiëren kan niet meer: Ketenkluis houdt het wachtwoord maar 10 minuten vast. Neem het wachtwoord over van het scherm.'));
    // Leaving the screen closes the password as 'Ik heb het wachtwoord opgeschreven' does: main forgets it.
    vault.env.answerFileDialog(join(dirname(vault.env.vaultDir), 'kopiea-3.pdf'));
    fireEvent.click(screen.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' }));
    await screen.findByText(/kopiea-3\.pdf/);
    const derdeId = (await call<{ items: { id: string }[] }>('verstrekkingen.register', { filter: { soort: 'pakket' } })).items[0]!.id;
    expect(derdeId).not.toBe(tweedeId);
    expect(await call('verstrekkingen.kopieerWachtwoord', { registerId: derdeId })).toEqual({ gekopieerd: true, wisNaSeconden: 30 });
    // A next package taking its place closes it too.
    vault.env.answerFileDialog(join(dirname(vault.env.vaultDir), 'kopiea-4.pdf'));
    fireEvent.click(screen.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' }));
    await screen.findByText(/kopiea-4\.pdf/);
    const vierdeId = (await call<{ items: { id: string }[] }>('verstrekkingen.register', { filter: { soort: 'pakket' } })).items[0]!.id;
    await waitFor(async () => expect(await call('verstrekkingen.kopieerWachtwoord', { registerId: derdeId })).toEqual({ gekopieerd: false, reden: 'verlopen' }));
    expect(await call('verstrekkingen.kopieerWachtwoord', { registerId: vierdeId })).toEqual({ gekopieerd: true, wisNaSeconden: 30 });
    act(() => s().openVerstrekkingen({ screen: 'overzicht' }));
    await waitFor(() => expect(screen.queryByTestId('vk-wachtwoord')).toBeNull());
    await waitFor(async () => expect(await call('verstrekkingen.kopieerWachtwoord', { registerId: vierdeId })).toEqual({ gekopieerd: false, reden: 'verlopen' }));
  });
});

describe('the register and the rule set', () => {
  it('searches per cliënt, exports the CSV through main’s save dialog, and says so when cancelled', async () => {
    const a = await comenshaBesluit('Registeria', false);
    renderApp();
    act(() => s().openVerstrekkingen({ screen: 'register' }));
    await waitFor(() => expect(s().vkRegister.total).toBeGreaterThan(0));
    const alle = s().vkRegister.total!;
    fireEvent.change(screen.getByLabelText(/^Cliënt \(pseudoniemcode\)/), { target: { value: a.pseudoniem.toLowerCase() } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(s().vkRegister.total).toBe(1));
    expect(s().vkRegisterFilter).toEqual({ pseudoniem: a.pseudoniem });
    await waitFor(() => expect(screen.getByRole('table', { name: 'Verstrekkingenregister' }).textContent).toContain(a.pseudoniem));
    expect(alle).toBeGreaterThan(1);

    const csv = join(vault.env.vaultDir, '..', 'register.csv');
    vault.env.answerFileDialog(csv);
    fireEvent.click(screen.getByRole('button', { name: 'Exporteren als CSV' }));
    expect(await screen.findByText('Het register is opgeslagen als CSV (1 regel).')).toBeTruthy();
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain(a.pseudoniem);
    expect(text).not.toContain('Vierogia');
    vault.env.answerFileDialog(null);
    fireEvent.click(screen.getByRole('button', { name: 'Exporteren als CSV' }));
    expect(await screen.findByText('U hebt niets opgeslagen.')).toBeTruthy();
  });

  it('shows the versions and imports a new one; the same number again is refused with the core’s reason', async () => {
    renderApp();
    act(() => s().openVerstrekkingen({ screen: 'regels' }));
    await waitFor(() => expect(s().vkVersies.map((v) => v.versie)).toEqual(['1']));
    expect(s().vkVersies[0]).toMatchObject({ actueel: true, herkomst: 'ingebouwd' });
    const v1 = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'resources', 'stappenplan', 'v1.json'), 'utf8')) as Record<string, unknown>;
    const file = join(vault.env.vaultDir, '..', 'v3.json');
    writeFileSync(file, JSON.stringify({ ...v1, versie: '3' }));
    vault.env.answerFileDialog(file);
    fireEvent.click(screen.getByRole('button', { name: 'Bestand kiezen en importeren' }));
    expect(await screen.findByText('Versie 3 is geïmporteerd en is nu in gebruik.')).toBeTruthy();
    await waitFor(() => expect(s().vkVersies.find((v) => v.actueel)?.versie).toBe('3'));
    writeFileSync(file, JSON.stringify({ ...v1, versie: '3', toelichting: 'Andere tekst, zelfde nummer.' }));
    vault.env.answerFileDialog(file);
    fireEvent.click(screen.getByRole('button', { name: 'Bestand kiezen en importeren' }));
    await waitFor(() => expect(document.querySelector('.kk-vk-melding')?.textContent).toContain('Versie 3 staat al in de kluis'));
    expect(s().vkVersies).toHaveLength(2);
  });
});
