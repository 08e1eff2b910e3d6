import { checkScreen, createVault, expect, lock, OTHER_TEST_PASSPHRASE, test, TEST_PASSPHRASE, unlock } from './fixtures';

test('passphrase change: wrong current refused, then the new one works and the old one no longer does', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('button', { name: 'Instellingen' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Wachtwoord wijzigen' }) });

  await form.getByLabel('Huidig wachtwoord').fill('test-only niet het huidige wachtwoord');
  await form.getByLabel('Nieuw wachtwoord', { exact: true }).fill(OTHER_TEST_PASSPHRASE);
  await form.getByLabel('Herhaal het nieuwe wachtwoord').fill(OTHER_TEST_PASSPHRASE);
  await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(form.getByRole('alert')).toContainText('Het wachtwoord klopt niet.');
  await checkScreen(page, '20-change-passphrase-wrong-current');

  await form.getByLabel('Huidig wachtwoord').fill(TEST_PASSPHRASE);
  await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Uw wachtwoord is gewijzigd.' })).toBeVisible();
  await checkScreen(page, '21-change-passphrase-done');

  await lock(page);
  await unlock(page, TEST_PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('Het wachtwoord klopt niet.');
  await unlock(page, OTHER_TEST_PASSPHRASE);
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();
});
