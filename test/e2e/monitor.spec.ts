// The dashboard counts like the regional monitor (issue 11), end to end: a real core behind the
// bridge, a real browser. The figures on screen are compared with what the core's dashboard.get
// returns through the page's own API, for the year shown and for an older year chosen in the year
// picker. Every screen is checked with axe-core and photographed (1280×860, and the dashboard at
// 1024×700) to test-results/screens/monitor-*.png. All data is synthetic.
import type { Page } from '@playwright/test';
import type { Dashboard } from '../../shared/casework/dashboard.schema';
import { checkScreen, createVault, expect, screensDir, test, type AppHandle } from './fixtures';
import { join } from 'node:path';

const THIS_YEAR = new Date().getFullYear();

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const todayShown = () => today().split('-').reverse().join('-');

async function openTab(page: Page, area: 'Trajecten' | 'Meldingen', tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: area }).click();
  await page.getByRole('navigation', { name: area === 'Trajecten' ? 'Onderdelen van Trajecten' : 'Onderdelen van Meldingen' }).getByRole('button', { name: tab }).click();
}

/** What the core answers to dashboard.get, asked through the page's own API (the bridge here, the preload in the app). */
async function coreDashboard(page: Page, jaar?: number): Promise<Dashboard> {
  return page.evaluate(async (jaar) => {
    const api = (window as unknown as { ketenkluis: Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>> }).ketenkluis;
    const result = await api['dashboard.get']!(jaar === undefined ? {} : { jaar });
    if (!result.ok) throw new Error(result.error?.message);
    return result.value as Dashboard;
  }, jaar);
}

/** A table's rows as shown: the row header's text and the numbers of the cells after it. */
async function shownTable(page: Page, name: string): Promise<Record<string, number[]>> {
  const table = page.getByRole('table', { name, exact: true });
  await expect(table).toBeVisible();
  return table.evaluate((el) =>
    Object.fromEntries([...el.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent!.trim(), [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))])),
  );
}

// The Dutch labels of the monitor's rows, as the screen writes them.
const categorie = { 'seksuele-uitbuiting': 'Seksuele uitbuiting', 'criminele-uitbuiting': 'Criminele uitbuiting', overig: 'Overige uitbuiting', onbekend: 'Vorm onbekend', preventief: 'Preventief' } as const;
const groep = { centrumgemeente: 'Centrumgemeente', regio: 'Andere gemeenten in de regio', 'onbekend-in-regio': 'Onbekend, wel uit de regio', 'buiten-regio': 'Buiten de regio', onbekend: 'Onbekend' } as const;
const rij = { 'seksuele-uitbuiting': 'Seksuele uitbuiting', 'criminele-uitbuiting': 'Criminele uitbuiting', 'overige-uitbuiting': 'Overige uitbuiting', onbekend: 'Vorm nog onbekend', 'geen-uitbuiting': 'Geen uitbuiting' } as const;
const vorm = {
  'seksuele-uitbuiting': 'Seksuele uitbuiting',
  arbeidsuitbuiting: 'Arbeidsuitbuiting',
  'criminele-uitbuiting': 'Criminele uitbuiting',
  orgaanverwijdering: 'Gedwongen orgaanverwijdering',
  'gedwongen-huwelijk': 'Gedwongen huwelijk',
  'illegale-adoptie': 'Illegale adoptie',
  draagmoederschap: 'Draagmoederschap',
} as const;

/** The tables the dashboard must show for a year, built from the core's answer. */
function expectedTables(d: Dashboard) {
  const m = d.monitor;
  const age = (v: { volwassen: number; minderjarig: number; onbekend: number }) => [v.volwassen, v.minderjarig, v.onbekend];
  return {
    clienten: { ...Object.fromEntries(m.clienten.perCategorie.map((r) => [categorie[r.categorie], [r.doorlopend, r.nieuw, r.totaal]])), Totaal: [m.clienten.totaal.doorlopend, m.clienten.totaal.nieuw, m.clienten.totaal.totaal] },
    leeftijd: { Volwassen: [m.clienten.leeftijd.volwassen], Minderjarig: [m.clienten.leeftijd.minderjarig], 'Leeftijd onbekend': [m.clienten.leeftijd.onbekend] },
    herkomst: Object.fromEntries(m.meldingen.perGemeenteGroep.map((r) => [groep[r.groep], [r.aantal]])),
    perVorm: { ...Object.fromEntries(m.meldingen.perVorm.map((r) => [rij[r.rij], age(r)])), 'Preventieve gesprekken': age(m.meldingen.preventieveGesprekken) },
    politie: m.politie.perVorm.length === 0 ? null : { ...Object.fromEntries(m.politie.perVorm.map((r) => [vorm[r.vorm], [r.informatieveGesprekken, r.aangiftes]])), Totaal: [m.politie.totaal.informatieveGesprekken, m.politie.totaal.aangiftes] },
  };
}

/** The same tables as the screen shows them. */
async function shownTables(page: Page) {
  const politie = page.getByRole('table', { name: 'Politie (AVIM): informatieve gesprekken en aangiftes per vorm', exact: true });
  return {
    clienten: await shownTable(page, 'Cliënten per categorie'),
    leeftijd: await shownTable(page, 'Cliënten naar leeftijd bij de start'),
    herkomst: await shownTable(page, 'Meldingen naar herkomst'),
    perVorm: await shownTable(page, 'Meldingen per vorm'),
    politie: (await politie.count()) === 0 ? null : await shownTable(page, 'Politie (AVIM): informatieve gesprekken en aangiftes per vorm'),
  };
}

/** Every table on the dashboard fits inside its card: nothing sticks out to the right. */
async function expectTablesFit(page: Page): Promise<void> {
  const overflowing = await page.locator('[data-testid="dashboard"] .kk-panel').evaluateAll((panels) =>
    panels.flatMap((panel) => {
      const box = panel.getBoundingClientRect();
      return [...panel.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > box.right - 1 || t.scrollWidth > t.clientWidth + 1).map((t) => t.querySelector('caption')?.textContent ?? '?');
    }),
  );
  expect(overflowing, 'tables wider than their card').toEqual([]);
}

/** A picture of the page at another window size (no axe: the same page was checked at 1280×860). */
async function screenAt(page: Page, name: string, width: number, height: number): Promise<void> {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width, height });
  await expectTablesFit(page);
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true });
  await page.setViewportSize(before);
}

/**
 * Three synthetic cliënten over 2023–2025 and seven meldingen in 2024–2025:
 * - c1: sexual exploitation from 2024, still open (new in 2024, continuing after);
 * - c2: a preventive traject in 2024 (age unknown, closed), then criminal exploitation from 2025 with an aangifte;
 * - c3: labour exploitation 2023–2024 (a minor at the start), an informative conversation and a crisisopvang stay in 2024.
 */
function seedFile() {
  const melding = (datum: string, extra: Record<string, unknown>) => ({ datum, kanaal: 'telefoon', anoniem: true, melderType: 'burger', vorm: 'onbekend', gemeente: 'Rotterdam', minderjarig: false, ...extra });
  return {
    format: 'ketenkluis.casework',
    versie: 1,
    trajecten: [
      { clientRef: 'c1', client: { roepnaam: 'Testmon Een' }, minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: '2024-02-01', vormen: ['seksuele-uitbuiting'], fase: 'actief' },
      {
        clientRef: 'c2',
        client: { roepnaam: 'Testmon Twee' },
        preventief: true,
        minderjarigBijStart: null,
        gemeente: 'onbekend-in-regio',
        verwijzer: 'veilig-thuis',
        aanmelddatum: '2024-05-10',
        fase: 'afgesloten',
        afgeslotenOp: '2024-11-01',
        afsluitReden: 'doelen-bereikt',
      },
      {
        clientRef: 'c2',
        minderjarigBijStart: false,
        gemeente: 'Schiedam',
        verwijzer: 'onbekend',
        aanmelddatum: '2025-01-15',
        vormen: ['criminele-uitbuiting'],
        fase: 'actief',
        politiecontacten: [{ soort: 'aangifte', datum: '2025-03-01', vorm: 'criminele-uitbuiting' }],
      },
      {
        clientRef: 'c3',
        client: { roepnaam: 'Testmon Drie', geslacht: 'vrouw' },
        minderjarigBijStart: true,
        gemeente: 'Dordrecht',
        verwijzer: 'zorg',
        aanmelddatum: '2023-06-01',
        vormen: ['arbeidsuitbuiting'],
        fase: 'afgesloten',
        afgeslotenOp: '2024-03-01',
        afsluitReden: 'geen-contact-meer',
        opvang: [{ soort: 'crisisopvang', start: '2024-01-10', eind: '2024-02-20' }],
        politiecontacten: [{ soort: 'informatief-gesprek', datum: '2024-02-01', vorm: 'arbeidsuitbuiting' }],
      },
    ],
    meldingen: [
      melding('2024-03-05', { vorm: 'seksuele-uitbuiting' }),
      melding('2024-04-10', { vorm: 'criminele-uitbuiting', gemeente: 'Dordrecht', minderjarig: true }),
      melding('2024-05-01', { vorm: 'arbeidsuitbuiting', gemeente: 'onbekend-in-regio', minderjarig: null }),
      melding('2024-06-01', { preventiefGesprek: true, gemeente: 'Schiedam', minderjarig: true }),
      melding('2024-07-01', { vorm: 'geen', informatieverzoek: true, melderType: 'sekswerker', gemeente: 'Breda' }),
      melding('2024-08-01', { vorm: 'seksuele-uitbuiting', gemeente: 'onbekend', conclusie: 'wel', acuut: true, melderType: 'aandachtsfunctionaris' }),
      melding('2025-02-01', { vorm: 'criminele-uitbuiting' }),
    ],
  };
}

async function seed(app: AppHandle): Promise<void> {
  const { page } = app;
  await openTab(page, 'Trajecten', 'Importeren');
  await app.chooseFile('monitor.json', JSON.stringify(seedFile()));
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(page.getByTestId('import-chosen')).toContainText('monitor.json');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('cliënten: 3 · trajecten: 4 · meldingen: 7');
}

const monitorHeading = (page: Page, year: number) => page.getByRole('heading', { level: 3, name: `Cijfers van ${year}, zoals in de regionale monitor` });

test('monitor: the year picker shows an older year, with the figures the core counts for it, and keeps it while the person moves around', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 860 });
  await createVault(page);
  await seed(app);
  await openTab(page, 'Trajecten', 'Overzicht');

  // This year first: the same figures as the core's, and the region the core counted for.
  await expect(monitorHeading(page, THIS_YEAR)).toBeVisible();
  const now = await coreDashboard(page);
  expect(now.monitor.jaar).toBe(THIS_YEAR);
  expect(await shownTables(page)).toEqual(expectedTables(now));
  await expect(page.locator('.kk-monitor-regio').getByText(now.monitor.regio, { exact: true })).toBeVisible();
  await expect(page.getByText('Standaardregio: vul uw profiel in om uw eigen regio te kiezen.')).toHaveCount(now.regioBron === 'standaard' ? 1 : 0);

  // The picker offers every year with data, newest first.
  const picker = page.getByLabel('Jaar', { exact: true });
  expect(now.jaren).toEqual(expect.arrayContaining([2025, 2024, 2023]));
  expect(await picker.locator('option').allTextContents()).toEqual([...new Set([THIS_YEAR, ...now.jaren])].sort((a, b) => b - a).map(String));

  await picker.selectOption('2024');
  await expect(monitorHeading(page, 2024)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'U ziet nu de cijfers van 2024.' })).toBeAttached();
  const y2024 = await coreDashboard(page, 2024);
  const shown2024 = await shownTables(page);
  expect(shown2024).toEqual(expectedTables(y2024));
  expect(shown2024).not.toEqual(expectedTables(now));
  // And what the seed means for 2024, worked out by hand: three cliënten, each age column once,
  // every origin of the monitor, meldingen in the monitor's rows, the AVIM conversation.
  expect(shown2024.clienten).toMatchObject({ 'Seksuele uitbuiting': [0, 1, 1], 'Overige uitbuiting': [1, 0, 1], Preventief: [0, 1, 1], 'Criminele uitbuiting': [0, 0, 0], Totaal: [1, 2, 3] });
  expect(shown2024.leeftijd).toEqual({ Volwassen: [1], Minderjarig: [1], 'Leeftijd onbekend': [1] });
  expect(shown2024.herkomst).toEqual({ Centrumgemeente: [1], 'Andere gemeenten in de regio': [2], 'Onbekend, wel uit de regio': [1], 'Buiten de regio': [1], Onbekend: [1] });
  expect(shown2024.perVorm).toEqual({ 'Seksuele uitbuiting': [2, 0, 0], 'Criminele uitbuiting': [0, 1, 0], 'Overige uitbuiting': [0, 0, 1], 'Preventieve gesprekken': [0, 1, 0] });
  expect(shown2024.politie).toEqual({ Arbeidsuitbuiting: [1, 0], Totaal: [1, 0] });
  expect(await shownTable(page, 'Afgesloten trajecten per reden')).toEqual({ 'Doelen bereikt': [1], 'Geen contact meer': [1], Totaal: [2] });
  await expect(page.getByText('Nieuwe plaatsingen in de crisisopvang: 1')).toBeVisible();
  await expect(page.getByText('Informatie- en hulpvragen van sekswerkers: 1')).toBeVisible();
  await expectTablesFit(page);
  await checkScreen(page, 'monitor-01-dashboard-2024');
  await page.locator('#kk-dash-monitor').locator('..').screenshot({ path: join(screensDir, 'monitor-01a-figures-2024.png') });
  await screenAt(page, 'monitor-02-dashboard-2024-1024', 1024, 700);

  // The chosen year stays while the person works elsewhere and comes back.
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await expect(page.getByRole('heading', { level: 2, name: 'Alle trajecten' })).toBeVisible();
  await openTab(page, 'Trajecten', 'Overzicht');
  await expect(monitorHeading(page, 2024)).toBeVisible();
  await expect(page.getByLabel('Jaar', { exact: true })).toHaveValue('2024');
  expect(await shownTables(page)).toEqual(expectedTables(y2024));

  // 2025: c2 now counts for criminal exploitation only (no longer preventive), with its aangifte.
  await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
  await expect(monitorHeading(page, 2025)).toBeVisible();
  const y2025 = await coreDashboard(page, 2025);
  const shown2025 = await shownTables(page);
  expect(shown2025).toEqual(expectedTables(y2025));
  expect(shown2025.clienten).toMatchObject({ 'Seksuele uitbuiting': [1, 0, 1], 'Criminele uitbuiting': [0, 1, 1], Preventief: [0, 0, 0], Totaal: [1, 1, 2] });
  expect(shown2025.politie).toEqual({ 'Criminele uitbuiting': [0, 1], Totaal: [0, 1] });
});

test('monitor: onbekend is an answer; a second traject of a cliënt counts the cliënt once; a police contact counts for the AVIM', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 860 });
  await createVault(page);

  // A cliënt with a traject whose facts are not known: age, gemeente in the region; via Veilig Thuis.
  await openTab(page, 'Trajecten', 'Nieuwe cliënt');
  await page.getByLabel(/^Roepnaam/).fill('Testmon Vier');
  await page.getByRole('button', { name: 'Cliënt vastleggen' }).click();
  await page.getByRole('button', { name: 'Traject starten voor deze cliënt' }).click();
  // Nothing is chosen for the person: the age question must be answered.
  await page.getByLabel('Gemeente').selectOption({ label: 'Onbekend, wel een gemeente uit de regio' });
  await page.getByLabel('Aangemeld via').selectOption({ label: 'Veilig Thuis' });
  await page.getByRole('checkbox', { name: 'Criminele uitbuiting' }).check();
  await page.getByRole('button', { name: 'Traject starten' }).click();
  const age = page.getByRole('group', { name: 'Was de cliënt minderjarig bij de start?' });
  await expect(age.getByText('Kies ja, nee of onbekend.')).toBeVisible();
  await checkScreen(page, 'monitor-03-traject-new-age-missing');
  await age.getByRole('radio', { name: 'Onbekend' }).check();
  await page.getByRole('button', { name: 'Traject starten' }).click();
  await expect(page.getByTestId('traject-screen')).toBeVisible();
  const facts = page.locator('#kk-facts').locator('..');
  await expect(facts.locator('dt', { hasText: 'Minderjarig bij de start' }).locator('+ dd')).toHaveText('Onbekend');
  await expect(facts.locator('dt', { hasText: 'Gemeente' }).locator('+ dd')).toHaveText('Onbekend, wel een gemeente uit de regio');
  await expect(facts.locator('dt', { hasText: 'Aangemeld via' }).locator('+ dd')).toHaveText('Veilig Thuis');
  await expect(page.locator('.kk-record-sub')).toContainText('Leeftijd bij de start onbekend');
  // Correcting the facts keeps "onbekend" as it is.
  await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
  await expect(facts.getByRole('radio', { name: 'Onbekend' })).toBeChecked();
  await facts.getByRole('button', { name: 'Annuleren' }).click();

  // A police contact: the form opens on request and starts empty; missing answers are named.
  const politie = page.locator('#kk-politie').locator('..');
  await expect(politie).toContainText('Nog geen contact met de politie vastgelegd.');
  await politie.getByRole('button', { name: 'Politiecontact toevoegen' }).click();
  await expect(politie.getByLabel('Soort contact')).toBeFocused();
  await expect(politie.getByLabel('Soort contact')).toHaveValue('');
  await expect(politie.getByLabel('Datum')).toHaveValue('');
  await expect(politie.getByLabel('Over welke vorm')).toHaveValue('');
  await politie.getByRole('button', { name: 'Politiecontact opslaan' }).click();
  await expect(politie.getByText('Kies het soort contact.')).toBeVisible();
  await expect(politie.getByText('Vul de datum in.')).toBeVisible();
  await expect(politie.getByText('Kies de vorm waar het contact over ging.')).toBeVisible();
  await politie.screenshot({ path: join(screensDir, 'monitor-04a-politie-form-errors.png') });
  await politie.getByLabel('Soort contact').selectOption({ label: 'Aangifte' });
  await politie.getByLabel('Datum').fill(todayShown());
  await politie.getByLabel('Over welke vorm').selectOption({ label: 'Criminele uitbuiting' });
  await politie.getByRole('button', { name: 'Politiecontact opslaan' }).click();
  const contacts = page.getByRole('table', { name: 'Contact met de politie (AVIM)' });
  await expect(contacts.getByRole('row').nth(1)).toContainText(`Aangifte${todayShown()}Criminele uitbuiting`);
  await expect(politie.getByRole('button', { name: 'Politiecontact toevoegen' })).toBeFocused();
  await expect(politie.getByRole('button', { name: `Verwijder aangifte van ${todayShown()}` })).toBeVisible();
  await politie.screenshot({ path: join(screensDir, 'monitor-04b-politie-saved.png') });
  await checkScreen(page, 'monitor-04-traject-politie');

  // The dashboard: the unknown age in its own column, the aangifte at the AVIM.
  await openTab(page, 'Trajecten', 'Overzicht');
  await expect(monitorHeading(page, THIS_YEAR)).toBeVisible();
  let core = await coreDashboard(page);
  let shown = await shownTables(page);
  expect(shown).toEqual(expectedTables(core));
  expect(shown.leeftijd).toEqual({ Volwassen: [0], Minderjarig: [0], 'Leeftijd onbekend': [1] });
  expect(shown.clienten).toMatchObject({ 'Criminele uitbuiting': [0, 1, 1], Totaal: [0, 1, 1] });
  expect(shown.politie).toEqual({ 'Criminele uitbuiting': [0, 1], Totaal: [0, 1] });

  // A second traject for the same cliënt, started from the cliënt's screen.
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await page.getByRole('row').nth(1).getByRole('button').first().click();
  await page.getByRole('button', { name: 'Gegevens van de cliënt' }).click();
  await page.getByRole('button', { name: 'Traject starten voor deze cliënt' }).click();
  await page.getByLabel('Gemeente').selectOption({ label: 'Rotterdam' });
  await page.getByRole('group', { name: 'Was de cliënt minderjarig bij de start?' }).getByRole('radio', { name: 'Onbekend' }).check();
  await page.getByRole('checkbox', { name: 'Seksuele uitbuiting' }).check();
  await page.getByRole('button', { name: 'Traject starten' }).click();
  await expect(page.getByTestId('traject-screen')).toBeVisible();
  await page.getByRole('button', { name: 'Gegevens van de cliënt' }).click();
  await expect(page.getByRole('region', { name: 'Trajecten van deze cliënt' }).getByRole('listitem')).toHaveCount(2);

  // Still one cliënt: in the category of sexual exploitation (it goes first), counted for both forms.
  await openTab(page, 'Trajecten', 'Overzicht');
  await expect(monitorHeading(page, THIS_YEAR)).toBeVisible();
  core = await coreDashboard(page);
  shown = await shownTables(page);
  expect(shown).toEqual(expectedTables(core));
  expect(shown.clienten).toMatchObject({ 'Seksuele uitbuiting': [0, 1, 1], 'Criminele uitbuiting': [0, 0, 0], Totaal: [0, 1, 1] });
  expect(await shownTable(page, 'Cliënten per vorm')).toEqual({ 'Seksuele uitbuiting': [1], 'Criminele uitbuiting': [1] });
  await expect(page.getByText('Elke vorm telt apart: een cliënt kan bij meer vormen tellen.')).toBeVisible();
  await expectTablesFit(page);
  await checkScreen(page, 'monitor-05-dashboard-one-client-two-trajecten');
  await screenAt(page, 'monitor-06-dashboard-1024', 1024, 700);
});

test('monitor: "wel mensenhandel" needs a form, in the new melding and in the conclusion; the new answers can be chosen', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 860 });
  await createVault(page);
  await openTab(page, 'Meldingen', 'Nieuwe melding');
  await page.getByLabel('Wie meldt').selectOption({ label: 'Aandachtsfunctionaris (meldcode)' });
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Onbekend, wel een gemeente uit de regio' });
  await page.getByLabel('Conclusie', { exact: true }).selectOption({ label: 'Wel mensenhandel' });
  await page.getByRole('button', { name: 'Melding vastleggen' }).click();
  const message = /Bij "wel mensenhandel" hoort een vorm van uitbuiting/;
  // The reason is on the form field, and in the summary; nothing is saved.
  await expect(page.locator('.utrecht-form-field', { has: page.getByLabel('Vorm van uitbuiting') }).getByText(message)).toBeVisible();
  await expect(page.locator('.kk-error-summary')).toContainText(message);
  await checkScreen(page, 'monitor-07-melding-wel-without-form');
  await page.getByLabel('Conclusie', { exact: true }).selectOption({ label: 'Nog geen conclusie' });
  await page.getByRole('button', { name: 'Melding vastleggen' }).click();
  await expect(page.getByTestId('melding-screen')).toBeVisible();
  await expect(page.locator('.kk-dl')).toContainText('Aandachtsfunctionaris (meldcode)');
  await expect(page.locator('.kk-dl')).toContainText('Onbekend, wel een gemeente uit de regio');

  // Drawing the conclusion later: the form can be chosen there, and is needed.
  const conclusion = page.getByRole('form', { name: 'Conclusie van de meldroute' });
  await conclusion.getByLabel('Conclusie', { exact: true }).selectOption({ label: 'Wel mensenhandel' });
  await conclusion.getByRole('button', { name: 'Conclusie en terugkoppeling opslaan' }).click();
  await expect(conclusion.locator('.utrecht-form-field', { has: page.getByLabel('Vorm van uitbuiting') }).getByText(message)).toBeVisible();
  await conclusion.getByLabel('Vorm van uitbuiting').selectOption({ label: 'Criminele uitbuiting' });
  await conclusion.getByRole('button', { name: 'Conclusie en terugkoppeling opslaan' }).click();
  await expect(page.getByText('Opgeslagen.')).toBeVisible();
  await expect(page.locator('.kk-dl')).toContainText('Criminele uitbuiting');
  await checkScreen(page, 'monitor-08-melding-conclusion');
});
