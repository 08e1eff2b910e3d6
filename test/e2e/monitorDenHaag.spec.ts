// The region comes from the vault's profile (issue 11): SHOP in Den Haag sees its own gemeenten
// as "de regio" on the dashboard and first in the gemeente pick list. Synthetic data only.
import { TEST_PASSPHRASE, checkScreen, expect, fillProfile, test } from './fixtures';

test.use({ syntheticProfile: false });

test('monitor (Den Haag): a SHOP profile makes Den Haag the region of the figures and of the pick lists', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Ketenkluis' })).toBeVisible();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(TEST_PASSPHRASE);
  await page.getByLabel('Herhaal het wachtwoord').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Kluis maken' }).click();
  await page.getByLabel('Ik heb de herstelsleutel veilig bewaard').check();
  await page.getByRole('button', { name: 'Verder naar Ketenkluis' }).click();
  // The question comes because this vault has no synthetic profile: answered as SHOP, region Den Haag.
  await expect(page.getByRole('heading', { level: 1, name: 'Wie werkt er met deze kluis?' })).toBeVisible();
  await fillProfile(page, { naam: 'Testa Haags', functie: 'zorgcoordinator', organisatie: 'shop', regio: 'den-haag' }, true);
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();

  // Two meldingen this year through the page's own API: one from Delft (Den Haag region), one from Rotterdam (outside it).
  const jaar = new Date().getFullYear();
  await page.evaluate(async (datum) => {
    const api = (window as unknown as { ketenkluis: Record<string, (input: unknown) => Promise<{ ok: boolean }>> }).ketenkluis;
    for (const gemeente of ['Delft', 'Rotterdam']) {
      const r = await api['meldingen.create']!({ fields: { datum, kanaal: 'telefoon', anoniem: true, melderType: 'burger', gemeente, vorm: 'seksuele-uitbuiting', minderjarig: false } });
      if (!r.ok) throw new Error('melding refused');
    }
  }, `${jaar}-01-02`);

  // The new melding form puts Den Haag's gemeenten first: Delft under "Overige gemeenten in de regio", Rotterdam under "Buiten de regio".
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Meldingen' }).click();
  await page.getByRole('navigation', { name: 'Onderdelen van Meldingen' }).getByRole('button', { name: 'Nieuwe melding' }).click();
  const select = page.getByLabel('Gemeente', { exact: false }).first();
  const groups = await select.evaluate((el) => Object.fromEntries([...el.querySelectorAll('optgroup')].map((g) => [g.getAttribute('label'), [...g.querySelectorAll('option')].map((o) => o.value)])));
  expect(groups['Centrumgemeente']).toEqual(["'s-Gravenhage"]);
  expect(groups['Overige gemeenten in de regio']).toContain('Delft');
  expect(groups['Overige gemeenten in de regio']).not.toContain('Rotterdam');
  expect(groups['Buiten de regio']).toContain('Rotterdam');

  // The figures, read again now that the meldingen exist.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Trajecten' }).click();
  await page.getByRole('navigation', { name: 'Onderdelen van Trajecten' }).getByRole('button', { name: 'Overzicht' }).click();
  await expect(page.getByText('Regio Den Haag', { exact: false }).first()).toBeVisible();
  await expect(page.getByText(/Standaardregio/)).toHaveCount(0);
  const origins = page.getByRole('table', { name: 'Meldingen naar herkomst' });
  await expect(origins.getByRole('row', { name: /Centrumgemeente/ })).toContainText('0');
  await expect(origins.getByRole('row', { name: /Andere gemeenten in de regio/ })).toContainText('1');
  await expect(origins.getByRole('row', { name: /Buiten de regio/ })).toContainText('1');
  await checkScreen(page, 'monitor-den-haag-dashboard');

});
