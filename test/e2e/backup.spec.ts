// Backup in the app (issue 13), end to end: a real core behind the bridge, a real browser, main's
// file dialogs played by the bridge host. A backup from Settings ("laatste back-up: vandaag"), a
// restore into a new vault from the unlock screen and from the first-run screen (the data is
// there; a damaged file and a wrong passphrase change nothing), the reminder in the menu, and
// replacing the recovery key (the old one no longer opens the vault). After every action the
// test says where focus is. Every screen: axe-core clean, a screenshot at 1280×860.
import type { Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkScreen, createVault, expect, lock, OTHER_TEST_PASSPHRASE, TEST_PASSPHRASE, test, unlock } from './fixtures';

// The fixture opens its own browser context at the project's size; these screens are looked at at 1280×860.
test.beforeEach(async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 860 });
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

/** Today as dd-mm-jjjj, as the screens write it. */
function todayText(now = new Date()): string {
  return `${String(now.getDate()).padStart(2, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${now.getFullYear()}`;
}

async function openSettings(page: Page): Promise<void> {
  await menu(page).getByRole('button', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
}

/**
 * Registers a synthetic cliënt with a traject through the page's own API (the casework screens
 * have their own specs); returns the cliënt's pseudonym code, which the list of trajecten shows.
 */
async function createClientAndTraject(page: Page, roepnaam: string): Promise<string> {
  return page.evaluate(async (roepnaam) => {
    type Call = (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
    const api = (window as unknown as { ketenkluis: Record<string, Call> }).ketenkluis;
    const client = await api['clienten.create']!({ fields: { roepnaam } });
    if (!client.ok) throw new Error(`clienten.create: ${client.error?.code}`);
    const { id, pseudoniem } = client.value as { id: string; pseudoniem: string };
    const today = new Date().toISOString().slice(0, 10);
    const fields = { minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: today, vormen: ['seksuele-uitbuiting'] };
    const traject = await api['trajecten.create']!({ clientId: id, fields });
    if (!traject.ok) throw new Error(`trajecten.create: ${traject.error?.code}`);
    return pseudoniem;
  }, roepnaam);
}

/** Opens the list of all trajecten and waits until it shows `code` (its rows are loaded then); returns the list's text. */
async function trajectListShowing(page: Page, code: string): Promise<string> {
  await menu(page).getByRole('button', { name: 'Trajecten' }).click();
  await page.getByRole('navigation', { name: 'Onderdelen van Trajecten' }).getByRole('button', { name: 'Alle trajecten' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Alle trajecten' })).toBeVisible();
  await expect(page.locator('main')).toContainText(code);
  return (await page.locator('main').textContent()) ?? '';
}

/** Makes a backup through Settings, main's save dialog answering `path`. */
async function makeBackup(app: { page: Page; answerDialog(path: string | null): Promise<void> }, path: string | null): Promise<void> {
  await app.answerDialog(path);
  await app.page.getByRole('button', { name: 'Back-up maken' }).click();
}

test('backup: made from Settings (laatste back-up: vandaag), then restored into a new vault from the unlock screen, the old vault kept aside', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const before = await createClientAndTraject(page, 'Vóór-back-up');

  await openSettings(page);
  const section = page.getByRole('region', { name: 'Back-up' });
  await expect(page.getByTestId('backup-last')).toHaveText('U hebt nog geen back-up gemaakt.');
  // A vault made today is not nagged: no reminder in the header.
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await section.scrollIntoViewIfNeeded();
  await checkScreen(page, 'backup-01-settings');

  // Main's save dialog chooses the file; the window only hears its name.
  const backupFile = app.tempPath('ketenkluis-zaterdag.kkbackup');
  await makeBackup(app, backupFile);
  await expect(section.getByRole('status').filter({ hasText: 'De back-up is gemaakt en gecontroleerd: ketenkluis-zaterdag.kkbackup' })).toBeVisible();
  await expect(page.getByTestId('backup-last')).toHaveText(`Laatste back-up: vandaag (${todayText()}).`);
  await expect(page.getByRole('button', { name: 'Back-up maken' })).toBeFocused();
  expect(readFileSync(backupFile).subarray(0, 8).toString('latin1')).toBe('KKBACKUP');
  // Nothing but the backup in that folder: no temp file left.
  expect(readdirSync(dirname(backupFile)).filter((n) => n.includes('kkbackup'))).toEqual(['ketenkluis-zaterdag.kkbackup']);
  await checkScreen(page, 'backup-02-made');

  // The same name again: refused, the file kept, focus still on the button.
  const bytes = readFileSync(backupFile);
  await makeBackup(app, backupFile);
  await expect(page.getByRole('alert')).toContainText('Er staat al een bestand met deze naam. Ketenkluis overschrijft nooit een bestand.');
  await expect(page.getByRole('button', { name: 'Back-up maken' })).toBeFocused();
  expect(readFileSync(backupFile).equals(bytes)).toBe(true);
  // A cancelled dialog makes nothing, and says so.
  await makeBackup(app, null);
  await expect(section.getByRole('status').filter({ hasText: 'U hebt geen plek gekozen. Er is geen back-up gemaakt.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back-up maken' })).toBeFocused();
  await expect(page.getByTestId('backup-last')).toHaveText(`Laatste back-up: vandaag (${todayText()}).`);

  // Work after the backup: not in a restore of it.
  const after = await createClientAndTraject(page, 'Na-back-up');
  await lock(page);

  // From the unlock screen: the way to restore, without a mouse.
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Back-up terugzetten' })).toBeFocused();
  await expect(page.getByText('Er staat al een kluis op deze computer', { exact: true })).toBeVisible();
  await checkScreen(page, 'backup-03-restore-unlock');

  // Nothing chosen yet: said on the spot, focus on the button that chooses.
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByTestId('restore-chosen')).toHaveText('Kies eerst het back-upbestand.');
  await expect(page.getByRole('button', { name: 'Bestand kiezen' })).toBeFocused();

  await app.answerDialog(backupFile);
  await page.getByRole('button', { name: 'Bestand kiezen' }).click();
  await expect(page.getByTestId('restore-chosen')).toHaveText(/^Gekozen: ketenkluis-zaterdag\.kkbackup \(\d+(,\d)? kB\)$/);
  await expect(page.getByLabel('Wachtwoord van de back-up')).toBeFocused();

  const vaultBefore = readdirSync(app.vaultDir).sort();
  const beside = () => readdirSync(dirname(app.vaultDir)).filter((n) => n.startsWith('vault')).sort();
  expect(beside()).toEqual(['vault']);

  // A wrong passphrase: nothing changes, focus back in the field.
  await page.getByLabel('Wachtwoord van de back-up').fill(OTHER_TEST_PASSPHRASE);
  await page.getByRole('checkbox', { name: 'Zet mijn huidige kluis opzij en gebruik de back-up' }).check();
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByRole('alert')).toContainText('Dit wachtwoord opent de back-up niet. Gebruik het wachtwoord van toen u de back-up maakte. Er is niets teruggezet.');
  await expect(page.getByLabel('Wachtwoord van de back-up')).toBeFocused();
  // The emptied field is not called a second mistake.
  await expect(page.getByText('Vul een wachtwoord in.')).toHaveCount(0);
  expect(beside()).toEqual(['vault']);
  expect(readdirSync(app.vaultDir).sort()).toEqual(vaultBefore);
  await checkScreen(page, 'backup-04-restore-wrong-passphrase');

  // Without the choice to keep the current vault aside: never over it; focus on that choice.
  await page.getByRole('checkbox', { name: 'Zet mijn huidige kluis opzij en gebruik de back-up' }).uncheck();
  await page.getByLabel('Wachtwoord van de back-up').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByText('Vink dit aan als u de back-up wilt gebruiken. Zonder vinkje verandert er niets.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Zet mijn huidige kluis opzij en gebruik de back-up' })).toBeFocused();
  expect(beside()).toEqual(['vault']);

  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();

  // The restored vault is open; Settings says what happened and takes focus there.
  const notice = page.getByTestId('restored-notice');
  await expect(notice).toContainText('De back-up is teruggezet en gecontroleerd. U werkt nu in de teruggezette kluis.');
  await expect(notice).toContainText(/Uw vorige kluis is bewaard in de map “vault-bewaard-\d{4}-\d{2}-\d{2}-\d{6}”, naast de map van de kluis\./);
  await expect(notice).toBeFocused();
  await expect(page.getByTestId('backup-last')).toHaveText(`Laatste back-up: vandaag (${todayText()}).`);
  const kept = beside().filter((n) => n !== 'vault');
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatch(/^vault-bewaard-/);
  expect(readdirSync(join(dirname(app.vaultDir), kept[0]!))).toEqual(expect.arrayContaining(['ketenkluis.db', 'ketenkluis.key']));
  await checkScreen(page, 'backup-05-restored');

  // The data of the backup, and not what came after it.
  expect(await trajectListShowing(page, before)).not.toContain(after);
  await checkScreen(page, 'backup-06-restored-data');
});

test('backup: on a new computer the first-run screen restores a backup; a damaged file is refused and creates nothing', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const code = await createClientAndTraject(page, 'Nieuwe-computer');
  await openSettings(page);
  const backupFile = app.tempPath('meenemen.kkbackup');
  await makeBackup(app, backupFile);
  await expect(page.getByTestId('backup-last')).toHaveText(`Laatste back-up: vandaag (${todayText()}).`);
  await lock(page);

  // A new computer: no vault in the folder any more.
  for (const name of readdirSync(app.vaultDir)) rmSync(join(app.vaultDir, name), { recursive: true, force: true });
  await app.reopen();
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Ketenkluis' })).toBeVisible();
  await page.getByRole('button', { name: 'Hebt u al een back-up? Zet die terug' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Back-up terugzetten' })).toBeFocused();
  // Nothing to keep aside here.
  await expect(page.getByRole('checkbox', { name: /opzij/ })).toHaveCount(0);
  await checkScreen(page, 'backup-07-restore-first-run');

  // A file that is not a backup: refused with what it means; nothing is created; focus on choosing again.
  const damaged = await app.chooseFile('kapot.kkbackup', 'KKBACKUP maar verder niets');
  await page.getByRole('button', { name: 'Bestand kiezen' }).click();
  await expect(page.getByTestId('restore-chosen')).toContainText('Gekozen: kapot.kkbackup');
  await page.getByLabel('Wachtwoord van de back-up').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByRole('alert')).toContainText('Dit bestand is geen bruikbare back-up van Ketenkluis: het is beschadigd, onvolledig of een ander soort bestand. Er is niets teruggezet en er is niets veranderd.');
  await expect(page.getByRole('button', { name: 'Ander bestand kiezen' })).toBeFocused();
  expect(readdirSync(app.vaultDir).filter((n) => n.startsWith('ketenkluis'))).toEqual([]);
  expect(existsSync(damaged)).toBe(true);
  await checkScreen(page, 'backup-08-restore-damaged');

  // The real backup: restored, open, with its data.
  await app.answerDialog(backupFile);
  await page.getByRole('button', { name: 'Ander bestand kiezen' }).click();
  await expect(page.getByLabel('Wachtwoord van de back-up')).toBeFocused();
  await page.getByLabel('Wachtwoord van de back-up').fill(TEST_PASSPHRASE);
  await page.keyboard.press('Enter');
  const notice = page.getByTestId('restored-notice');
  await expect(notice).toHaveText('De back-up is teruggezet en gecontroleerd. U werkt nu in de teruggezette kluis.');
  await expect(notice).toBeFocused();
  await trajectListShowing(page, code);
  // An ordinary vault now: it locks and opens again with the backup's passphrase.
  await lock(page);
  await unlock(page, TEST_PASSPHRASE);
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();
});

test('backup: the calm reminder in the header after the set number of days, and its way to the backup button', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await openSettings(page);
  await makeBackup(app, app.tempPath('eerste.kkbackup'));
  await expect(page.getByTestId('backup-last')).toHaveText(`Laatste back-up: vandaag (${todayText()}).`);
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);

  // Eight days later (the page's clock), the default of 7 days has passed.
  const later = new Date(Date.now() + 8 * 86_400_000);
  await page.clock.setFixedTime(later);
  await menu(page).getByRole('button', { name: 'Trajecten' }).click();
  const reminder = page.getByTestId('backup-reminder');
  await expect(reminder).toHaveText(/^Laatste back-up: 8 dagen geleden\s*Back-up maken$/);
  // In the header, so it shows on every screen without scrolling.
  await expect(page.getByRole('banner')).toContainText('Laatste back-up: 8 dagen geleden');
  await checkScreen(page, 'backup-09-reminder');
  // At 1024×700 the header still holds it beside the status and the lock button, on one line.
  await page.setViewportSize({ width: 1024, height: 700 });
  const header = page.getByRole('banner');
  expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const [pill, lockButton] = [await reminder.boundingBox(), await page.getByRole('button', { name: 'Kluis vergrendelen' }).boundingBox()];
  expect(pill!.y + pill!.height).toBeLessThan(lockButton!.y + lockButton!.height + 8);
  expect(pill!.x + pill!.width).toBeLessThan(lockButton!.x);
  await checkScreen(page, 'backup-09b-reminder-1024');
  await page.setViewportSize({ width: 1280, height: 860 });

  await reminder.getByRole('button', { name: 'Back-up maken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  // Focus on what the reminder pointed to, not on the page's title.
  await expect(page.getByRole('region', { name: 'Back-up' }).getByRole('button', { name: 'Back-up maken' })).toBeFocused();
  await expect(page.getByText('Het is tijd voor een nieuwe back-up.')).toBeVisible();
  const today = new Date();
  await expect(page.getByTestId('backup-last')).toHaveText(`Laatste back-up: 8 dagen geleden (${todayText(today)}).`);

  // A longer reminder: 8 days are fine then, and the header goes quiet.
  const field = page.getByLabel('Herinner mij na dit aantal dagen zonder back-up');
  await field.fill('0');
  await page.getByRole('button', { name: 'Herinnering opslaan' }).click();
  await expect(page.getByText('Vul een heel getal van 1 tot en met 365 in.')).toBeVisible();
  await field.fill('14');
  await page.getByRole('button', { name: 'Herinnering opslaan' }).click();
  await expect(page.getByText('Opgeslagen. Ketenkluis herinnert u na 14 dagen zonder back-up.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Herinnering opslaan' })).toBeFocused();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await expect(page.getByText('Het is tijd voor een nieuwe back-up.')).toHaveCount(0);
  await checkScreen(page, 'backup-10-reminder-setting');
});

test('backup: the recovery key is replaced after unlock; the old key no longer opens the vault, the new one does', async ({ app }) => {
  const { page } = app;
  const oldKey = await createVault(page);
  await openSettings(page);
  const section = page.getByRole('form', { name: 'Herstelsleutel vervangen' });
  await section.scrollIntoViewIfNeeded();

  await section.getByRole('button', { name: 'Nieuwe herstelsleutel maken' }).click();
  await expect(section.getByText('Vul een wachtwoord in.')).toBeVisible();
  await section.getByLabel('Uw wachtwoord', { exact: true }).fill(OTHER_TEST_PASSPHRASE);
  await section.getByRole('button', { name: 'Nieuwe herstelsleutel maken' }).click();
  await expect(section.getByRole('alert')).toContainText('Het wachtwoord klopt niet.');
  await expect(section.getByLabel('Uw wachtwoord', { exact: true })).toBeFocused();

  await section.getByLabel('Uw wachtwoord', { exact: true }).fill(TEST_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Uw nieuwe herstelsleutel' })).toBeFocused();
  const newKey = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
  expect(newKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){8}$/);
  expect(newKey).not.toBe(oldKey);
  await expect(page.getByRole('button', { name: 'Klaar' })).toBeDisabled();
  await checkScreen(page, 'backup-11-new-recovery-key');
  await page.getByLabel('Ik heb de nieuwe herstelsleutel veilig bewaard').check();
  await page.getByRole('button', { name: 'Klaar' }).click();
  const done = page.getByTestId('recovery-replaced');
  await expect(done).toHaveText('De nieuwe herstelsleutel is in gebruik. De oude herstelsleutel werkt niet meer.');
  await expect(done).toBeFocused();
  // Shown once: nowhere on the page any more.
  await expect(page.getByText(newKey)).toHaveCount(0);
  await checkScreen(page, 'backup-12-recovery-key-replaced');

  // The old key is refused, the new one opens the vault (with a new passphrase).
  await lock(page);
  await page.getByRole('button', { name: 'Wachtwoord vergeten? Gebruik de herstelsleutel' }).click();
  await page.getByLabel('Herstelsleutel').fill(oldKey);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(OTHER_TEST_PASSPHRASE);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(OTHER_TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Kluis openen' }).click();
  await expect(page.getByRole('alert')).toContainText('De herstelsleutel klopt niet.');
  await page.getByLabel('Herstelsleutel').fill(newKey);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(OTHER_TEST_PASSPHRASE);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(OTHER_TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Kluis openen' }).click();
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();
});
