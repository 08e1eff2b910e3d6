// Casework end to end: a real core behind the bridge, a real browser. Every screen is checked
// with axe-core and photographed to test-results/screens/casework-*.png.
import type { Page } from '@playwright/test';
import { checkScreen, createVault, expect, expectFocusKept, test } from './fixtures';

/** A past and a future day relative to today (the core counts overdue by the local calendar). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function openTab(page: Page, area: 'Trajecten' | 'Meldingen', tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: area }).click();
  await page.getByRole('navigation', { name: area === 'Trajecten' ? 'Onderdelen van Trajecten' : 'Onderdelen van Meldingen' }).getByRole('button', { name: tab }).click();
}

/** Registers a synthetic cliënt and starts a traject; returns the pseudonym code shown. */
async function createClientAndTraject(page: Page, roepnaam: string, achternaam: string): Promise<string> {
  await openTab(page, 'Trajecten', 'Nieuwe cliënt');
  await expect(page.getByRole('heading', { level: 2, name: 'Nieuwe cliënt' })).toBeVisible();
  await page.getByLabel(/^Roepnaam/).fill(roepnaam);
  await page.getByLabel(/^Achternaam/).fill(achternaam);
  await page.getByRole('button', { name: 'Cliënt vastleggen' }).click();
  const code = (await page.locator('.kk-code-box .kk-pseudonym').textContent())?.trim() ?? '';
  expect(code).toMatch(/^KK-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
  await page.getByRole('button', { name: 'Traject starten voor deze cliënt' }).click();
  await page.getByLabel('Gemeente').selectOption({ label: 'Rotterdam' });
  await page.getByLabel('Aangemeld via').selectOption({ label: 'Politie' });
  await page.getByRole('group', { name: 'Was de cliënt minderjarig bij de start?' }).getByRole('radio', { name: 'Nee' }).check();
  await page.getByRole('checkbox', { name: 'Seksuele uitbuiting' }).check();
  await page.getByRole('button', { name: 'Traject starten' }).click();
  await expect(page.getByTestId('traject-screen')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(code);
  return code;
}

test('casework: the dashboard is the start screen after unlock, and works empty', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Trajecten' })).toBeVisible();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Taken te laat/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Open trajecten per fase' })).toBeVisible();
  await checkScreen(page, 'casework-01-dashboard-empty');
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await expect(page.getByText('Er zijn geen trajecten die bij dit filter passen.')).toBeVisible();
  // A new sub-screen puts focus on its heading, so keyboard users start at its top.
  await expect(page.getByRole('heading', { level: 2, name: 'Alle trajecten' })).toBeFocused();
  await checkScreen(page, 'casework-02-list-empty');

  // In English every casework text follows.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal (Language)').selectOption('en');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Trajecten (care)' }).click();
  await page.getByRole('navigation', { name: 'Parts of Trajects' }).getByRole('button', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Clients by category' })).toBeVisible();
  await checkScreen(page, 'casework-18-dashboard-en');
});

test('casework: register an acute melding, see the routing advice, give feedback and turn it into a traject', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await openTab(page, 'Meldingen', 'Nieuwe melding');
  await expect(page.getByRole('heading', { level: 2, name: 'Nieuwe melding' })).toBeVisible();

  // Nothing chosen for gemeente: a clear message, nothing saved.
  await page.getByRole('button', { name: 'Melding vastleggen' }).click();
  await expect(page.getByText('Kies een gemeente, of "Onbekend".').first()).toBeVisible();
  await expectFocusKept(page, 'melding refused');
  await checkScreen(page, 'casework-03-melding-form-errors');

  await page.getByLabel('Hoe kwam de melding binnen').selectOption({ label: 'Telefoon' });
  await page.getByLabel('Wie meldt').selectOption({ label: 'Professional in de zorg' });
  await page.getByLabel(/^Organisatie van de melder/).fill('Testorganisatie Zuid');
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Rotterdam' });
  await page.getByLabel('Vorm van uitbuiting').selectOption({ label: 'Seksuele uitbuiting' });
  await page.getByLabel('Gaat het om een minderjarige').selectOption({ label: 'Nee' });
  await page.getByLabel(/^Het signaal in de woorden van de melder/).fill('Synthetisch testsignaal: werkt lange dagen, geen eigen paspoort.');
  await page.getByLabel('Conclusie', { exact: true }).selectOption({ label: 'Wel mensenhandel' });
  await page.getByRole('checkbox', { name: 'Acuut: er is nu gevaar' }).check();
  await page.getByRole('button', { name: 'Melding vastleggen' }).click();

  const advice = page.getByTestId('routing-advice');
  await expect(advice).toBeVisible();
  await expectFocusKept(page, 'melding saved');
  await expect(advice.getByRole('heading', { name: 'Acuut: bel nu de politie (AVIM)' })).toBeVisible();
  const steps = advice.getByRole('listitem');
  await expect(steps.first()).toHaveText('Acuut: bel nu direct de politie (AVIM).');
  await expect(steps.last()).toHaveText('Koppel terug aan de melder wat er met de melding gebeurt.');
  await checkScreen(page, 'casework-04-melding-acute-advice');

  // Feedback to the reporter.
  await page.getByLabel('Hoe', { exact: true }).selectOption({ label: 'Telefoon' });
  await page.getByRole('button', { name: 'Conclusie en terugkoppeling opslaan' }).click();
  await expect(page.getByText(/Teruggekoppeld op/)).toBeVisible();
  await expectFocusKept(page, 'conclusion and feedback saved');

  // Make it a traject: a new cliënt with its own pseudonym.
  await page.getByRole('button', { name: 'Maak er een traject van' }).click();
  await expect(page.getByText('Vul een roepnaam in. Een schuilnaam mag ook.')).toBeVisible();
  await expectFocusKept(page, 'convert refused');
  await page.getByLabel('Roepnaam van de cliënt').fill('Testpersoon Melding');
  await page.getByRole('button', { name: 'Maak er een traject van' }).click();
  await expect(page.getByTestId('traject-screen')).toBeVisible();
  await expectFocusKept(page, 'melding made a traject');
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Trajecten' })).toHaveAttribute('aria-current', 'page');
  // The traject took over what the melding knew: the form and the gemeente.
  await expect(page.getByRole('checkbox', { name: 'Seksuele uitbuiting' })).toBeChecked();
  await expect(page.locator('.kk-dl')).toContainText('Rotterdam');
  await expect(page.locator('.kk-dl')).toContainText('Meldpunt');

  // The melding now points at the traject.
  await openTab(page, 'Meldingen', 'Alle meldingen');
  await expect(page.getByText('Aantal meldingen: 1')).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toContainText(/KK-/);
  await checkScreen(page, 'casework-05-meldingen-list');
});

test('casework: cliënt and traject, journal, tasks, consent, phases, closing, search, quick switcher, dashboard', async ({ app }) => {
  // A long walk through every panel with the focus checked after each action: on a shared, loaded machine it needs more than the default time.
  test.slow();
  const { page } = app;
  await createVault(page);

  // Cliënt form: a wrong BSN is explained and nothing is saved.
  await openTab(page, 'Trajecten', 'Nieuwe cliënt');
  await page.getByRole('button', { name: 'Cliënt vastleggen' }).click();
  await expect(page.getByText('Vul een roepnaam in. Een schuilnaam mag ook.').first()).toBeVisible();
  await expectFocusKept(page, 'cliënt refused');
  await page.getByLabel(/^Roepnaam/).fill('Testa');
  await page.getByLabel(/^BSN/).fill('12345');
  await page.getByRole('button', { name: 'Cliënt vastleggen' }).click();
  await expect(page.getByText('Een BSN heeft 9 cijfers').first()).toBeVisible();
  await expectFocusKept(page, 'BSN refused');
  await expect(page.locator('.kk-sens--direct-identifier').first()).toBeVisible();
  await checkScreen(page, 'casework-06-client-form-errors');
  await page.getByLabel(/^BSN/).fill('');

  const code = await createClientAndTraject(page, 'Testa', 'Voorbeeldsma');
  // The name stays hidden until asked for.
  await expect(page.getByTestId('client-name')).toHaveCount(0);
  await page.getByRole('button', { name: 'Toon naam' }).click();
  await expect(page.getByTestId('client-name')).toHaveText('Testa Voorbeeldsma');
  await expectFocusKept(page, 'Toon naam');
  await page.getByRole('button', { name: 'Verberg naam' }).click();

  // The traject's own details can be changed afterwards.
  await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
  await page.locator('#kk-facts').locator('..').getByLabel('Gemeente').selectOption({ label: 'Dordrecht' });
  await page.locator('#kk-facts').locator('..').getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('.kk-dl')).toContainText('Dordrecht');
  await expectFocusKept(page, 'facts saved');

  // Forms of exploitation: saved, the button is off again, so focus goes to the panel's heading and the status line says so.
  await page.locator('#kk-vormen').locator('..').getByRole('checkbox', { name: 'Criminele uitbuiting' }).check();
  await page.getByRole('button', { name: 'Vormen opslaan' }).click();
  await expect(page.locator('#kk-vormen')).toBeFocused();
  await expect(page.locator('#kk-vormen').locator('..').getByRole('status')).toHaveText('De vormen van uitbuiting zijn opgeslagen.');

  // Journal: the form opens on request and starts empty; what is missing is named.
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await page.getByRole('button', { name: 'Toevoegen aan journaal' }).click();
  await expect(page.getByText('Schrijf eerst iets op.').first()).toBeVisible();
  await expectFocusKept(page, 'journal refused');
  await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Notitie' });
  await page.getByLabel(/^Tekst/).fill('Intakegesprek gepland met tolk (synthetisch).');
  await page.getByRole('button', { name: 'Toevoegen aan journaal' }).click();
  await expect(page.locator('.kk-journal')).toContainText('Intakegesprek gepland met tolk');
  await expectFocusKept(page, 'journal added');
  // Correct an entry, and delete one (after a confirmation).
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Actie' });
  await page.getByLabel(/^Tekst/).first().fill('Tijdelijke notitie om te verwijderen');
  await page.getByRole('button', { name: 'Toevoegen aan journaal' }).click();
  await expect(page.locator('.kk-journal__entry')).toHaveCount(2);
  await page.locator('.kk-journal__entry').filter({ hasText: 'Tijdelijke notitie' }).getByRole('button', { name: /verwijderen$/ }).click();
  await expect(page.getByText('Weet u zeker dat u deze notitie wilt verwijderen?')).toBeVisible();
  await expectFocusKept(page, 'delete asked');
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.locator('.kk-journal__entry')).toHaveCount(1);
  await expectFocusKept(page, 'journal entry deleted');
  await page.locator('.kk-journal__entry').getByRole('button', { name: /corrigeren$/ }).click();
  await page.locator('.kk-journal__edit').getByLabel('Tekst').fill('Intakegesprek gepland met tolk (synthetisch), gecorrigeerd.');
  await page.locator('.kk-journal__edit').getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('.kk-journal')).toContainText('gecorrigeerd');
  await expectFocusKept(page, 'journal corrected');

  // Tasks: one overdue, one that gets done. The add form opens on request (issue 13) and stays open for the next one.
  await page.getByRole('button', { name: 'Taak toevoegen' }).click();
  await page.getByLabel('Taak', { exact: true }).fill('Zorgverzekering regelen');
  await page.getByLabel('Uiterlijk op').fill(day(-3));
  await page.getByRole('button', { name: 'Taak toevoegen' }).click();
  await expect(page.locator('.kk-task-list')).toContainText('Zorgverzekering regelen');
  await expect(page.locator('.kk-task').filter({ hasText: 'Zorgverzekering regelen' })).toContainText('Te laat');
  await expectFocusKept(page, 'task added');
  await page.getByLabel('Taak', { exact: true }).fill('Afspraak huisarts');
  await page.getByLabel('Uiterlijk op').fill(day(5));
  await page.getByRole('button', { name: 'Taak toevoegen' }).click();
  await page.getByRole('button', { name: 'Taak "Afspraak huisarts" is klaar' }).click();
  await expect(page.locator('.kk-task--done')).toContainText('Afspraak huisarts');
  await expectFocusKept(page, 'task done');
  // A task with a reminder today and a due date next week.
  await page.getByLabel('Taak', { exact: true }).fill('Bedenktijd bespreken');
  await page.getByLabel('Uiterlijk op').fill(day(7));
  await page.getByLabel(/^Herinnering op/).fill(day(0));
  await page.getByRole('button', { name: 'Taak toevoegen' }).click();
  await expect(page.locator('.kk-task-list')).toContainText('Bedenktijd bespreken');

  // Consent: add (the form opens on request and chooses nothing) and withdraw.
  await page.getByRole('button', { name: 'Toestemming toevoegen' }).click();
  await page.getByLabel('Waarvoor').selectOption({ label: 'Gegevens delen' });
  await page.getByLabel('Organisatie', { exact: true }).fill('Testopvang West');
  await page.getByLabel('Geldig vanaf').fill(day(0));
  await page.getByLabel('Gegeven door').selectOption({ label: 'De cliënt (16 jaar of ouder)' });
  await page.getByRole('group', { name: 'Schriftelijk gegeven?' }).getByRole('radio', { name: 'Ja' }).check();
  await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await expect(page.locator('#kk-consent').locator('..')).toContainText('Testopvang West');
  await expectFocusKept(page, 'consent added');
  await page.getByRole('button', { name: 'Toestemming voor Gegevens delen aan Testopvang West intrekken' }).click();
  await expect(page.getByText(/Ingetrokken op/)).toBeVisible();
  // Its button is gone: focus is on the same consent's status, which now says so, and the status line tells what happened.
  const withdrawnStatus = page.locator('#kk-consent').locator('..').getByRole('cell').filter({ hasText: 'Ingetrokken op' });
  await expect(withdrawnStatus).toBeFocused();
  await expect(page.locator('#kk-consent').locator('..').getByRole('status')).toHaveText('De toestemming voor Gegevens delen aan Testopvang West is ingetrokken.');

  // Opvang with the crisisopvang limit shown.
  await page.getByRole('button', { name: 'Opvang toevoegen' }).click();
  await page.getByLabel('Soort opvang').selectOption({ label: 'Crisisopvang (geheim adres)' });
  await page.getByLabel('Begindatum').fill(day(-10));
  await page.getByRole('button', { name: 'Opvang opslaan' }).click();
  await expect(page.getByText(/De crisisopvang loopt tot uiterlijk/)).toBeVisible();
  await expectFocusKept(page, 'opvang saved');
  // A stay removed: its row and button are gone, focus is on the panel's heading and the status line says so.
  await page.getByRole('button', { name: 'Verwijder deze opvang' }).click();
  await expect(page.getByText(/De crisisopvang loopt tot uiterlijk/)).toBeHidden();
  await expect(page.locator('#kk-opvang')).toBeFocused();
  await expect(page.locator('#kk-opvang').locator('..').getByRole('status')).toHaveText('De opvang is verwijderd.');

  // Phases: forward, then close with a reason.
  await page.getByRole('button', { name: 'Naar Intake' }).click();
  await expect(page.locator('.kk-phase-line')).toContainText('Intake');
  // The pressed button is gone; focus lands on the phase section, not on the page body.
  await expect(page.locator('#kk-phase')).toBeFocused();
  await page.getByRole('button', { name: 'Naar Actief' }).click();
  await expect(page.locator('.kk-phase-line')).toContainText('Actief');
  await checkScreen(page, 'casework-07-traject-detail');

  await page.getByRole('button', { name: 'Traject afsluiten' }).click();
  await expect(page.getByRole('heading', { level: 4, name: 'Traject afsluiten' })).toBeFocused();
  await page.getByRole('button', { name: 'Afsluiten', exact: true }).click();
  await expect(page.getByText('Kies een reden.').first()).toBeVisible();
  await page.getByLabel('Reden van afsluiten').selectOption({ label: 'Anders' });
  await page.getByRole('button', { name: 'Afsluiten', exact: true }).click();
  await expect(page.getByText('Licht de reden "anders" toe.').first()).toBeVisible();
  await checkScreen(page, 'casework-08-traject-close-form');
  await page.getByLabel('Reden van afsluiten').selectOption({ label: 'Doelen bereikt' });
  await page.getByRole('button', { name: 'Afsluiten', exact: true }).click();
  await expect(page.locator('.kk-phase-line')).toContainText('Afgesloten');
  await expect(page.getByText(/Reden: Doelen bereikt/)).toBeVisible();
  await expectFocusKept(page, 'traject closed');
  await expect(page.getByRole('button', { name: 'Heropenen in fase Intake' })).toBeVisible();

  // A second, open traject for the overview screens.
  const other = await createClientAndTraject(page, 'Testb', 'Proefmans');

  // Overdue view.
  await openTab(page, 'Trajecten', 'Taken te laat');
  await expect(page.getByRole('table').first()).toContainText('Zorgverzekering regelen');
  await expect(page.getByRole('table').first()).toContainText(code);
  await expect(page.getByRole('region', { name: 'Herinneringen' })).toContainText('Bedenktijd bespreken');
  await checkScreen(page, 'casework-09-overdue');

  // List: closed trajecten are hidden by default; the filter shows them.
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await expect(page.getByText('Aantal trajecten: 1')).toBeVisible();
  await expect(page.getByRole('table', { name: /aantal rijen: 1/ })).toContainText(other);
  await page.getByLabel('Status').selectOption({ label: 'Open en afgesloten' });
  await expect(page.getByText('Aantal trajecten: 2')).toBeVisible();
  await page.getByLabel('Naam van de weergave').fill('Alles');
  await page.getByRole('button', { name: 'Filter opslaan als weergave' }).click();
  await expect(page.getByRole('button', { name: 'Gebruik Alles' })).toBeVisible();
  await checkScreen(page, 'casework-10-list');

  // Search by a word from the journal: the hit is labelled, with a few words around the word found (issue 13).
  await openTab(page, 'Trajecten', 'Zoeken');
  await page.getByLabel('Zoekwoorden').fill('Intakegesprek');
  await page.getByRole('search').getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('table')).toContainText('Journaal');
  await expect(page.getByRole('table').locator('mark')).toHaveText('Intakegesprek');
  await checkScreen(page, 'casework-11-search');
  await page.getByRole('table').getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(code);

  // Quick switcher: Ctrl+K, type a name, arrows and Enter; Escape closes and returns focus.
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Snel openen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Pseudoniemcode of naam' })).toBeFocused();
  await page.keyboard.type('Proefmans');
  await expect(dialog.getByRole('option').first()).toContainText(other);
  await checkScreen(page, 'casework-12-quick-switcher');
  // Focus stays trapped in the modal dialog.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
  await dialog.getByRole('combobox').focus();
  const trajectOption = dialog.getByRole('option').filter({ hasText: 'Traject' });
  const options = await dialog.getByRole('option').allTextContents();
  const index = options.findIndex((o) => o.includes('Traject'));
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(trajectOption.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(other);
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Picking the cliënt opens the cliënt screen, with its trajecten.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Voorbeeldsma');
  const clientOption = dialog.getByRole('option').filter({ hasText: 'Cliënt' }).first();
  await clientOption.click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(code);
  await expect(page.getByLabel(/^Achternaam/)).toHaveValue('Voorbeeldsma');
  const ofClient = page.getByRole('region', { name: 'Trajecten van deze cliënt' });
  await expect(ofClient.getByRole('listitem')).toHaveCount(1);
  await expect(ofClient).toContainText('Afgesloten');
  await checkScreen(page, 'casework-16-client-edit');

  // Dashboard with data.
  await openTab(page, 'Trajecten', 'Overzicht');
  await expect(page.getByRole('table', { name: 'Taken te laat' })).toContainText(code);
  await expect(page.getByRole('table', { name: 'Cliënten per categorie' })).toBeVisible();
  await checkScreen(page, 'casework-13-dashboard');
});

test('casework: an invalid import file is refused with reasons per record and nothing is written', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await openTab(page, 'Trajecten', 'Importeren');
  const chosen = page.getByTestId('import-chosen');
  await expect(chosen).toHaveText('Nog geen bestand gekozen.');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await expect(page.getByText('Kies eerst een bestand.')).toBeVisible();
  const bad = {
    format: 'ketenkluis.casework',
    versie: 1,
    trajecten: [
      { client: { roepnaam: 'Testc' }, minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: '2025-02-03' },
      { client: { roepnaam: '' }, minderjarigBijStart: false, gemeente: 'Nergenshuizen', verwijzer: 'politie', aanmelddatum: '2025-02-03' },
    ],
  };
  // The file dialog is main's (native in the app); the test plays the person choosing a file.
  const badPath = await app.chooseFile('fout.json', JSON.stringify(bad));
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(chosen).toHaveText(/^Gekozen: fout\.json \(\d+ bytes\)$/);
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  const refused = page.getByTestId('import-refused');
  await expect(refused).toContainText('Het bestand is geweigerd. Er is niets opgeslagen.');
  await expect(refused).toContainText('trajecten 2 · client.roepnaam');
  await expect(refused).toContainText('trajecten 2 · gemeente');
  await expect(refused).toContainText('Vul dit veld in');
  // The page never learns where the file is.
  expect(await page.content()).not.toContain(badPath);
  await checkScreen(page, 'casework-14-import-refused');

  const good = { ...bad, trajecten: [bad.trajecten[0]] };
  await app.chooseFile('goed.json', JSON.stringify(good));
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(chosen).toContainText('goed.json');
  // A cancelled dialog keeps the file chosen before.
  await app.chooseFile('', null);
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(chosen).toContainText('goed.json');
  await page.getByRole('button', { name: 'Alleen controleren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Het bestand is goed');
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await expect(page.getByText('Er zijn geen trajecten die bij dit filter passen.')).toBeVisible();
  await openTab(page, 'Trajecten', 'Importeren');
  await app.chooseFile('goed.json', JSON.stringify(good));
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('cliënten: 1 · trajecten: 1');
  await expect(chosen).toHaveText('Nog geen bestand gekozen.');
  await checkScreen(page, 'casework-15-import-done');
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await expect(page.getByText('Aantal trajecten: 1')).toBeVisible();
});

test('casework: 100,000 trajecten — only the rows in view are in the page, read page by page', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await createVault(page);
  const total = 100_000;
  // 100,000 synthetic trajecten in one file, imported on the Importeren screen as a person would.
  const trajecten = Array.from({ length: total }, (_, i) => ({
    client: { roepnaam: `Lijst${i}` },
    minderjarigBijStart: false,
    gemeente: 'Rotterdam',
    verwijzer: 'zorg',
    aanmelddatum: '2025-06-01',
    vormen: ['arbeidsuitbuiting'],
  }));
  await app.chooseFile('lijst.json', JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten }));
  await openTab(page, 'Trajecten', 'Importeren');
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(page.getByTestId('import-chosen')).toHaveText(/^Gekozen: lijst\.json \(\d+(,\d)? MB\)$/);
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('cliënten: 100.000 · trajecten: 100.000', { timeout: 120_000 });


  await openTab(page, 'Trajecten', 'Alle trajecten');
  await expect(page.getByText('Aantal trajecten: 100.000')).toBeVisible();
  const table = page.getByRole('table', { name: /aantal rijen: 100000/ });
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  const rowsInPage = () => table.getByRole('row').count();
  expect(await rowsInPage()).toBeLessThan(60);

  // Jump to the end: the last rows arrive (one or two pages), the page still holds only a few rows.
  await page.getByTestId('virtual-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const lastRow = table.locator(`[role="row"][aria-rowindex="${total + 1}"]`);
  await expect(lastRow).toContainText(/KK-[2-9A-Z]{4}-[2-9A-Z]{2}/);
  expect(await rowsInPage()).toBeLessThan(60);
  // And back to the middle.
  await page.getByTestId('virtual-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(table.locator('[role="row"][aria-rowindex="50001"]')).toContainText(/KK-/);
  await checkScreen(page, 'casework-17-list-100000');
});
