// Casework, the rest of issue 4: contact persons in the cliënt form, meldingen filters with saved
// views, and paging through a long journal. A real core behind the bridge, a real browser; every
// screen is checked with axe-core and photographed to test-results/screens/casework-more-*.png.
import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkScreen, createVault, expect, expectFocusKept, screensDir, test, type AppHandle } from './fixtures';

/** A picture of one part of a long page (from `from` to the bottom of `to`), for people to look at. */
async function screenPart(page: Page, name: string, from: Locator, to: Locator): Promise<void> {
  await to.scrollIntoViewIfNeeded();
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error(`nothing to photograph for ${name}`);
  mkdirSync(screensDir, { recursive: true });
  const y = Math.max(0, a.y - 16);
  await page.screenshot({ path: join(screensDir, `${name}.png`), clip: { x: 0, y, width: page.viewportSize()!.width, height: b.y + b.height + 16 - y } });
}

async function openTab(page: Page, area: 'Trajecten' | 'Meldingen', tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: area }).click();
  await page.getByRole('navigation', { name: area === 'Trajecten' ? 'Onderdelen van Trajecten' : 'Onderdelen van Meldingen' }).getByRole('button', { name: tab }).click();
}

const JOURNAL_COUNT = 130;

/** A synthetic import file: one traject with a long journal and a cliënt with a guardian, and six meldingen. */
function seedFile() {
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const melding = (datum: string, vorm: string, gemeente: string, minderjarig: boolean | null) => ({ datum, kanaal: 'telefoon', anoniem: true, melderType: 'burger', vorm, gemeente, minderjarig });
  return {
    format: 'ketenkluis.casework',
    versie: 1,
    trajecten: [
      {
        client: { roepnaam: 'Testjournaal', contactpersonen: [{ naam: 'Test Voogd', relatie: 'voogd', wettelijkVertegenwoordiger: true }] },
        minderjarigBijStart: false,
        gemeente: 'Rotterdam',
        verwijzer: 'politie',
        aanmelddatum: '2024-01-01',
        vormen: ['seksuele-uitbuiting'],
        journaal: Array.from({ length: JOURNAL_COUNT }, (_, i) => ({ datum: day(i), soort: 'notitie', tekst: `Synthetische notitie nummer ${String(i).padStart(3, '0')}` })),
      },
    ],
    meldingen: [
      melding('2025-01-10', 'seksuele-uitbuiting', 'Rotterdam', true),
      melding('2025-02-15', 'seksuele-uitbuiting', 'Rotterdam', false),
      melding('2025-03-20', 'criminele-uitbuiting', 'Dordrecht', true),
      melding('2025-04-25', 'arbeidsuitbuiting', 'onbekend', null),
      melding('2025-05-30', 'seksuele-uitbuiting', 'buiten-regio', false),
      melding('2025-06-05', 'geen', 'Rotterdam', false),
    ],
  };
}

/** Imports the seed file through the Import screen, as a person would. */
async function seed(app: AppHandle): Promise<void> {
  const { page } = app;
  await openTab(page, 'Trajecten', 'Importeren');
  await app.chooseFile('seed.json', JSON.stringify(seedFile()));
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(page.getByTestId('import-chosen')).toContainText('seed.json');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('cliënten: 1 · trajecten: 1 · meldingen: 6');
}

async function openSeededTraject(page: Page): Promise<void> {
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await expect(page.getByText('Aantal trajecten: 1')).toBeVisible();
  await page.getByRole('row').nth(1).getByRole('button').first().click();
  await expect(page.getByTestId('traject-screen')).toBeVisible();
}

test('casework more: contact persons are added, corrected and removed in the cliënt form', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await seed(app);
  await openSeededTraject(page);
  await page.getByRole('button', { name: 'Gegevens van de cliënt' }).click();
  const first = page.getByRole('group', { name: 'Contactpersoon 1' });
  await expect(first.getByLabel('Naam')).toHaveValue('Test Voogd');
  await expect(first.getByRole('checkbox', { name: /Wettelijk vertegenwoordiger/ })).toBeChecked();

  // A new person without a name and with a wrong e-mail address: refused, with messages, nothing saved.
  await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
  const second = page.getByRole('group', { name: 'Contactpersoon 2' });
  await expect(second.getByLabel('Naam')).toBeFocused();
  await second.getByLabel(/^E-mail/).fill('geen-adres');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(second.getByText('Vul de naam van de contactpersoon in.')).toBeVisible();
  await expect(second.getByText('Kies de relatie tot de cliënt.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Verbeter deze punten' })).toContainText('Contactpersoon 2: Vul een geldig e-mailadres in.');
  await expectFocusKept(page, 'cliënt form refused');
  await checkScreen(page, 'casework-more-01-contact-errors');

  // Corrected and saved; the first person gets a phone number.
  await second.getByLabel('Naam').fill('Test Mentor');
  await second.getByLabel('Relatie tot de cliënt').selectOption({ label: 'Mentor' });
  await second.getByLabel(/^E-mail/).fill('mentor@example.test');
  await first.getByLabel(/^Telefoon/).fill('010-0000000');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('Opgeslagen.')).toBeVisible();
  await expectFocusKept(page, 'cliënt saved');
  await checkScreen(page, 'casework-more-02-contact-saved');

  // Read back from the vault: leave the screen and come back.
  await openSeededTraject(page);
  await page.getByRole('button', { name: 'Gegevens van de cliënt' }).click();
  await expect(page.getByRole('group', { name: 'Contactpersoon 2' }).getByLabel('Naam')).toHaveValue('Test Mentor');
  await expect(page.getByRole('group', { name: 'Contactpersoon 1' }).getByLabel(/^Telefoon/)).toHaveValue('010-0000000');

  // Removing the first person: the remove button names the person; focus goes to the one that moves up.
  await page.getByRole('button', { name: 'Contactpersoon 1 verwijderen (Test Voogd)' }).click();
  await expect(page.getByRole('group', { name: 'Contactpersoon 2' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Contactpersoon 1' }).getByLabel('Naam')).toBeFocused();
  await expect(page.getByRole('group', { name: 'Contactpersoon 1' }).getByLabel('Naam')).toHaveValue('Test Mentor');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('Opgeslagen.')).toBeVisible();
  await expectFocusKept(page, 'cliënt saved after a contact was removed');
  await openSeededTraject(page);
  await page.getByRole('button', { name: 'Gegevens van de cliënt' }).click();
  await expect(page.getByRole('group', { name: /^Contactpersoon \d$/ })).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Contactpersoon 1' }).getByLabel('Naam')).toHaveValue('Test Mentor');
});

test('casework more: meldingen filtered by vorm, gemeente and date; a saved view comes back and stays with its list', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await seed(app);
  await openTab(page, 'Meldingen', 'Alle meldingen');
  await expect(page.getByText('Aantal meldingen: 6')).toBeVisible();

  await page.getByLabel('Vorm van uitbuiting').selectOption({ label: 'Seksuele uitbuiting' });
  await expect(page.getByText('Aantal meldingen: 3')).toBeVisible();
  await page.getByLabel('Datum vanaf').fill('2025-02-01');
  await expect(page.getByText('Aantal meldingen: 2')).toBeVisible();

  // "vanaf" after "tot": a clear message, and the list keeps what it showed.
  await page.getByLabel('Datum tot en met').fill('2025-01-31');
  await expect(page.locator('.utrecht-form-field__error-message').filter({ hasText: 'De datum "vanaf" ligt na de datum "tot en met".' })).toBeVisible();
  // Screen readers hear it too, with what the list now shows.
  await expect(page.getByRole('group', { name: 'Filters' }).getByRole('status')).toContainText('De lijst toont nog de meldingen van het vorige filter.');
  await expect(page.getByText('Aantal meldingen: 2')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(3);
  await checkScreen(page, 'casework-more-03-meldingen-date-error');
  await page.getByLabel('Datum tot en met').fill('2025-03-31');
  await expect(page.getByText('Aantal meldingen: 1')).toBeVisible();
  await page.getByLabel('Datum tot en met').fill('');
  await expect(page.getByText('Aantal meldingen: 2')).toBeVisible();

  // Save the filter as a view.
  await page.getByLabel('Naam van de weergave').fill('SU vanaf februari');
  await page.getByRole('button', { name: 'Filter opslaan als weergave' }).click();
  await expect(page.getByRole('button', { name: 'Gebruik SU vanaf februari' })).toBeVisible();
  await checkScreen(page, 'casework-more-04-meldingen-filtered-view');
  await expectFocusKept(page, 'view saved');

  // Other filters: gemeente with the catch-alls, minderjarig.
  await page.getByLabel('Vorm van uitbuiting').selectOption({ label: 'Alle' });
  await page.getByLabel('Datum vanaf').fill('');
  await expect(page.getByText('Aantal meldingen: 6')).toBeVisible();
  await page.getByLabel('Gemeente').selectOption({ label: 'Onbekend' });
  await expect(page.getByText('Aantal meldingen: 1')).toBeVisible();
  await page.getByLabel('Gemeente').selectOption({ label: 'Rotterdam' });
  await expect(page.getByText('Aantal meldingen: 3')).toBeVisible();
  await page.getByLabel('Minderjarig', { exact: true }).selectOption({ label: 'Ja' });
  await expect(page.getByText('Aantal meldingen: 1')).toBeVisible();
  await page.getByLabel('Gemeente').selectOption({ label: 'Alle' });
  await page.getByLabel('Minderjarig', { exact: true }).selectOption({ label: 'Alle' });
  await expect(page.getByText('Aantal meldingen: 6')).toBeVisible();
  await expectFocusKept(page, 'filters changed');

  // The view brings its filter back, fields included.
  await page.getByRole('button', { name: 'Gebruik SU vanaf februari' }).click();
  await expect(page.getByText('Aantal meldingen: 2')).toBeVisible();
  await expect(page.getByLabel('Vorm van uitbuiting')).toHaveValue('seksuele-uitbuiting');
  await expect(page.getByLabel('Datum vanaf')).toHaveValue('01-02-2025');
  await expectFocusKept(page, 'view used');

  // The trajecten list has its own views: this one is not there, and one saved there is not here.
  await openTab(page, 'Trajecten', 'Alle trajecten');
  await expect(page.getByText('Aantal trajecten: 1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gebruik SU vanaf februari' })).toHaveCount(0);
  await page.getByLabel('Naam van de weergave').fill('Open trajecten');
  await page.getByRole('button', { name: 'Filter opslaan als weergave' }).click();
  await expect(page.getByRole('button', { name: 'Gebruik Open trajecten' })).toBeVisible();
  await openTab(page, 'Meldingen', 'Alle meldingen');
  await expect(page.getByRole('button', { name: 'Gebruik SU vanaf februari' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gebruik Open trajecten' })).toHaveCount(0);
});

test('casework more: older journal notes load page by page until the oldest is shown', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await seed(app);
  await openSeededTraject(page);
  const journal = page.locator('#kk-journal').locator('..');
  await expect(journal.getByText(`Notities: 100 van ${JOURNAL_COUNT}`)).toBeVisible();
  await expect(journal.locator('.kk-journal__entry')).toHaveCount(100);
  await expect(journal.getByText('Synthetische notitie nummer 000')).toHaveCount(0);
  await screenPart(page, 'casework-more-05-journal-older-button', journal.locator('.kk-journal__entry').nth(97), journal.getByRole('button', { name: 'Oudere notities laden' }));
  await checkScreen(page, 'casework-more-06-journal-first-page');

  await journal.getByRole('button', { name: 'Oudere notities laden' }).click();
  await expect(journal.getByText(`Notities: ${JOURNAL_COUNT} van ${JOURNAL_COUNT}`)).toBeVisible();
  await expect(journal.locator('.kk-journal__entry')).toHaveCount(JOURNAL_COUNT);
  await expect(journal.getByText('Synthetische notitie nummer 000')).toBeVisible();
  await expect(journal.getByRole('button', { name: 'Oudere notities laden' })).toHaveCount(0);
  // Focus is on the first entry that came in.
  await expect(journal.locator('.kk-journal__entry').nth(100)).toBeFocused();
  await expect(journal.locator('.kk-journal__entry').nth(100)).toContainText('Synthetische notitie nummer 029');

  // A new note keeps the older ones loaded.
  await journal.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Notitie' });
  await page.getByLabel(/^Tekst/).first().fill('Synthetische nieuwe notitie');
  await page.getByRole('button', { name: 'Toevoegen aan journaal' }).click();
  await expect(journal.getByText(`Notities: ${JOURNAL_COUNT + 1} van ${JOURNAL_COUNT + 1}`)).toBeVisible();
  await expect(journal.getByText('Synthetische notitie nummer 000')).toBeVisible();
  await screenPart(page, 'casework-more-07-journal-oldest', journal.locator('.kk-journal__entry').nth(JOURNAL_COUNT - 2), journal.locator('.kk-journal__entry').nth(JOURNAL_COUNT));
  await checkScreen(page, 'casework-more-08-journal-all-loaded');
});
