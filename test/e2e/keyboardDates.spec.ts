// Keyboard and dates (issue 13): focus lands on what the person acts on next — asserted after
// every action —, the unlock screen works from the first key, Ctrl+K keeps Tab inside, the error
// summary links to its fields, and every date reads and types as dd-mm-jjjj, also in a browser
// with an English locale. Screens: test-results/screens/keys-*.png.
import type { Page } from '@playwright/test';
import { checkScreen, createVault, expect, lock, test, TEST_PASSPHRASE } from './fixtures';

/** A day relative to today as dd-mm-jjjj (how a person types it). */
function typed(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()}`;
}

async function openTab(page: Page, area: 'Trajecten' | 'Meldingen', tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: area }).click();
  await page.getByRole('navigation', { name: area === 'Trajecten' ? 'Onderdelen van Trajecten' : 'Onderdelen van Meldingen' }).getByRole('button', { name: tab }).click();
}

/** A synthetic cliënt with a traject; returns the traject's pseudonym code. */
async function clientWithTraject(page: Page): Promise<string> {
  await openTab(page, 'Trajecten', 'Nieuwe cliënt');
  await page.getByLabel(/^Roepnaam/).fill('Testpersoon');
  await page.getByRole('button', { name: 'Cliënt vastleggen' }).click();
  const code = (await page.locator('.kk-code-box .kk-pseudonym').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'Traject starten voor deze cliënt' }).click();
  await page.getByLabel('Gemeente').selectOption({ label: 'Rotterdam' });
  await page.getByRole('group', { name: 'Was de cliënt minderjarig bij de start?' }).getByRole('radio', { name: 'Nee' }).check();
  await page.getByRole('checkbox', { name: 'Arbeidsuitbuiting' }).check();
  await page.getByRole('button', { name: 'Traject starten' }).click();
  await expect(page.getByTestId('traject-screen')).toBeVisible();
  return code;
}

const focused = (page: Page) => page.locator(':focus');

test('unlock from the first key: page load, type, Enter, unlocked', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await lock(page);
  await app.reopen();
  await expect(page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' })).toBeVisible();
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
  await checkScreen(page, 'keys-01-unlock');
  await page.keyboard.type(TEST_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();
});

test('keyboard: open from the list, journal, tasks, Ctrl+K and the error summary put focus where the work goes on', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const code = await clientWithTraject(page);

  // Open from the list with Enter: focus on the traject's heading, not the page.
  await openTab(page, 'Trajecten', 'Alle trajecten');
  const open = page.getByRole('table', { name: /trajecten/i }).getByRole('button', { name: new RegExp(code) });
  // Reached by keyboard (Shift+Tab, Tab), so the browser shows its focus ring.
  await open.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(open).toBeFocused();
  // The list's cell does not cut the focus ring: the ring (outline and halo) fits inside the cell.
  const ring = await open.evaluate((button) => {
    const style = getComputedStyle(button);
    const reach = Math.max(0, parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset));
    const b = button.getBoundingClientRect();
    const cell = button.closest('[role="cell"]')!.getBoundingClientRect();
    const inside = b.left - reach >= cell.left - 0.5 && b.right + reach <= cell.right + 0.5 && b.top - reach >= cell.top - 0.5 && b.bottom + reach <= cell.bottom + 0.5;
    return { inside, outline: style.outlineStyle, shadow: style.boxShadow };
  });
  expect(ring).toEqual({ inside: true, outline: 'solid', shadow: 'none' });
  await checkScreen(page, 'keys-02-list-focus');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(code) });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();

  // Journal: "Notitie toevoegen" opens the form with focus on its first field; after adding, the
  // form closes, focus is on "Notitie toevoegen" again, and the new entry is announced.
  const addNote = page.getByRole('button', { name: 'Notitie toevoegen' });
  await addNote.focus();
  await page.keyboard.press('Enter');
  const soort = page.getByLabel('Soort', { exact: true });
  await expect(soort).toBeFocused();
  await soort.selectOption({ label: 'Notitie' });
  await page.getByLabel(/^Tekst/).fill('Synthetische notitie via het toetsenbord.');
  await page.getByRole('button', { name: 'Toevoegen aan journaal' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.kk-journal__entry').first()).toContainText('Synthetische notitie via het toetsenbord.');
  await expect(addNote).toBeFocused();
  await expect(page.getByLabel(/^Tekst/)).toHaveCount(0);
  await expect(page.locator('#kk-journal').locator('..').getByRole('status')).toHaveText('De notitie staat in het journaal.');

  // Tasks: the add form opens on request with focus in its title (issue 13); after adding, the title field again; typed dates are dd-mm-jjjj.
  await page.getByRole('button', { name: 'Taak toevoegen' }).focus();
  await page.keyboard.press('Enter');
  const titel = page.getByLabel('Taak', { exact: true });
  await expect(titel).toBeFocused();
  for (const [name, offset] of [['Synthetische taak een', 1], ['Synthetische taak twee', 5]] as const) {
    await titel.fill(name);
    await page.getByLabel('Uiterlijk op').fill(typed(offset));
    await page.getByRole('button', { name: 'Taak toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.kk-task-list')).toContainText(name);
    await expect(titel).toBeFocused();
    await expect(titel).toHaveValue('');
  }
  await expect(page.locator('.kk-task-list')).toContainText(typed(1));
  await checkScreen(page, 'keys-03-traject-after-adding');

  // "Klaar": focus to the next open task's "Klaar", and after the last one to the tasks heading.
  await page.getByRole('button', { name: 'Taak "Synthetische taak een" is klaar' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Klaar op/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Taak "Synthetische taak twee" is klaar' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Klaar op/)).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 3, name: 'Taken' })).toBeFocused();

  // Ctrl+K: Tab stays inside the dialog; Escape closes it and focus returns to where it was.
  await expect(focused(page)).toHaveAttribute('id', 'kk-tasks');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Snel openen' });
  const input = dialog.getByRole('combobox');
  await expect(input).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Sluiten' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Sluiten' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(input).toBeFocused();
  await checkScreen(page, 'keys-04-quick-switcher');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 3, name: 'Taken' })).toBeFocused();

  // The error summary: each problem is a link that moves focus to its field.
  await openTab(page, 'Meldingen', 'Nieuwe melding');
  await page.getByLabel('Datum van de melding').fill('31-02-2026');
  await page.getByRole('button', { name: 'Melding vastleggen' }).click();
  const summary = page.locator('.kk-error-summary');
  await expect(summary.getByRole('link', { name: 'Vul een datum in als dd-mm-jjjj.' })).toBeVisible();
  await expect(page.getByLabel('Datum van de melding')).toHaveValue('31-02-2026');
  await checkScreen(page, 'keys-05-error-summary');
  await summary.getByRole('link', { name: /gemeente/i }).click();
  await expect(page.getByLabel('Gemeente', { exact: true })).toBeFocused();
  await summary.getByRole('link', { name: 'Vul een datum in als dd-mm-jjjj.' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Datum van de melding')).toBeFocused();
});

test.describe('under an English browser locale (en-US, as on an English Windows)', () => {
  test.use({ locale: 'en-US' });

  test('dates read and type as dd-mm-jjjj, and "how far" is plain Dutch', async ({ app }) => {
    const { page } = app;
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await createVault(page);
    await clientWithTraject(page);

    await page.getByRole('button', { name: 'Taak toevoegen' }).click();
    const deadline = page.getByLabel('Uiterlijk op');
    await expect(deadline).toHaveAttribute('type', 'text');
    await expect(deadline).toHaveAttribute('inputmode', 'numeric');
    // A US-order date is not read as another day: it is refused with a message and kept.
    await page.getByLabel('Taak', { exact: true }).fill('Synthetische taak');
    await deadline.fill('12/31/2026');
    await page.getByRole('button', { name: 'Taak toevoegen' }).click();
    await expect(page.getByText('Vul een datum in als dd-mm-jjjj.')).toBeVisible();
    await expect(deadline).toHaveValue('12/31/2026');
    await expect(page.locator('.kk-task-list')).toHaveCount(0);
    await checkScreen(page, 'keys-06-date-refused-en-US');

    // d-m-jjjj is read and shown as dd-mm-jjjj.
    const tomorrow = typed(1);
    const short = tomorrow.replace(/^0/, '').replace(/-0/, '-');
    await deadline.fill(short);
    await deadline.blur();
    await expect(deadline).toHaveValue(tomorrow);
    await page.getByRole('button', { name: 'Taak toevoegen' }).click();
    await expect(page.locator('.kk-task-list')).toContainText(tomorrow);
    await expect(page.getByLabel('Taak', { exact: true })).toBeFocused();
    // The journal's date field starts empty (empty is today); today is shown as dd-mm-jjjj, not mm/dd/yyyy.
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    const journaalDatum = page.locator('input[name="journal-datum"]');
    await expect(journaalDatum).toHaveValue('');
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Notitie' });
    await page.getByLabel(/^Tekst/).fill('Synthetische notitie over een afspraak.');
    await page.getByRole('button', { name: 'Toevoegen aan journaal' }).click();
    await expect(page.locator('.kk-journal__entry').first()).toContainText(typed(0));

    // The dashboard says "morgen", not "Over 1 dagen".
    await openTab(page, 'Trajecten', 'Overzicht');
    await expect(page.getByTestId('dashboard')).toContainText(`${tomorrow} (morgen)`);
    await expect(page.getByTestId('dashboard')).not.toContainText(/dagen\)/);
    await checkScreen(page, 'keys-07-dashboard-en-US');

    // Search results show dates the same way.
    await openTab(page, 'Trajecten', 'Zoeken');
    await page.getByLabel('Zoekwoorden').fill('afspraak');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('table')).toContainText(typed(0));
    await expect(page.getByRole('table')).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    await checkScreen(page, 'keys-08-search-en-US');
  });
});
