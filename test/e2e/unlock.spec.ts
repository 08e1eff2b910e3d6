import { checkScreen, createVault, expect, lock, test, TEST_PASSPHRASE, unlock } from './fixtures';

test('lock and unlock: the lock button is always there and unlocking brings the frame back', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Instellingen' }).click();
  await lock(page);
  await expect(page.getByText('U heeft de kluis vergrendeld.')).toBeVisible();
  // Keyboard only: focus starts in the passphrase field (the heading still names the screen).
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
  await checkScreen(page, '13-unlock');
  await unlock(page, TEST_PASSPHRASE);
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();
  // After a lock the renderer starts clean: back on the first area, not on the last screen.
  await expect(page.getByRole('heading', { level: 1, name: 'Trajecten' })).toBeVisible();
});

test('wrong passphrase: a clear message, nothing lost, and slowed retries count down', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await lock(page);

  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByText('Vul een wachtwoord in.')).toBeVisible();

  await unlock(page, 'test-only dit is niet het wachtwoord');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Het wachtwoord klopt niet. Controleer hoofdletters en probeer het opnieuw.');
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('');
  await checkScreen(page, '14-unlock-wrong-passphrase');

  // The third failure in a row is slowed down: the screen says how long to wait.
  await unlock(page, 'test-only ook niet goed');
  await expect(alert).toContainText('Het wachtwoord klopt niet');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('test-only nog steeds fout');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByTestId('retry-countdown')).toContainText(/U kunt het over \d+ seconden? opnieuw proberen/);
  await expect(page.getByRole('button', { name: 'Ontgrendelen' })).toBeDisabled();
  await checkScreen(page, '15-unlock-retry-countdown');

  // When the wait is over the right passphrase still opens the vault: never destructive.
  await expect(page.getByRole('button', { name: 'Ontgrendelen' })).toBeEnabled({ timeout: 20_000 });
  await unlock(page, TEST_PASSPHRASE);
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();
});

test('unlock by keyboard only, and focus returns to the field after a refusal', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await lock(page);
  // Focus starts in the passphrase field: typing works from the first key.
  const field = page.getByLabel('Wachtwoord', { exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type('test-only verkeerd via toetsenbord');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Het wachtwoord klopt niet');
  await expect(field).toBeFocused();
  await checkScreen(page, '14b-unlock-focus-after-refusal');
  await page.keyboard.type(TEST_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();
});
