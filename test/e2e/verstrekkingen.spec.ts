// The privacy-stappenplan in the browser, against a real core (issue 12): a CoMensha registration
// with the cliënt's written consent (allowed, only the purpose's minimal data; package, print and
// copy), a police request without consent in a non-acute case (only without personal data, no
// package), a report to Veilig Thuis under meldrecht with a four-eyes approval, and the register
// with its CSV (main's save dialog, scripted through the bridge) and the rule set's versions.
// Every wizard step: focus on its heading, "Stap n van 9", axe-core finds nothing, and a
// screenshot is saved to test-results/screens/. Every person here is synthetic.
import { COMENSHA_ANTWOORDEN } from '../shared/stappenplan/comenshaAntwoorden';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkScreen, createVault, expect, repoRoot, test, type AppHandle } from './fixtures';
import { join } from 'node:path';

/** Calls the core through the bridge, as the page itself does (test set-up only). */
async function invoke<T>(app: AppHandle, method: string, input: unknown): Promise<T> {
  const response = await app.page.request.post(`${app.baseUrl}/api/invoke`, {
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    data: { method, input },
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value as T;
}

function isoDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const ddmmjjjj = (iso: string) => iso.split('-').reverse().join('-');

/** A synthetic cliënt of 24 with a traject; with the cliënt's written consent for CoMensha when asked. */
async function seedTraject(app: AppHandle, options: { achternaam: string; comensha?: boolean }): Promise<{ trajectId: string; pseudoniem: string }> {
  const year = new Date().getFullYear();
  const client = await invoke<{ id: string; pseudoniem: string }>(app, 'clienten.create', {
    fields: { roepnaam: 'Testa', achternaam: options.achternaam, geboortedatum: `${year - 24}-04-11`, geslacht: 'vrouw', nationaliteit: 'Fictief', telefoon: '0600000000', gezondheid: 'Synthetische gezondheidsnotitie' },
  });
  const traject = await invoke<{ id: string }>(app, 'trajecten.create', {
    clientId: client.id,
    fields: { vormen: ['seksuele-uitbuiting'], minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: isoDay(-40) },
  });
  if (options.comensha) {
    await invoke(app, 'toestemmingen.add', { trajectId: traject.id, fields: { doel: 'registratie-comensha', ontvanger: 'CoMensha', vanaf: isoDay(-14), schriftelijk: true, gegevenDoor: 'client' } });
  }
  return { trajectId: traject.id, pseudoniem: client.pseudoniem };
}

const stepHeading = (page: Page) => page.getByTestId('vk-vraag');

// Every step gets axe-core and a screenshot: on a busy machine that is more than the default 90 s.
test.describe.configure({ timeout: 300_000 });

/** Opens the Verstrekkingen area and starts a disclosure for the traject of this pseudonym. */
async function startFromArea(page: Page, pseudoniem: string, shot?: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Verstrekkingen' }).click();
  await page.getByLabel('Pseudoniemcode of naam van de cliënt').fill(pseudoniem);
  await page.getByRole('button', { name: 'Traject zoeken' }).click();
  await expect(page.getByText('1 traject(en) gevonden.')).toBeVisible();
  if (shot) await checkScreen(page, shot);
  await page.getByRole('button', { name: `Kies het traject van ${pseudoniem}` }).click();
}

/** Step 0: checks it (focus, progress, consents), chooses the recipient and the purpose, and starts. */
async function stepZero(page: Page, shot: string, partner: string, doel: RegExp, consent: string, proposal: string[]): Promise<void> {
  await expect(stepHeading(page)).toHaveText('Aan wie wilt u gegevens geven, en waarvoor?');
  await expect(stepHeading(page)).toBeFocused();
  await expect(page.getByTestId('vk-stap')).toHaveText('Stap 0 van 9: Ontvanger');
  await expect(page.getByRole('region', { name: 'Toestemmingen van dit traject' })).toContainText(consent);
  await page.getByLabel('Ontvanger', { exact: true }).selectOption(partner);
  await page.getByRole('radio', { name: doel }).check();
  // The proposal for the purpose: what the rule set says it can need at most, nothing else.
  const ticked = await page.locator('input[name="vk-gegevens"]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(ticked).toEqual(proposal);
  await checkScreen(page, shot);
  await page.getByRole('button', { name: 'Stappenplan starten' }).click();
}

/**
 * Answers the wizard's questions from `answers` until the outcome: at each step the heading
 * has focus, the progress says the step, axe-core is clean and a screenshot is saved.
 */
async function answerAll(page: Page, prefix: string, answers: Record<string, string>): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 1; i < 25; i++) {
    const heading = stepHeading(page);
    await expect(heading).toBeFocused();
    const radio = page.locator('input[type="radio"][name^="vk-vraag-"]').first();
    if ((await radio.count()) === 0) break;
    const id = ((await radio.getAttribute('name')) ?? '').replace('vk-vraag-', '');
    await expect(page.getByTestId('vk-stap')).toHaveText(/^Stap [1-8] van 9: /);
    await checkScreen(page, `${prefix}-${String(i).padStart(2, '0')}-${id}`);
    const value = answers[id];
    expect(value, `an answer for ${id}`).toBeDefined();
    asked.push(id);
    // Keyboard only: the answer is chosen with the keyboard, Next with Enter.
    await page.locator(`input[name="vk-vraag-${id}"][value="${value}"]`).focus();
    await page.keyboard.press('Space');
    await expect(page.locator(`input[name="vk-vraag-${id}"][value="${value}"]`)).toBeChecked();
    const before = await heading.innerText();
    await page.getByRole('button', { name: 'Volgende' }).press('Enter');
    await expect(heading).not.toHaveText(before);
  }
  await expect(page.getByTestId('vk-stap')).toHaveText('Stap 9 van 9: Vastleggen');
  return asked;
}


test('CoMensha registration with written consent: allowed with only the minimal fields; package with a password shown once, print and copy', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const { pseudoniem } = await seedTraject(app, { achternaam: 'Registratia', comensha: true });

  // From the traject page: "Gegevens verstrekken".
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Snel openen' });
  await page.keyboard.type(pseudoniem);
  await dialog.getByRole('option').filter({ hasText: 'Traject' }).first().click();
  await expect(page.getByTestId('traject-screen')).toBeVisible();
  await page.getByRole('button', { name: 'Gegevens verstrekken' }).click();

  // The proposal for a registration: naam, achtergrond, traject and uitbuiting; health is not ticked.
  await stepZero(page, 'vk-comensha-00-start', 'comensha', /^Registratie bij CoMensha/, 'Geldig', ['identificerend', 'achtergrond', 'traject', 'uitbuiting']);

  // Back keeps the answer (checked once, on the first two questions).
  await expect(stepHeading(page)).toHaveText('Kunt u het doel ook bereiken zonder persoonsgegevens?');
  await expect(stepHeading(page)).toBeFocused();
  await expect(page.getByTestId('vk-stap')).toHaveText('Stap 1 van 9: Zijn persoonsgegevens nodig?');
  await checkScreen(page, 'vk-comensha-00b-zonder-persoonsgegevens');
  await page.getByRole('radio', { name: 'Nee, ik heb persoonsgegevens nodig' }).check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(stepHeading(page)).toContainText('politieregistratie');
  await page.getByRole('button', { name: 'Vorige' }).click();
  await expect(stepHeading(page)).toHaveText('Kunt u het doel ook bereiken zonder persoonsgegevens?');
  await expect(stepHeading(page)).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Nee, ik heb persoonsgegevens nodig' })).toBeChecked();
  // Back from the first question: step 0 again, recipient and purpose fixed, the data still open.
  await page.getByRole('button', { name: 'Vorige' }).click();
  await expect(stepHeading(page)).toHaveText('Ontvanger, doel en gegevens');
  await expect(stepHeading(page)).toBeFocused();
  await expect(page.getByTestId('vk-stap')).toHaveText('Stap 0 van 9: Ontvanger');
  await checkScreen(page, 'vk-comensha-00c-stap0-terug');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(stepHeading(page)).toHaveText('Kunt u het doel ook bereiken zonder persoonsgegevens?');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(stepHeading(page)).toContainText('politieregistratie');

  await answerAll(page, 'vk-comensha', COMENSHA_ANTWOORDEN);
  await expect(stepHeading(page)).toHaveText('Uitkomst: u mag deze gegevens geven');
  await expect(stepHeading(page)).toBeFocused();
  const allowed = page.locator('.kk-vk-outcome-box');
  for (const c of ['naam en geboortedatum', 'geslacht, herkomst en taal', 'gegevens over het traject of de melding', 'vorm van uitbuiting en signalen']) await expect(allowed).toContainText(c);
  await expect(allowed).not.toContainText('gezondheid');
  await expect(page.getByRole('heading', { name: 'Bronnen' })).toBeVisible();
  const preview = page.getByTestId('vk-voorbeeld');
  await expect(preview).toContainText('CoMensha');
  await expect(preview).toContainText('Registratia');
  await expect(preview).not.toContainText('Synthetische gezondheidsnotitie');
  await expect(preview).not.toContainText('0600000000');
  await checkScreen(page, 'vk-comensha-90-uitkomst');

  // The decision record: a missing text is named in Dutch on its field; nothing typed is lost.
  await page.getByLabel('Hoe lang mag de ontvanger de gegevens bewaren?').fill('Zolang CoMensha de registratie nodig heeft, hooguit 5 jaar');
  await page.getByLabel('Wanneer bekijkt u dit besluit opnieuw?').fill(ddmmjjjj(isoDay(180)));
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(page.locator('.kk-error-summary')).toContainText('Schrijf op waarom het delen nodig is');
  await expect(page.getByLabel('Waarom is delen nodig?')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Hoe lang mag de ontvanger de gegevens bewaren?')).toHaveValue('Zolang CoMensha de registratie nodig heeft, hooguit 5 jaar');
  await checkScreen(page, 'vk-comensha-91-vastleggen-fouten');
  await page.getByLabel('Waarom is delen nodig?').fill('Registratie is nodig voor de landelijke coördinatie en de B8-procedure.');
  await page.getByLabel('Welke andere manieren hebt u overwogen?').fill('Anoniem melden: dan kan CoMensha niet registreren.');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();

  // The decision: usable, its record, reasoning and sources.
  await expect(page.getByRole('heading', { level: 2, name: /^Besluit VK-/ })).toBeFocused();
  await expect(page.getByTestId('vk-besluit')).toContainText('Te gebruiken');
  await expect(page.getByTestId('vk-besluit')).toContainText('Testa E2E-profiel');
  await checkScreen(page, 'vk-comensha-92-besluit');

  // The package: main's save dialog (scripted), the password shown once.
  const path = await app.chooseFile('registratie.pdf', '');
  await page.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' }).click();
  const secret = page.getByTestId('vk-wachtwoord-waarde');
  await expect(secret).toBeVisible();
  const password = (await secret.innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(16);
  await expect(page.getByRole('heading', { name: 'Het pakket is opgeslagen' })).toBeFocused();
  await expect(page.getByTestId('vk-wachtwoord')).toContainText('op een andere manier aan de ontvanger');
  // Copying the password: main copies it from its own memory (the page sends only the package's
  // register id); focus stays on the button and the status line says it is cleared in 30 seconds
  // (the clearing itself is unit-tested with fake timers in test/main/verstrekkingenMain.test.ts).
  const copyPassword = page.getByTestId('vk-wachtwoord').getByRole('button', { name: 'Wachtwoord kopiëren', exact: true });
  await copyPassword.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('vk-wachtwoord-status')).toHaveText('Gekopieerd. Het wachtwoord wordt na 30 seconden van het klembord gewist.');
  await expect(page.getByTestId('vk-wachtwoord').getByRole('status')).toHaveText(/^Gekopieerd\./);
  await expect(copyPassword).toBeFocused();
  await checkScreen(page, 'vk-comensha-93-wachtwoord');
  const pdf = readFileSync(path);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.toString('latin1')).toContain('/Encrypt');
  expect(pdf.toString('latin1')).not.toContain('Registratia');
  // The password on the screen is the file's: a recipient opens it with exactly that, and not without.
  expect(spawnSync('qpdf', ['--decrypt', path, `${path}.zonder.pdf`]).status).toBe(2);
  expect(spawnSync('qpdf', [`--password=${password}`, '--decrypt', path, `${path}.open.pdf`]).status).toBe(0);
  expect(spawnSync('pdftotext', ['-enc', 'UTF-8', `${path}.open.pdf`, '-'], { encoding: 'utf8' }).stdout).toContain('Registratia');
  await page.getByRole('button', { name: 'Ik heb het wachtwoord opgeschreven' }).click();
  await expect(page.getByTestId('vk-wachtwoord')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(password);

  // Print and copy, each through the gate.
  await page.getByRole('button', { name: 'Afdrukken' }).click();
  await expect(page.getByText('De gegevens zijn naar de printer gestuurd.')).toBeVisible();
  await page.getByLabel('Eén gegeven kopiëren').selectOption('achternaam');
  await page.getByRole('button', { name: 'Kopiëren', exact: true }).click();
  await expect(page.getByText('Achternaam staat op het klembord. Over 30 seconden is het klembord weer leeg.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kopiëren', exact: true })).toBeFocused();
  // Only fields of the decision's categories can be copied: no phone number here.
  await expect(page.getByLabel('Eén gegeven kopiëren').locator('option[value="telefoon"]')).toHaveCount(0);
  await checkScreen(page, 'vk-comensha-94-acties');
});

test('police request without consent in a non-acute case: only without personal data, nothing can leave', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const { pseudoniem } = await seedTraject(app, { achternaam: 'Politiema' });
  await startFromArea(page, pseudoniem, 'vk-overzicht-zoeken');
  await stepZero(page, 'vk-politie-00-start', 'politie-avim-rotterdam', /^Opsporing/, 'Bij dit traject is geen toestemming vastgelegd.', ['identificerend', 'contactgegevens', 'achtergrond', 'uitbuiting', 'procedures']);
  const asked = await answerAll(page, 'vk-politie', { 'zonder-persoonsgegevens': 'nee', 'afzender-opsporing': 'nee', 'doel-verenigbaar': 'ja', vordering: 'nee', 'acuut-gevaar': 'nee' });
  expect(asked).toContain('vordering');
  await expect(stepHeading(page)).toHaveText('Uitkomst: alleen zonder persoonsgegevens');
  await expect(page.locator('.kk-vk-reasoning')).toContainText('Er is geen vordering van de officier van justitie');
  await expect(page.locator('.kk-vk-reasoning')).toContainText('geen toestemming');
  // Nothing leaves: no preview of data, the retention says so already.
  await expect(page.getByTestId('vk-voorbeeld')).toHaveCount(0);
  await expect(page.getByLabel('Hoe lang mag de ontvanger de gegevens bewaren?')).toHaveValue('Niet van toepassing: er gaan geen persoonsgegevens naar buiten.');
  await checkScreen(page, 'vk-politie-90-uitkomst');
  await page.getByLabel('Wanneer bekijkt u dit besluit opnieuw?').fill(ddmmjjjj(isoDay(30)));
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Besluit VK-/ })).toBeFocused();
  await expect(page.getByTestId('vk-besluit')).toContainText('Geen gegevens toegestaan');
  await expect(page.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' })).toHaveCount(0);
  await checkScreen(page, 'vk-politie-91-besluit');
});

test('Veilig Thuis under meldrecht with a four-eyes approval: usable only after a second person approves with their own name', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const { pseudoniem } = await seedTraject(app, { achternaam: 'Meldrechta' });
  await startFromArea(page, pseudoniem);
  await stepZero(page, 'vk-veiligthuis-00-start', 'veilig-thuis-rotterdam-rijnmond', /^Melding bij Veilig Thuis/, 'Bij dit traject is geen toestemming vastgelegd.', ['identificerend', 'contactgegevens', 'verblijfplaats', 'derden', 'achtergrond', 'traject', 'uitbuiting', 'gezondheid']);
  const asked = await answerAll(page, 'vk-veiligthuis', {
    'zonder-persoonsgegevens': 'nee',
    'afzender-opsporing': 'nee',
    'doel-verenigbaar': 'ja',
    'meldcode-vermoeden': 'ja',
    'uitzondering-bijzonder': 'meldrecht',
    'uitzondering-strafrechtelijk': 'meldrecht',
    'eigen-beroepsgeheim': 'nee',
    proportioneel: 'ja',
    'minder-ingrijpend': 'nee',
    informeren: 'nee-met-reden',
  });
  expect(asked).toContain('meldcode-vermoeden');
  await expect(stepHeading(page)).toHaveText('Uitkomst: u mag deze gegevens geven');
  await expect(page.locator('.kk-vk-reasoning')).toContainText('meldrecht');
  await expect(page.getByTestId('vk-voorbeeld')).toContainText('Meldrechta');
  await page.getByLabel('Waarom is delen nodig?').fill('Vermoeden van mensenhandel binnen het gezin; Veilig Thuis moet kunnen onderzoeken.');
  await page.getByLabel('Welke andere manieren hebt u overwogen?').fill('Anoniem advies gevraagd; dat is niet genoeg om de cliënt te beschermen.');
  await page.getByLabel('Waarom vertelt u het de cliënt niet?').fill('Vertellen brengt de cliënt in gevaar.');
  await page.getByLabel('Hoe lang mag de ontvanger de gegevens bewaren?').fill('Volgens de bewaartermijn van Veilig Thuis');
  await page.getByLabel('Wanneer bekijkt u dit besluit opnieuw?').fill(ddmmjjjj(isoDay(60)));
  await page.getByLabel('Een tweede persoon keurt dit besluit goed (vier ogen)').check();
  await checkScreen(page, 'vk-veiligthuis-90-uitkomst');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();

  // Waiting for the second person: no package yet.
  await expect(page.getByRole('heading', { level: 2, name: /^Besluit VK-/ })).toBeFocused();
  await expect(page.getByTestId('vk-besluit')).toContainText('Wacht op goedkeuring');
  await expect(page.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' })).toHaveCount(0);
  await checkScreen(page, 'vk-veiligthuis-91-wacht');
  // One's own name is refused, calmly, with the core's reason; then a colleague approves.
  await page.getByLabel('Naam van de tweede persoon').fill('Testa E2E-profiel');
  await page.getByLabel('Functie van de tweede persoon').selectOption('privacy-officer');
  await page.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.locator('.kk-error-summary')).toContainText('een tweede persoon keurt goed');
  await checkScreen(page, 'vk-veiligthuis-92-eigen-naam');
  await page.getByLabel('Naam van de tweede persoon').fill('Testo Tweede-Lezer');
  await page.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.getByTestId('vk-besluit')).toContainText('Te gebruiken');
  await expect(page.getByTestId('vk-besluit')).toContainText('goedgekeurd door Testo Tweede-Lezer (Privacy officer)');
  await expect(page.getByRole('button', { name: 'Pakket opslaan (PDF met wachtwoord)' })).toBeVisible();
  await checkScreen(page, 'vk-veiligthuis-93-goedgekeurd');
});

test('the register: search per cliënt, partner, ground and period; CSV through the save dialog; the rule set read and a new version imported', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const a = await seedTraject(app, { achternaam: 'Registera', comensha: true });
  const b = await seedTraject(app, { achternaam: 'Registerb' });
  // Two decisions made through the core directly (the wizard has its own tests above).
  const comensha = await invoke<{ concept: { id: string; version: number } }>(app, 'verstrekkingen.createDraft', { trajectId: a.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend', 'uitbuiting'] });
  let stap = comensha as { concept: { id: string; version: number }; stap: { soort: string; vraag?: { id: string } } };
  while (stap.stap.soort === 'vraag') stap = await invoke(app, 'verstrekkingen.step', { id: stap.concept.id, version: stap.concept.version, antwoord: { vraag: stap.stap.vraag!.id, waarde: COMENSHA_ANTWOORDEN[stap.stap.vraag!.id] } });
  await invoke(app, 'verstrekkingen.complete', { id: stap.concept.id, version: stap.concept.version, besluit: { noodzaak: 'Registratie.', alternatieven: 'Anoniem: niet genoeg.', bewaartermijn: '5 jaar', herbeoordelingOp: isoDay(90), vierOgen: false } });
  const sparren = await invoke<{ concept: { id: string; version: number } }>(app, 'verstrekkingen.createDraft', { trajectId: b.trajectId, partnerId: 'wijkteam', doel: 'sparren', gevraagdeGegevens: [] });
  await invoke(app, 'verstrekkingen.complete', { id: sparren.concept.id, version: sparren.concept.version, besluit: { bewaartermijn: 'Niet van toepassing', herbeoordelingOp: isoDay(30), vierOgen: false } });

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Verstrekkingen' }).click();
  await page.getByRole('navigation', { name: 'Onderdelen van Verstrekkingen' }).getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Verstrekkingenregister' })).toBeFocused();
  const table = page.getByRole('table', { name: 'Verstrekkingenregister' });
  await expect(page.locator('.kk-count')).toHaveText('2 regels');
  await expect(table).toContainText(a.pseudoniem);
  await expect(table).toContainText(b.pseudoniem);
  await checkScreen(page, 'vk-register-01-alles');

  // Per cliënt.
  await page.getByLabel('Cliënt (pseudoniemcode)').fill(a.pseudoniem);
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.locator('.kk-count')).toHaveText('1 regel');
  await expect(table).toContainText('CoMensha');
  await expect(table).not.toContainText(b.pseudoniem);
  // A wrong code is named, in Dutch, and the list stays as it was.
  await page.getByLabel('Cliënt (pseudoniemcode)').fill('KK-12');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.locator('.kk-error-summary')).toContainText('Vul een pseudoniemcode in zoals KK-7MQ2-X9.');
  await expect(page.locator('.kk-count')).toHaveText('1 regel');
  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await expect(page.locator('.kk-count')).toHaveText('2 regels');
  // Per partner, per ground, per period.
  await page.getByLabel('Partner').selectOption('wijkteam');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.locator('.kk-count')).toHaveText('1 regel');
  await expect(table).toContainText(b.pseudoniem);
  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await page.getByLabel('Grondslag').selectOption('toestemming');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.locator('.kk-count')).toHaveText('1 regel');
  await expect(table).toContainText(a.pseudoniem);
  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await page.getByLabel('Vanaf').fill(ddmmjjjj(isoDay(1)));
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.getByText('Geen regels gevonden.')).toBeVisible();
  await page.getByLabel('Vanaf').fill(ddmmjjjj(isoDay(-1)));
  await page.getByLabel('Tot en met').fill(ddmmjjjj(isoDay(0)));
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.locator('.kk-count')).toHaveText('2 regels');
  await checkScreen(page, 'vk-register-02-periode');

  // CSV through main's save dialog (scripted): UTF-8 with BOM, Dutch headers, both entries.
  const csvPath = await app.chooseFile('register.csv', '');
  await page.getByRole('button', { name: 'Exporteren als CSV' }).click();
  await expect(page.getByText('Het register is opgeslagen als CSV (2 regels).')).toBeVisible();
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(a.pseudoniem);
  expect(csv).toContain(b.pseudoniem);
  expect(csv.split(/\r?\n/).filter((l) => l.trim() !== '').length).toBe(3);
  // A cancelled dialog saves nothing and says so.
  await app.chooseFile('nothing.csv', null);
  await page.getByRole('button', { name: 'Exporteren als CSV' }).click();
  await expect(page.getByText('U hebt niets opgeslagen.')).toBeVisible();

  // An entry opens its decision.
  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await table.getByRole('button', { name: /^Besluit VK-.* openen$/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: /^Besluit VK-/ })).toBeFocused();

  // The rule set: its versions, reading one, importing a new one (scripted open dialog).
  await page.getByRole('navigation', { name: 'Onderdelen van Verstrekkingen' }).getByRole('button', { name: 'Stappenplan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Het privacy-stappenplan' })).toBeFocused();
  const versions = page.getByRole('table', { name: 'Versies in deze kluis' });
  await expect(versions).toContainText('In gebruik');
  await page.getByRole('button', { name: 'Versie 1 lezen' }).click();
  await expect(page.getByRole('heading', { name: 'Versie 1' })).toBeFocused();
  await page.getByTestId('vk-regelset').locator('summary').nth(1).click();
  await expect(page.getByTestId('vk-regelset')).toContainText('Kunt u het doel ook bereiken zonder persoonsgegevens?');
  await checkScreen(page, 'vk-regels-01-lezen');
  const v1 = JSON.parse(readFileSync(join(repoRoot, 'resources', 'stappenplan', 'v1.json'), 'utf8')) as Record<string, unknown>;
  await app.chooseFile('stappenplan-v2.json', JSON.stringify({ ...v1, versie: '2', toelichting: `${String(v1.toelichting)} Versie 2 (test).` }));
  await page.getByRole('button', { name: 'Bestand kiezen en importeren' }).click();
  await expect(page.getByText('Versie 2 is geïmporteerd en is nu in gebruik.')).toBeVisible();
  await expect(versions.locator('tr[data-versie="2"]')).toContainText('In gebruik');
  await expect(versions.locator('tr[data-versie="1"]')).not.toContainText('In gebruik');
  // The same number again is refused with the core's reason.
  await app.chooseFile('stappenplan-v2b.json', JSON.stringify({ ...v1, versie: '2' }));
  await page.getByRole('button', { name: 'Bestand kiezen en importeren' }).click();
  await expect(page.locator('.kk-vk-melding')).toContainText('Versie 2 staat al in de kluis');
  await checkScreen(page, 'vk-regels-02-import');
});
