// Correcting and finding (issue 13), end to end: a real core behind the bridge, a real browser.
// A melding corrected after saving and the dashboard following it; a task added (the form opens on
// request and starts empty) and corrected; a wrongly created cliënt removed with a reason; the
// warning that names an existing cliënt's pseudonym code before a look-alike is saved. After every
// action the spec says where focus is. Every screen is checked with axe-core and photographed at
// 1280×860 to test-results/screens/corrections-*.png. All data is synthetic.
import type { Page } from '@playwright/test';
import type { Dashboard } from '../../shared/casework/dashboard.schema';
import { checkScreen, createVault, expect, expectFocusKept, test } from './fixtures';

test.beforeEach(async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 860 });
});

async function openTab(page: Page, area: 'Trajecten' | 'Meldingen', tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: area }).click();
  await page.getByRole('navigation', { name: area === 'Trajecten' ? 'Onderdelen van Trajecten' : 'Onderdelen van Meldingen' }).getByRole('button', { name: tab }).click();
}

/** Calls the core through the page's own API (the bridge here), as set-up and read-back. */
async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([method, input]) => {
      const k = (window as unknown as { ketenkluis: Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>> }).ketenkluis;
      const result = await k[method as string]!(input);
      if (!result.ok) throw new Error(`${result.error?.code}: ${result.error?.message}`);
      return result.value as T;
    },
    [method, input] as const,
  );
}

/** A table's rows as shown: the row header's text and the numbers of the cells after it. */
async function shownTable(page: Page, name: string): Promise<Record<string, number[]>> {
  const table = page.getByRole('table', { name, exact: true });
  await expect(table).toBeVisible();
  return table.evaluate((el) =>
    Object.fromEntries([...el.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent!.trim(), [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))])),
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a melding corrected after saving: gemeente, form and age change, and the dashboard counts it anew', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  // Another melding that stays as it is (the figures show what did not move, too).
  await api(page, 'meldingen.create', { fields: { datum: today(), kanaal: 'email', anoniem: true, melderType: 'burger', gemeente: 'Schiedam', vorm: 'seksuele-uitbuiting', minderjarig: false } });

  // The melding as first registered: Rotterdam, sexual exploitation, an adult.
  await openTab(page, 'Meldingen', 'Nieuwe melding');
  await expect(page.getByRole('heading', { level: 2, name: 'Nieuwe melding' })).toBeFocused();
  await page.getByLabel('Wie meldt').selectOption({ label: 'Professional in de zorg' });
  await page.getByLabel(/^Organisatie van de melder/).fill('Testorganisatie Noord');
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Rotterdam' });
  await page.getByLabel('Vorm van uitbuiting').selectOption({ label: 'Seksuele uitbuiting' });
  await page.getByLabel('Gaat het om een minderjarige').selectOption({ label: 'Nee' });
  await page.getByLabel(/^Het signaal in de woorden van de melder/).fill('Synthetisch signaal: jongen moet pakketjes rondbrengen.');
  await page.getByRole('button', { name: 'Melding vastleggen' }).click();
  await expect(page.getByTestId('melding-screen')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Melding van/ })).toBeFocused();

  await openTab(page, 'Trajecten', 'Overzicht');
  expect((await shownTable(page, 'Meldingen naar herkomst'))['Centrumgemeente']).toEqual([1]);
  expect((await shownTable(page, 'Meldingen per vorm'))['Seksuele uitbuiting']).toEqual([2, 0, 0]);

  // Back to the melding: the gemeente was Vlaardingen, the form criminal exploitation, a minor.
  await openTab(page, 'Meldingen', 'Alle meldingen');
  await page.getByRole('row').filter({ hasText: 'Rotterdam' }).getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 2, name: /^Melding van/ })).toBeFocused();
  await page.getByRole('button', { name: 'Gegevens corrigeren' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Melding corrigeren' })).toBeFocused();
  await expect(page.getByLabel(/^Organisatie van de melder/)).toHaveValue('Testorganisatie Noord');
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Vlaardingen' });
  await page.getByLabel('Vorm van uitbuiting').selectOption({ label: 'Criminele uitbuiting' });
  await page.getByLabel('Gaat het om een minderjarige').selectOption({ label: 'Ja' });
  await checkScreen(page, 'corrections-01-melding-edit');
  await page.getByRole('button', { name: 'Correctie opslaan' }).click();
  await expect(page.getByRole('button', { name: 'Gegevens corrigeren' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'De melding is gecorrigeerd.' })).toBeVisible();
  const facts = page.locator('section[aria-labelledby="kk-melding-facts"]');
  await expect(facts).toContainText('Vlaardingen');
  await expect(facts).toContainText('Criminele uitbuiting');
  await checkScreen(page, 'corrections-02-melding-corrected');

  // The dashboard follows: one less from the centrumgemeente and in SU, one more in the region and CU (minor).
  await openTab(page, 'Trajecten', 'Overzicht');
  const herkomst = await shownTable(page, 'Meldingen naar herkomst');
  expect([herkomst['Centrumgemeente']?.[0] ?? 0, herkomst['Andere gemeenten in de regio']?.[0]]).toEqual([0, 2]);
  const perVorm = await shownTable(page, 'Meldingen per vorm');
  expect(perVorm['Seksuele uitbuiting']).toEqual([1, 0, 0]);
  expect(perVorm['Criminele uitbuiting']).toEqual([0, 1, 0]);
  // And the screen says what the core counts.
  const core = (await api<Dashboard>(page, 'dashboard.get', {})).monitor.meldingen;
  expect(core.perGemeenteGroep.find((r) => r.groep === 'regio')?.aantal).toBe(2);
  expect(core.perVorm.find((r) => r.rij === 'criminele-uitbuiting')).toMatchObject({ volwassen: 0, minderjarig: 1, onbekend: 0 });
  await checkScreen(page, 'corrections-03-dashboard-follows');
});

test('a task: the add form opens on request and starts empty; a task is corrected in its place', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const client = await api<{ id: string; pseudoniem: string }>(page, 'clienten.create', { fields: { roepnaam: 'Testtaakje' } });
  await api(page, 'trajecten.create', { clientId: client.id, fields: { minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'zorg', aanmelddatum: today(), vormen: ['arbeidsuitbuiting'] } });
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await page.getByRole('button', { name: client.pseudoniem }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(client.pseudoniem) })).toBeFocused();

  const tasks = page.locator('section[aria-labelledby="kk-tasks"]');
  await expect(tasks.getByLabel('Taak', { exact: true })).toHaveCount(0);
  await tasks.getByRole('button', { name: 'Taak toevoegen' }).click();
  await expect(tasks.getByLabel('Taak', { exact: true })).toBeFocused();
  await expect(tasks.getByLabel('Taak', { exact: true })).toHaveValue('');
  await expect(tasks.getByLabel('Uiterlijk op')).toHaveValue('');
  await expect(tasks.getByLabel(/^Herinnering op/)).toHaveValue('');
  await tasks.getByLabel('Taak', { exact: true }).fill('Loonstroken opvragen');
  await tasks.getByLabel('Uiterlijk op').fill('01-09-2031');
  await tasks.getByRole('button', { name: 'Taak toevoegen' }).click();
  await expect(tasks.locator('.kk-task-list')).toContainText('Loonstroken opvragen');
  await expect(tasks.getByLabel('Taak', { exact: true })).toBeFocused();
  await tasks.getByRole('button', { name: 'Sluiten' }).click();
  await expect(tasks.getByRole('button', { name: 'Taak toevoegen' })).toBeFocused();

  await tasks.getByRole('button', { name: 'Taak "Loonstroken opvragen" wijzigen' }).click();
  const edit = tasks.getByRole('form', { name: 'Taak "Loonstroken opvragen" wijzigen' });
  await expect(edit.getByLabel('Taak', { exact: true })).toBeFocused();
  await expect(edit.getByLabel('Uiterlijk op')).toHaveValue('01-09-2031');
  await edit.getByLabel('Taak', { exact: true }).fill('Loonstroken en contract opvragen');
  await edit.getByLabel('Uiterlijk op').fill('15-08-2031');
  await edit.getByLabel(/^Herinnering op/).fill('01-08-2031');
  await checkScreen(page, 'corrections-04-task-edit');
  await edit.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await expect(tasks.getByRole('button', { name: 'Taak "Loonstroken en contract opvragen" wijzigen' })).toBeFocused();
  await expect(tasks.getByRole('status')).toHaveText('Taak "Loonstroken en contract opvragen" is gewijzigd.');
  await expect(tasks.locator('.kk-task-list')).toContainText('15-08-2031');
  await expect(tasks.locator('.kk-task-list')).toContainText('01-08-2031');
  await checkScreen(page, 'corrections-05-task-corrected');
});

test('a wrongly created cliënt is removed with a reason; the list says which code went', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await openTab(page, 'Trajecten', 'Nieuwe cliënt');
  await expect(page.getByRole('heading', { level: 2, name: 'Nieuwe cliënt' })).toBeFocused();
  await page.getByLabel(/^Roepnaam/).fill('Testvergissing');
  await page.getByRole('button', { name: 'Cliënt vastleggen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Nieuwe cliënt' })).toBeFocused();
  const code = (await page.locator('.kk-code-box .kk-pseudonym').textContent())?.trim() ?? '';
  expect(code).toMatch(/^KK-/);

  // Found again with Ctrl+K, opened.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox').fill('Testvergissing');
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Cliënt.*${code}`) })).toBeVisible();

  const panel = page.locator('section.kk-client-remove');
  await panel.getByRole('button', { name: 'Cliënt verwijderen' }).click();
  await expect(panel.getByRole('heading', { level: 3, name: `Cliënt ${code} verwijderen?` })).toBeFocused();
  await panel.getByRole('button', { name: 'Definitief verwijderen' }).click();
  await expect(panel.getByText('Kies een reden.')).toBeVisible();
  await panel.getByLabel('Waarom verwijdert u deze cliënt?').selectOption({ label: 'Anders' });
  await expect(panel.getByLabel('Toelichting')).toBeVisible();
  await panel.getByLabel('Waarom verwijdert u deze cliënt?').selectOption({ label: 'Dubbel aangemaakt' });
  await checkScreen(page, 'corrections-06-remove-question');
  await panel.getByRole('button', { name: 'Definitief verwijderen' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Alle trajecten' })).toBeFocused();
  await expect(page.getByTestId('client-removed')).toHaveText(`Cliënt ${code} is verwijderd.`);
  await checkScreen(page, 'corrections-07-removed');
  // Gone from the vault and from the quick switcher.
  expect((await api<{ hits: unknown[] }>(page, 'quickSwitch.query', { q: 'Testvergissing' })).hits).toEqual([]);
  expect((await api<{ total: number }>(page, 'clienten.list', {})).total).toBe(0);
});

test('a cliënt with a traject cannot be removed, and the page says why', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const client = await api<{ id: string; pseudoniem: string }>(page, 'clienten.create', { fields: { roepnaam: 'Testblijft' } });
  await api(page, 'trajecten.create', { clientId: client.id, fields: { minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'zorg', aanmelddatum: today(), vormen: ['arbeidsuitbuiting'] } });
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await page.getByRole('button', { name: client.pseudoniem }).click();
  await page.getByRole('button', { name: 'Gegevens van de cliënt' }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Cliënt.*${client.pseudoniem}`) })).toBeFocused();
  const panel = page.locator('section.kk-client-remove');
  await expect(panel).toContainText('Een cliënt met een traject kunt u niet verwijderen');
  await expect(panel.getByRole('button')).toHaveCount(0);
});

test('a look-alike cliënt: the warning names the existing pseudonym code before saving', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const existing = await api<{ id: string; pseudoniem: string }>(page, 'clienten.create', { fields: { roepnaam: 'Noëlle', achternaam: 'Testdubbel', geboortedatum: '2002-10-09', bsn: '456456456' } });

  // Same name (other case, no accent) and birth date.
  await openTab(page, 'Trajecten', 'Nieuwe cliënt');
  await page.getByLabel(/^Roepnaam/).fill('noelle');
  await page.getByLabel(/^Achternaam/).fill('TESTDUBBEL');
  await page.getByLabel(/^Geboortedatum/).fill('09-10-2002');
  await page.getByRole('button', { name: 'Cliënt vastleggen' }).click();
  const warning = page.getByTestId('duplicate-warning');
  await expect(warning.getByRole('heading', { name: 'Deze cliënt bestaat misschien al' })).toBeFocused();
  await expect(warning).toContainText(`Cliënt ${existing.pseudoniem} heeft dezelfde naam en geboortedatum.`);
  await expect(warning).not.toContainText('Testdubbel');
  await checkScreen(page, 'corrections-08-duplicate-warning');
  expect((await api<{ total: number }>(page, 'clienten.list', {})).total).toBe(1);

  // Opening the existing cliënt.
  await warning.getByRole('button', { name: `Cliënt ${existing.pseudoniem} openen` }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Cliënt.*${existing.pseudoniem}`) })).toBeFocused();

  // Same BSN, another name: warned, then saved on purpose.
  await openTab(page, 'Trajecten', 'Nieuwe cliënt');
  await page.getByLabel(/^Roepnaam/).fill('Testander');
  await page.getByLabel(/^BSN/).fill('456456456');
  await page.getByRole('button', { name: 'Cliënt vastleggen' }).click();
  await expect(warning.getByRole('heading', { name: 'Deze cliënt bestaat misschien al' })).toBeFocused();
  await expect(warning).toContainText(`Cliënt ${existing.pseudoniem} heeft hetzelfde BSN.`);
  await warning.getByRole('button', { name: 'Toch opslaan als nieuwe cliënt' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Nieuwe cliënt' })).toBeFocused();
  await expect(page.getByText(/De cliënt is vastgelegd met pseudoniemcode/)).toBeVisible();
  expect((await api<{ total: number }>(page, 'clienten.list', {})).total).toBe(2);
});

test('a melding made a traject for a look-alike of an existing cliënt: the warning names its code before anything is made (issue 13)', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const existing = await api<{ id: string; pseudoniem: string }>(page, 'clienten.create', { fields: { roepnaam: 'Testa', achternaam: 'Reigersma', geboortedatum: '2001-03-04' } });
  const melding = await api<{ id: string }>(page, 'meldingen.create', { fields: { datum: today(), kanaal: 'telefoon', anoniem: true, melderType: 'burger', gemeente: 'Rotterdam', vorm: 'arbeidsuitbuiting', minderjarig: false } });

  await openTab(page, 'Meldingen', 'Alle meldingen');
  await page.getByRole('row').filter({ hasText: 'Rotterdam' }).getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 2, name: /^Melding van/ })).toBeFocused();
  const form = page.getByRole('form', { name: 'Maak er een traject van' });
  await form.getByLabel(/^Roepnaam van de cliënt/).fill('TESTA');
  await form.getByLabel(/^Achternaam/).fill('Reigersmá');
  await form.getByLabel(/^Geboortedatum/).fill('04-03-2001');
  await form.getByRole('button', { name: 'Maak er een traject van' }).click();

  const warning = page.getByTestId('convert-duplicate');
  await expect(warning).toContainText(`Cliënt ${existing.pseudoniem} heeft dezelfde naam en geboortedatum.`);
  await expect(warning.getByRole('heading', { name: 'Deze cliënt bestaat misschien al' })).toBeFocused();
  // Nothing made yet.
  expect((await api<{ trajectId: string | null }>(page, 'meldingen.get', { id: melding.id })).trajectId).toBeNull();
  await checkScreen(page, 'corrections-09-convert-duplicate');

  await warning.getByRole('button', { name: `Traject starten voor ${existing.pseudoniem}` }).click();
  await expect(page.getByTestId('traject-screen')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(existing.pseudoniem);
  await expectFocusKept(page, 'traject started for the existing cliënt');
  expect((await api<{ total: number }>(page, 'clienten.list', {})).total).toBe(1);
});
