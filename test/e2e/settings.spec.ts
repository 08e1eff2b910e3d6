import { checkScreen, createVault, expect, lock, test, TEST_PASSPHRASE, unlock } from './fixtures';

test('settings: auto-lock minutes are checked and persist in the vault folder', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  const minutes = page.getByLabel('Automatisch vergrendelen na (minuten)');
  await expect(minutes).toHaveValue('5');
  await checkScreen(page, '16-settings');

  await minutes.fill('0');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByText('Vul een heel getal van 1 tot en met 240 in.')).toBeVisible();
  await checkScreen(page, '17-settings-invalid-minutes');

  await minutes.fill('15');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De instellingen zijn opgeslagen.' })).toBeVisible();

  // A new page load and a lock: the value comes back from the core, not from renderer memory.
  await lock(page);
  await app.reopen();
  await unlock(page, TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await expect(page.getByLabel('Automatisch vergrendelen na (minuten)')).toHaveValue('15');
});

test('settings: switching the language to English and back changes every text and <html lang>', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal (Language)').selectOption('en');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock vault' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
  await checkScreen(page, '18-settings-english');

  // The choice is stored: the unlock screen after a lock speaks English too.
  await page.getByRole('button', { name: 'Lock vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock vault' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('test-only wrong passphrase here');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('The passphrase is not correct.');
  await checkScreen(page, '19-unlock-english-error');
  await page.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language (Taal)').selectOption('nl');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
});
