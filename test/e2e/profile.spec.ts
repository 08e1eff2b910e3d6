// The vault profile and the partner register in the browser, against a real core: the first run
// asks for the profile after the recovery key and shows the organisation key's fingerprint; a
// vault made before profiles asks once after unlock, and "Later" is remembered; the register
// adds, changes, retires and removes partners, but never removes a used one. Every screen:
// axe-core finds nothing, and a screenshot is saved to test-results/screens/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkScreen, expect, fillProfile, lock, repoRoot, test, TEST_PASSPHRASE, unlock } from './fixtures';
import type { Page } from '@playwright/test';

// These flows need the question the fixture otherwise answers for every new vault.
test.use({ syntheticProfile: false });

const PROFILE = { naam: 'Testa Profielspec', functie: 'zorgcoordinator', organisatie: 'essm', regio: 'rotterdam' } as const;
const question = (page: Page) => page.getByRole('heading', { level: 1, name: 'Wie werkt er met deze kluis?' });
const lockButton = (page: Page) => page.getByRole('button', { name: 'Kluis vergrendelen' });

/** The first run up to the question that follows the recovery key. */
async function firstRunToQuestion(page: Page): Promise<void> {
  await page.getByLabel('Wachtwoord', { exact: true }).fill(TEST_PASSPHRASE);
  await page.getByLabel('Herhaal het wachtwoord').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Kluis maken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' })).toBeVisible();
  await page.getByLabel('Ik heb de herstelsleutel veilig bewaard').check();
  await page.getByRole('button', { name: 'Verder naar Ketenkluis' }).click();
  await expect(question(page)).toBeVisible();
}

/** The fingerprint as shown, on one line: 16 groups of four hex digits. */
async function shownFingerprint(page: Page): Promise<string> {
  const text = ((await page.getByTestId('vingerafdruk').innerText()) ?? '').replace(/\s+/g, ' ').trim();
  expect(text).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
  return text;
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Instellingen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
}

test('first run: after the recovery key the profile is asked, checked in plain Dutch, and its key fingerprint shown once; then never asked again', async ({ app }) => {
  const { page } = app;
  await firstRunToQuestion(page);
  await expect(question(page)).toBeFocused();
  await checkScreen(page, 'profile-01-question');

  // Nothing filled in: every missing field is named, in Dutch, and what was typed stays.
  await page.getByLabel('Uw naam').fill('Testa Profielspec');
  await page.getByRole('button', { name: 'Profiel opslaan' }).click();
  const summary = page.locator('.kk-error-summary');
  await expect(summary).toContainText('Kies uw functie');
  await expect(summary).toContainText('Kies uw organisatie');
  await expect(summary).toContainText('Kies uw regio');
  await expect(page.getByLabel('Uw naam')).toHaveValue('Testa Profielspec');
  for (const field of ['Uw functie', 'Uw organisatie', 'Uw regio']) await expect(page.getByLabel(field)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Uw naam')).not.toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, 'profile-02-question-errors');

  await fillProfile(page, PROFILE);
  await expect(page.getByRole('heading', { level: 1, name: 'Uw profiel is opgeslagen' })).toBeVisible();
  await expect(page.getByText('Geef deze vingerafdruk aan de Regionale Tafel.')).toBeVisible();
  const fingerprint = await shownFingerprint(page);
  await checkScreen(page, 'profile-03-fingerprint');
  await page.getByRole('button', { name: 'Verder naar Ketenkluis' }).click();
  await expect(lockButton(page)).toBeVisible();

  // Settings says who works with the vault; the profile screen shows the same fingerprint.
  await openSettings(page);
  await expect(page.getByText('U werkt als Testa Profielspec (Zorgcoördinator mensenhandel) bij ESSM (Humanitas).')).toBeVisible();
  await checkScreen(page, 'profile-04-settings-with-profile');
  await page.getByRole('button', { name: 'Profiel bekijken of wijzigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw profiel' })).toBeVisible();
  expect(await shownFingerprint(page)).toBe(fingerprint);
  await page.getByLabel('Uw functie').selectOption('meldpunt-medewerker');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('Uw profiel is opgeslagen.')).toBeVisible();
  await expect(page.getByLabel('Uw functie')).toHaveValue('meldpunt-medewerker');
  await checkScreen(page, 'profile-05-profile-screen');

  // Locked and unlocked again: straight into the vault, no question.
  await lock(page);
  await unlock(page, TEST_PASSPHRASE);
  await expect(lockButton(page)).toBeVisible();
  await expect(question(page)).toHaveCount(0);
});

test('a vault made before profiles asks once after unlock; "Later" is remembered and Settings reminds calmly', async ({ app }) => {
  const { page } = app;
  // A vault as an earlier Ketenkluis made it (schema before 0070), written straight into the folder.
  const script = `
    const { createVault, closeVault } = await import('./electron/core/vault/vault.ts');
    const { migrations } = await import('./electron/core/db/migrations/index.ts');
    const made = await createVault(${JSON.stringify(app.vaultDir)}, ${JSON.stringify(TEST_PASSPHRASE)}, { migrations: migrations.filter((m) => m.version < 70) });
    closeVault(made.vault);
    console.log('made');
  `;
  const made = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000 });
  expect(made.stdout.trim(), made.stderr).toBe('made');
  await app.reopen();
  await unlock(page, TEST_PASSPHRASE);
  await expect(question(page)).toBeVisible();
  await checkScreen(page, 'profile-06-question-after-unlock');

  await page.getByRole('button', { name: 'Later' }).click();
  await expect(lockButton(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Trajecten' })).toBeVisible();

  // Asked once: the next unlock goes straight in.
  await lock(page);
  await unlock(page, TEST_PASSPHRASE);
  await expect(lockButton(page)).toBeVisible();
  await expect(question(page)).toHaveCount(0);

  await openSettings(page);
  await expect(page.getByText(/U hebt nog geen profiel\. Ketenkluis schrijft bij wijzigingen nu "eigenaar van de kluis" op/)).toBeVisible();
  await checkScreen(page, 'profile-07-settings-reminder');
  await page.getByRole('button', { name: 'Profiel invullen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw profiel' })).toBeVisible();
  await fillProfile(page, { ...PROFILE, organisatie: 'shop', regio: 'den-haag' });
  await expect(page.getByText('Uw profiel is opgeslagen.')).toBeVisible();
  await shownFingerprint(page);
  await page.getByRole('button', { name: 'Terug naar Instellingen' }).click();
  await expect(page.getByText('U werkt als Testa Profielspec (Zorgcoördinator mensenhandel) bij SHOP (Stichting Hulp en Opvang Prostitutie en Mensenhandel).')).toBeVisible();
});

test('the partner register: add, change, retire, take back and remove a partner; a used partner cannot be removed', async ({ app }) => {
  const { page } = app;
  await firstRunToQuestion(page);
  await fillProfile(page, PROFILE, true);
  await openSettings(page);
  await page.getByRole('button', { name: 'Partnerregister openen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerregister' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Partners' });
  await expect(table.getByRole('row')).toHaveCount(22); // a header and the 21 partners of resources/partners.json
  await expect(table.getByRole('row', { name: /Veilig Thuis Rotterdam Rijnmond/ })).toContainText('Meldpunt of coördinatie');
  await expect(table.getByRole('row', { name: /^Huisarts/ })).toContainText('Medisch beroepsgeheim');
  await expect(table.getByRole('row', { name: /Wijkteam/ })).toContainText('Geen medisch beroepsgeheim');
  await checkScreen(page, 'profile-08-partners');

  // The organisation of the profile is used: it can be retired, not removed, and the row says so.
  const essm = table.getByRole('row', { name: /ESSM \(Humanitas\)/ });
  await expect(essm).toContainText('Gebruikt');
  await expect(essm).toContainText('Deze partner is gebruikt. U kunt hem niet verwijderen, wel buiten gebruik stellen.');
  await expect(page.getByRole('button', { name: 'ESSM (Humanitas) verwijderen' })).toHaveCount(0);
  // Even a call that skips the screen is refused by the core, with its Dutch message.
  const refused = await page.evaluate(async () => {
    const api = window.ketenkluis!;
    const list = await api['partners.list']({});
    const essm = list.ok ? list.value.partners.find((p) => p.id === 'essm') : undefined;
    const r = await api['partners.remove']({ id: 'essm', version: essm?.version ?? 0 });
    return r.ok ? null : r.error.code;
  });
  expect(refused).toBe('PARTNER_IN_USE');
  await expect(essm).toBeVisible();

  // Add: what is missing is named; a zorgverlener is asked about the beroepsgeheim.
  await page.getByRole('button', { name: 'Partner toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Partner toevoegen' })).toBeFocused();
  await page.getByRole('button', { name: 'Partner opslaan' }).click();
  const summary = page.locator('.kk-error-summary');
  await expect(summary).toContainText('Vul de naam van de organisatie in');
  await expect(summary).toContainText('Kies een van de vijf partnercategorieën');
  await expect(summary).toContainText('Vul een functie of afdeling in');
  await expect(summary).toContainText('Kies hoe u deze partner bereikt');
  await checkScreen(page, 'profile-09-partner-form-errors');
  await page.getByLabel('Naam van de organisatie').fill('Gemeente Schiedam');
  await page.getByLabel('Categorie').selectOption('zorg');
  await expect(page.getByLabel('Geldt er een medisch beroepsgeheim?')).toBeVisible();
  await page.getByLabel('Categorie').selectOption('toezicht');
  await expect(page.getByLabel('Geldt er een medisch beroepsgeheim?')).toHaveCount(0);
  await page.getByLabel('Heeft het RIEC-convenant ondertekend').check();
  await page.getByLabel('Contact', { exact: true }).fill('Team openbare orde en veiligheid');
  await page.getByLabel('Hoe bereikt u deze partner?').selectOption('post');
  await page.getByLabel('Regio', { exact: true }).selectOption('rotterdam');
  await page.getByRole('button', { name: 'Partner opslaan' }).click();
  const schiedam = table.getByRole('row', { name: /Gemeente Schiedam/ });
  await expect(schiedam).toContainText('Zelf toegevoegd');
  await expect(schiedam).toContainText('RIEC-convenant');
  await expect(page.getByRole('status').filter({ hasText: 'Gemeente Schiedam is opgeslagen.' })).toHaveCount(1);

  // Change: same partner, new contact.
  await page.getByRole('button', { name: 'Gemeente Schiedam wijzigen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Partner wijzigen: Gemeente Schiedam' })).toBeFocused();
  await page.getByLabel('Contact', { exact: true }).fill('Aandachtsfunctionaris mensenhandel');
  await checkScreen(page, 'profile-10-partner-edit');
  await page.getByRole('button', { name: 'Partner opslaan' }).click();
  await expect(schiedam).toContainText('Aandachtsfunctionaris mensenhandel');

  // Retire and take back.
  await page.getByRole('button', { name: 'Gemeente Schiedam buiten gebruik stellen' }).click();
  await expect(schiedam).toContainText(/Buiten gebruik sinds \d{2}-\d{2}-\d{4}/);
  await checkScreen(page, 'profile-11-partner-retired');
  await page.getByRole('button', { name: 'Gemeente Schiedam weer in gebruik nemen' }).click();
  await expect(schiedam).toContainText('Actief');

  // Remove (unused): asked to confirm first.
  await page.getByRole('button', { name: 'Gemeente Schiedam verwijderen' }).click();
  await expect(page.getByText('Wilt u Gemeente Schiedam echt verwijderen? Dit kunt u niet ongedaan maken.')).toBeFocused();
  await checkScreen(page, 'profile-12-partner-confirm-remove');
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(schiedam).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(22);

  // A retired partner is no longer offered as the profile's organisation.
  await page.getByRole('button', { name: 'SHOP (Stichting Hulp en Opvang Prostitutie en Mensenhandel) buiten gebruik stellen' }).click();
  await expect(table.getByRole('row', { name: /^SHOP/ })).toContainText('Buiten gebruik sinds');
  await page.getByRole('button', { name: 'Terug naar Instellingen' }).click();
  await page.getByRole('button', { name: 'Profiel bekijken of wijzigen' }).click();
  await expect(page.getByLabel('Uw organisatie').locator('option', { hasText: /^SHOP/ })).toHaveCount(0);
  await expect(page.getByLabel('Uw organisatie').locator('option', { hasText: 'ESSM (Humanitas)' })).toHaveCount(1);
});
