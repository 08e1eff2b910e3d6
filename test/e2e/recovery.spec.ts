import { checkScreen, createVault, expect, lock, OTHER_TEST_PASSPHRASE, test, TEST_PASSPHRASE, unlock } from './fixtures';

test('recovery: a wrong key is refused, the right key opens the vault with a new passphrase', async ({ app }) => {
  const { page } = app;
  const recoveryKey = await createVault(page);
  await lock(page);

  await page.getByRole('button', { name: 'Wachtwoord vergeten? Gebruik de herstelsleutel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kluis openen met de herstelsleutel' })).toBeVisible();
  await checkScreen(page, '22-recover');

  await page.getByRole('button', { name: 'Kluis openen' }).click();
  await expect(page.getByText('Vul de herstelsleutel in.')).toBeVisible();

  // A well-formed but wrong key (first group changed).
  const wrong = `${recoveryKey.startsWith('A') ? 'B' : 'A'}${recoveryKey.slice(1)}`;
  await page.getByLabel('Herstelsleutel').fill(wrong);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(OTHER_TEST_PASSPHRASE);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(OTHER_TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Kluis openen' }).click();
  await expect(page.getByRole('alert')).toContainText(/herstelsleutel klopt niet/);
  await checkScreen(page, '23-recover-wrong-key');

  // Lower case and without dashes, as someone might type it from paper.
  await page.getByLabel('Herstelsleutel').fill(recoveryKey.replace(/-/g, ' ').toLowerCase());
  await page.getByRole('button', { name: 'Kluis openen' }).click();
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();

  await lock(page);
  await unlock(page, TEST_PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('Het wachtwoord klopt niet.');
  await unlock(page, OTHER_TEST_PASSPHRASE);
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();
});
