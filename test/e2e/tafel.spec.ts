// The Regionale Tafel area end to end (issue 14), bridge: a real core in a child process, a real
// browser. A vault with synthetic casework (seedData, imported through the app's own import) makes
// a summary for a quarter: preview (tables as published, hidden cells marked, why each is hidden),
// a cancelled save that writes nothing, then a save through the scripted save dialog — the JSON
// verifies with the core's verifier and the registered fingerprint shown on screen, the CSV and the
// PDF report are beside it (PDF text read back with pdftotext, pages rendered with pdftoppm to
// test-results/screens/tafel-pdf-*.png). The year after one quarter is refused with the engine's
// reason; the ledger lists the release; the privacy officer's settings refuse k = 2 with the
// message and accept k = 3, after which the preview hides counts as "<3". Focus is asserted after
// every action, axe-core runs on every screen, screenshots in test-results/screens/tafel-*.png.
import type { Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkScreen, createVault, expect, repoRoot, screensDir, test, type AppHandle } from './fixtures';

const JAAR = new Date().getFullYear() - 1;
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');

/** Synthetic trajecten and meldingen from seedData (the preview's own generator), made in a tsx child. */
function generated(trajecten: number, today: string): { trajecten: unknown[]; meldingen: unknown[] } {
  const script = `import { seedItems } from './electron/core/casework/seedData.ts';
const items = [...seedItems({ trajecten: ${trajecten}, seed: 21, today: '${today}', journaalPerTraject: 0 })];
process.stdout.write(JSON.stringify({ trajecten: items.map((i) => i.traject), meldingen: items.flatMap((i) => i.meldingen) }));`;
  return JSON.parse(execFileSync(tsx, ['-e', script], { cwd: repoRoot, encoding: 'utf8' })) as { trajecten: unknown[]; meldingen: unknown[] };
}

/** Imports synthetic casework through the app (Trajecten → Importeren), as a person would. */
async function seed(app: AppHandle): Promise<void> {
  const { page } = app;
  const items = generated(90, `${JAAR}-12-20`);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Trajecten' }).click();
  await page.getByRole('navigation', { name: 'Onderdelen van Trajecten' }).getByRole('button', { name: 'Importeren' }).click();
  await app.chooseFile('tafel.json', JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten: items.trajecten, meldingen: items.meldingen }));
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(page.getByTestId('import-chosen')).toContainText('tafel.json');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('trajecten: 90', { timeout: 90_000 });
}

async function openTafelTab(page: Page, tab: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Onderdelen van Regionale Tafel' }).getByRole('button', { name: tab }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeFocused();
}

/** What the core answers, asked through the page's own API (the bridge here, the preload in the app). */
async function viaApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, input }) => {
      const api = (window as unknown as { ketenkluis: Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>> }).ketenkluis;
      const result = await api[method]!(input);
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
    { method, input },
  ) as Promise<T>;
}

/** A table's rows as shown: the row header's text and the shown values after it (hidden-cell notes for screen readers left out). */
async function shownTable(page: Page, name: string): Promise<Record<string, string[]>> {
  const table = page.getByRole('table', { name, exact: true });
  await expect(table).toBeVisible();
  return table.evaluate((el) =>
    Object.fromEntries([...el.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent!.trim(), [...tr.querySelectorAll('td .kk-tafel-toon')].map((s) => s.textContent!.trim())])),
  );
}

/** Checks a saved summary with the core's own verifier (in a tsx child) against a fingerprint. */
function verify(path: string, vingerafdruk: string): { ok: boolean; melding?: string; reden?: string } {
  const script = `import { readFileSync } from 'node:fs';
import { controleerBestand } from './electron/core/tafel/sign.ts';
const c = controleerBestand(readFileSync(process.argv[1], 'utf8'), { vingerafdruk: process.argv[2] });
process.stdout.write(JSON.stringify(c.ok ? { ok: true, melding: c.melding } : { ok: false, reden: c.reden }));`;
  return JSON.parse(execFileSync(tsx, ['-e', script, path, vingerafdruk], { cwd: repoRoot, encoding: 'utf8' })) as { ok: boolean; melding?: string; reden?: string };
}

test('a summary for the Regionale Tafel: preview, cancel, save (JSON verifies, CSV and PDF beside it), the year refused, the ledger, the settings', async ({ app }) => {
  test.setTimeout(300_000);
  const { page } = app;
  await createVault(page);
  await seed(app);

  // The area opens on "Overzicht maken", focus on its title.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Regionale Tafel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Regionale Tafel' })).toBeFocused();
  await expect(page.getByTestId('not-yet-available')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Overzicht maken' })).toBeVisible();
  const vingerafdruk = (await page.getByTestId('tafel-vingerafdruk').textContent())!.trim();
  expect(vingerafdruk).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
  await checkScreen(page, 'tafel-01-maken');

  // Only a year or a quarter: no free dates on this screen.
  await expect(page.locator('input[type="date"]')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Een kwartaal' }).check();
  await page.getByLabel('Jaar', { exact: true }).selectOption(String(JAAR));
  await page.getByLabel('Kwartaal', { exact: true }).selectOption('4');
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: `Voorbeeld: kwartaal 4 van ${JAAR}` })).toBeFocused({ timeout: 60_000 });

  // The tables on screen are the core's preview, cell for cell; hidden cells are marked and explained.
  type Voorbeeld = { mogelijk: true; tabellen: Array<{ titel: string; rijen: Array<{ label: string; cellen: Array<{ toon: string; verborgen: string | null } | null> }> }>; verborgen: Array<{ label: string; getoond: string; soort: string }> };
  const core = await viaApi<Voorbeeld>(page, 'tafel.preview', { periode: { jaar: JAAR, kwartaal: 4 } });
  expect(core.mogelijk).toBe(true);
  for (const t of core.tabellen) {
    const shown = await shownTable(page, t.titel);
    expect(shown, t.titel).toEqual(Object.fromEntries(t.rijen.map((r) => [r.label, r.cellen.map((c) => c?.toon ?? '')])));
  }
  const hidden = page.locator('.kk-tafel-cel--verborgen');
  expect(await hidden.count()).toBeGreaterThan(0);
  for (const text of await hidden.locator('.kk-tafel-toon').allTextContents()) expect(['<5', 'x']).toContain(text.trim());
  const waarom = page.getByTestId('tafel-waarom').getByRole('listitem');
  // One line per hidden cell; the gemeenten with fewer than k meldingen together on one line.
  const apart = core.verborgen.filter((c) => c.soort !== 'kleine-gemeente');
  const kleineGemeenten = core.verborgen.length - apart.length;
  await expect(waarom).toHaveCount(apart.length + (kleineGemeenten > 0 ? 1 : 0));
  await expect(page.getByTestId('tafel-waarom')).toContainText(apart[0]!.label);
  await page.locator('.kk-tafel-tabellen').screenshot({ path: join(screensDir, 'tafel-02b-tabellen.png') });
  await page.locator('[aria-labelledby="kk-tafel-waarom"]').screenshot({ path: join(screensDir, 'tafel-02c-waarom.png') });
  await expect(page.locator('.kk-tafel-legenda')).toContainText('"<5" betekent: 0 tot en met 4.');
  await checkScreen(page, 'tafel-02-voorbeeld');
  await page.getByText('Methode (staat ook in het bestand)').click();
  await expect(page.locator('.kk-tafel-methode__tekst')).toBeVisible();
  await expect(page.locator('.kk-tafel-methode__tekst')).toContainText('Kleine aantallen');

  // A cancelled save writes nothing and records nothing; focus on the answer.
  await app.answerDialog(null);
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByTestId('tafel-uitkomst')).toContainText('U hebt niets opgeslagen.');
  await expect(page.getByTestId('tafel-uitkomst')).toBeFocused();
  expect((await viaApi<{ vrijgaven: unknown[] }>(page, 'tafel.ledger', {})).vrijgaven).toEqual([]);

  // Saved: the answer names the three files, never a path.
  const path = app.tempPath(`essm-${JAAR}-K4.json`);
  await app.answerDialog(path);
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  const uitkomst = page.getByTestId('tafel-uitkomst');
  await expect(uitkomst).toContainText('Overzicht 1 is opgeslagen.', { timeout: 60_000 });
  await expect(uitkomst).toBeFocused();
  for (const f of [`essm-${JAAR}-K4.json`, `essm-${JAAR}-K4.csv`, `essm-${JAAR}-K4.pdf`]) await expect(uitkomst).toContainText(f);
  expect(await uitkomst.textContent()).not.toContain('/');
  await expect(page.getByRole('button', { name: 'Opslaan', exact: true })).toBeDisabled();
  await checkScreen(page, 'tafel-03-opgeslagen');

  // The files: the JSON verifies with the core's verifier and the fingerprint the screen showed.
  const c = verify(path, vingerafdruk);
  expect(c.reden).toBeUndefined();
  expect(c.ok).toBe(true);
  expect(c.melding).toContain(`kwartaal 4 van ${JAAR}`);
  expect(readFileSync(path.replace(/\.json$/, '.csv'), 'utf8').startsWith('\uFEFFOrganisatie;Periode;Tabel')).toBe(true);
  const pdf = path.replace(/\.json$/, '.pdf');
  expect(existsSync(pdf)).toBe(true);
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  expect(text).toContain('Overzicht voor de Regionale Tafel Mensenhandel');
  expect(text).toContain(`kwartaal 4 van ${JAAR}`);
  expect(text).toContain(vingerafdruk);
  expect(text).toContain('Cliënten per categorie');
  expect(text).toContain('<5');
  expect(text).toContain('Hoe leest u de tabellen?');
  mkdirSync(screensDir, { recursive: true });
  expect(spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(screensDir, 'tafel-pdf')]).status).toBe(0);

  // The year after one of its quarters: refused with the engine's reason, focus on it.
  await page.getByRole('radio', { name: 'Een heel kalenderjaar' }).check();
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: `Een overzicht over het jaar ${JAAR} kan nu niet.` });
  await expect(refusal).toContainText('kwartaal 1');
  await expect(page.locator('.kk-focus-target:focus')).toContainText(`het jaar ${JAAR}`);
  await checkScreen(page, 'tafel-04-niet-mogelijk');

  // The ledger: release 1, the quarter, k = 5.
  await openTafelTab(page, 'Eerdere overzichten', 'Eerdere overzichten');
  const rows = page.getByRole('table', { name: 'Eerdere overzichten' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`kwartaal 4 van ${JAAR}`);
  await expect(rows.first()).toContainText('k = 5');
  await expect(page.getByTestId('tafel-vingerafdruk')).toHaveText(vingerafdruk);
  await checkScreen(page, 'tafel-05-eerdere');

  // Settings: safe defaults explained; k = 2 refused with the message on the field; k = 3 saved.
  await openTafelTab(page, 'Instellingen', 'Instellingen voor de privacy officer');
  await expect(page.getByText('U gebruikt nu de standaardinstellingen: drempel 5, niet afronden, geen ruis.')).toBeVisible();
  const k = page.getByLabel('Drempel k');
  await expect(k).toHaveValue('5');
  await checkScreen(page, 'tafel-06-instellingen');
  await k.fill('2');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  const summary = page.locator('.kk-error-summary');
  await expect(summary).toContainText('De drempel k moet minstens 3 zijn.');
  await expect(page.locator('.kk-focus-target:focus')).toContainText('De drempel k moet minstens 3 zijn.');
  await expect(k).toHaveValue('2');
  expect((await viaApi<{ k: number }>(page, 'tafel.settings', {})).k).toBe(5);
  await checkScreen(page, 'tafel-07-instellingen-k2');
  await k.fill('3');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.locator('.kk-focus-target:focus')).toContainText('De instellingen zijn opgeslagen.');
  expect((await viaApi<{ k: number }>(page, 'tafel.settings', {})).k).toBe(3);

  // A new preview uses k = 3.
  await openTafelTab(page, 'Overzicht maken', 'Overzicht maken');
  await page.getByRole('radio', { name: 'Een kwartaal' }).check();
  await page.getByLabel('Jaar', { exact: true }).selectOption(String(JAAR));
  await page.getByLabel('Kwartaal', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: `Voorbeeld: kwartaal 3 van ${JAAR}` })).toBeFocused({ timeout: 60_000 });
  await expect(page.locator('.kk-tafel-voorbeeld')).toContainText('Drempel k = 3.');
  for (const text of await page.locator('.kk-tafel-cel--verborgen .kk-tafel-toon').allTextContents()) expect(['<3', 'x']).toContain(text.trim());
});

/**
 * Three signed summaries of 2024 from three synthetic organisations (the monitor fixtures' own
 * way of making them, as release.ts does), written to `dir`; the third is altered after signing
 * (one count changed, the file kept in its canonical form). Also `nieuw`: a later, correct file of
 * the second organisation (a correction of its 2024 summary, signed with the same key), for after
 * that key is retired. Made in a tsx child.
 */
function drieOverzichten(dir: string): { bestanden: string[]; nieuw: string; organisaties: Array<{ naam: string; id: string; vingerafdruk: string }> } {
  const script = `import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canoniekeJson } from './shared/tafel/file.schema.ts';
import { monitor2024 } from './test/shared/tafel/fixtures.ts';
import { geefUit, organisatie } from './test/core/tafel/monitorFixtures.ts';
const dir = process.argv[1];
const orgs = [organisatie('essm', 'ESSM (Humanitas)'), organisatie('riec-rotterdam', 'RIEC Rotterdam'), organisatie('gemeente-rotterdam', 'Gemeente Rotterdam')];
// The second organisation is small: many of its counts are hidden, so the combined figures are intervals.
const deel = (n) => Math.round(n / 12);
const klein = (w) => ({
  clienten: w.clienten.map((c) => ({ ...c, aantal: deel(c.aantal) })),
  meldingen: w.meldingen.map((m) => ({ ...m, aantal: deel(m.aantal) })),
  politie: w.politie.map((p) => ({ ...p, aantal: deel(p.aantal) })),
  afgesloten: Object.fromEntries(Object.entries(w.afgesloten).map(([r, n]) => [r, deel(n)])),
  crisis: deel(w.crisis),
});
const bestanden = orgs.map((o, i) => {
  const u = geefUit(o, { jaar: 2024 }, i === 1 ? klein(monitor2024()) : monitor2024());
  let json = u.json;
  if (i === 2) {
    const b = JSON.parse(json);
    const cel = Object.keys(b.cellen).find((c) => typeof b.cellen[c] === 'number' && b.cellen[c] > 10);
    b.cellen[cel] += 1;
    json = canoniekeJson(b) + '\\n';
  }
  const pad = join(dir, o.id + '-2024.json');
  writeFileSync(pad, json);
  return pad;
});
const nieuw = join(dir, orgs[1].id + '-2024-verbeterd.json');
writeFileSync(nieuw, geefUit(orgs[1], { jaar: 2024 }, klein(monitor2024()), {}, '2025-03-01T10:00:00.000Z').json);
process.stdout.write(JSON.stringify({ bestanden, nieuw, organisaties: orgs.map((o) => ({ naam: o.naam, id: o.id, vingerafdruk: o.vingerafdruk })) }));`;
  return JSON.parse(execFileSync(tsx, ['-e', script, dir], { cwd: repoRoot, encoding: 'utf8' })) as { bestanden: string[]; nieuw: string; organisaties: Array<{ naam: string; id: string; vingerafdruk: string }> };
}

test('tafel mode: register three organisations, import their summaries (an altered one refused with its reason), the monitor with its charts, the PDF; a key retired; the monitor in English', async ({ app }) => {
  test.setTimeout(300_000);
  const { page } = app;
  await createVault(page);
  const dir = app.tempPath('');
  const { bestanden, nieuw, organisaties } = drieOverzichten(dir);

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Regionale Tafel' }).click();
  await openTafelTab(page, 'Tafelmodus', 'Tafelmodus');
  await expect(page.getByText('Er is nog geen organisatie geregistreerd.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bestanden kiezen…' })).toBeDisabled();
  await checkScreen(page, 'tafel-10-modus');

  // A fingerprint that is not one: the message on the field, focus on the list of problems.
  await page.getByLabel('Naam van de organisatie').fill(organisaties[0]!.naam);
  await page.getByLabel('Code van de organisatie').fill(organisaties[0]!.id);
  await page.getByLabel('Vingerafdruk van de sleutel').fill('1234 ABCD');
  await page.getByRole('button', { name: 'Organisatie registreren' }).click();
  await expect(page.getByTestId('tafel-modus-registratie')).toBeFocused();
  await expect(page.getByTestId('tafel-modus-registratie')).toContainText('Een vingerafdruk is 64 tekens');
  await checkScreen(page, 'tafel-11-modus-fout');

  for (const o of organisaties) {
    await page.getByLabel('Naam van de organisatie').fill(o.naam);
    await page.getByLabel('Code van de organisatie').fill(o.id);
    await page.getByLabel('Vingerafdruk van de sleutel').fill(o.vingerafdruk.toLowerCase());
    await page.getByRole('button', { name: 'Organisatie registreren' }).click();
    await expect(page.getByTestId('tafel-modus-registratie')).toContainText(`${o.naam} is geregistreerd.`);
    await expect(page.getByTestId('tafel-modus-registratie')).toBeFocused();
  }
  await expect(page.getByRole('table', { name: 'Organisaties' }).locator('tbody tr')).toHaveCount(3);

  // The year 2024; each file through the open dialog (the bridge's dialog chooses one at a time).
  await page.getByRole('radio', { name: 'Een heel kalenderjaar' }).check();
  await page.getByLabel('Jaar', { exact: true }).selectOption('2024');
  const uitkomst = page.getByTestId('tafel-modus-import');
  for (const [i, pad] of bestanden.entries()) {
    await app.answerDialog(pad);
    await page.getByRole('button', { name: 'Bestanden kiezen…' }).click();
    await expect(uitkomst).toContainText(i < 2 ? 'Ingelezen: 1. Geweigerd: 0.' : 'Ingelezen: 0. Geweigerd: 1.');
    await expect(uitkomst).toBeFocused();
  }
  // The altered file: refused, with the reason the core gave.
  await expect(uitkomst).toContainText('gemeente-rotterdam-2024.json: Geweigerd.');
  await expect(uitkomst).toContainText('veranderd');
  await checkScreen(page, 'tafel-12-modus-geweigerd');

  // The monitor: two organisations, charts with their tables, combined figures with intervals.
  await page.getByRole('button', { name: 'Monitor samenstellen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Regionale monitor: het jaar 2024' })).toBeFocused();
  await expect(page.getByText('Met de overzichten van: ESSM (Humanitas), RIEC Rotterdam.')).toBeVisible();
  type Monitor = { grafieken: { meldingenPerVorm: Array<{ label: string; toon: string; min: number; max: number | null }>; clientenPerCategorie: Array<{ label: string; toon: string; min: number; max: number | null }> }; gecombineerd: Array<{ titel: string }> };
  const core = await viaApi<Monitor>(page, 'tafelModus.compile', { periode: { jaar: 2024 } });
  for (const [testId, staven] of [
    ['tafel-grafiek-meldingen', core.grafieken.meldingenPerVorm],
    ['tafel-grafiek-clienten', core.grafieken.clientenPerCategorie],
  ] as const) {
    const figuur = page.getByTestId(testId);
    await expect(figuur.locator('svg [data-staaf]')).toHaveCount(staven.length);
    const rijen = await figuur.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(rijen).toEqual(staven.map((s) => [s.label, s.toon, String(s.min), s.max === null ? 'geen grens' : String(s.max)]));
  }
  // Where a cell is hidden in a section, the combined figure is an interval and the bar has a light part.
  expect(core.grafieken.clientenPerCategorie.some((s) => s.max !== s.min) || core.grafieken.meldingenPerVorm.some((s) => s.max !== s.min)).toBe(true);
  expect(await page.locator('.kk-tafel-grafiek__los').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('tafel-monitor-samen').locator('.kk-tafel-toon').filter({ hasText: '–' }).first()).toBeVisible();
  await expect(page.getByTestId('tafel-monitor-sectie')).toHaveCount(2);
  await checkScreen(page, 'tafel-13-monitor');
  await page.locator('.kk-tafel-grafieken').screenshot({ path: join(screensDir, 'tafel-13b-grafieken.png') });

  // The PDF: through the save dialog, the name announced, focus on it.
  const pdf = app.tempPath('regionale-monitor-2024.pdf');
  await app.answerDialog(pdf);
  await page.getByRole('button', { name: 'PDF opslaan' }).click();
  await expect(page.getByTestId('tafel-modus-pdf')).toContainText('De monitor is opgeslagen als regionale-monitor-2024.pdf.');
  await expect(page.getByTestId('tafel-modus-pdf')).toBeFocused();
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  expect(text).toContain('ESSM (Humanitas)');
  expect(text).toContain('RIEC Rotterdam');
  expect(spawnSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdf, join(screensDir, 'tafel-monitor-pdf')]).status).toBe(0);

  // Retiring RIEC Rotterdam's key: a question that says what it means; cancel puts focus back on the button.
  const riec = organisaties[1]!;
  const intrekKnop = page.getByRole('button', { name: `Sleutel van ${riec.naam} intrekken` });
  await intrekKnop.click();
  const vraag = page.getByRole('group', { name: `Sleutel van ${riec.naam} intrekken` });
  await expect(vraag).toContainText('Bestanden die al zijn ingelezen, blijven meetellen. Nieuwe bestanden met deze sleutel worden geweigerd.');
  await expect(page.locator(':focus')).toContainText(`Wilt u de sleutel van ${riec.naam} intrekken?`);
  await vraag.getByRole('button', { name: 'Niet intrekken' }).click();
  await expect(vraag).toHaveCount(0);
  await expect(intrekKnop).toBeFocused();
  // No reason: refused on the field, focus on it, the key stays active.
  await intrekKnop.click();
  await vraag.getByRole('button', { name: 'Ja, intrekken' }).click();
  const reden = vraag.getByLabel('Reden');
  await expect(reden).toHaveAttribute('aria-invalid', 'true');
  await expect(vraag).toContainText('Vul de reden in');
  await expect(reden).toBeFocused();
  await checkScreen(page, 'tafel-intrekken-vraag');
  await page.locator('[aria-labelledby="kk-tafel-modus-org"]').screenshot({ path: join(screensDir, 'tafel-intrekken-vraag-detail.png') });
  type Signers = { ondertekenaars: Array<{ naam: string; ingetrokkenOp: string | null; ingetrokkenReden: string | null }> };
  expect((await viaApi<Signers>(page, 'tafelModus.listSigners', {})).ondertekenaars.every((o) => o.ingetrokkenOp === null)).toBe(true);
  // With a reason: retired, the row says so, announced, focus on the row's status.
  await reden.fill('Nieuwe sleutel gemaakt na verlies van een laptop');
  await vraag.getByRole('button', { name: 'Ja, intrekken' }).click();
  const status = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: riec.naam }) }).getByTestId('tafel-modus-status');
  await expect(status).toBeFocused();
  await expect(status).toContainText(/^Ingetrokken op \d{2}-\d{2}-\d{4}Reden: Nieuwe sleutel gemaakt na verlies van een laptop$/);
  await expect(page.getByTestId('tafel-modus-intrek-melding')).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('tafel-modus-intrek-melding')).toHaveText(`De sleutel van ${riec.naam} is ingetrokken. Nieuwe bestanden met deze sleutel worden geweigerd.`);
  await expect(intrekKnop).toHaveCount(0);
  expect((await viaApi<Signers>(page, 'tafelModus.listSigners', {})).ondertekenaars.find((o) => o.naam === riec.naam)).toMatchObject({ ingetrokkenReden: 'Nieuwe sleutel gemaakt na verlies van een laptop' });
  await checkScreen(page, 'tafel-intrekken');
  await page.locator('[aria-labelledby="kk-tafel-modus-org"]').screenshot({ path: join(screensDir, 'tafel-intrekken-detail.png') });

  // A new file signed with the retired key: refused, with the core's reason; what was imported before still counts.
  await app.answerDialog(nieuw);
  await page.getByRole('button', { name: 'Bestanden kiezen…' }).click();
  await expect(uitkomst).toContainText('Ingelezen: 0. Geweigerd: 1.');
  await expect(uitkomst).toContainText(`${nieuw.split('/').at(-1)}: Geweigerd.`);
  await expect(uitkomst).toContainText(`van ${riec.naam} is ingetrokken`);
  await expect(uitkomst).toBeFocused();
  await checkScreen(page, 'tafel-intrekken-geweigerd');
  await page.getByRole('button', { name: 'Monitor samenstellen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Regionale monitor: het jaar 2024' })).toBeFocused();
  await expect(page.getByText('Met de overzichten van: ESSM (Humanitas), RIEC Rotterdam.')).toBeVisible();

  // The same monitor in English: every text of the screen follows (the names of organisations stay).
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal (Language)').selectOption('en');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Regional table' }).click();
  await page.getByRole('navigation', { name: 'Parts of Regional table' }).getByRole('button', { name: 'Table mode' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Table mode' })).toBeVisible();
  await page.getByRole('radio', { name: 'A whole calendar year' }).check();
  await page.getByLabel('Year', { exact: true }).selectOption('2024');
  await page.getByRole('button', { name: 'Compile the monitor' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Regional monitor: the year 2024' })).toBeFocused();
  await expect(page.getByTestId('tafel-modus-status')).toContainText(/^Revoked on \d{2}-\d{2}-\d{4}Reason: /);
  // The core's Dutch titles, labels and explanation are shown in English (names of organisations and gemeenten stay).
  const enGrafiek = page.getByRole('table', { name: 'Reports per form: the figures' });
  await expect(enGrafiek).toContainText('Sexual exploitation');
  await expect(enGrafiek).not.toContainText('uitbuiting');
  await expect(page.getByRole('table', { name: 'Clients per category – all organisations together', exact: true })).toContainText('Continuing');
  await expect(page.getByText('A person known to two organisations counts twice in the combined figures.')).toBeVisible();
  await expect(page.locator('.kk-tafel-voorbeeld')).not.toContainText('Totaal');
  await checkScreen(page, 'tafel-monitor-en');
  // The long page in readable parts, to look at.
  const hoogte = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 1; y < hoogte; y += 1400, i++) {
    await page.screenshot({ path: join(screensDir, `tafel-monitor-en-deel${i}.png`), fullPage: true, clip: { x: 0, y, width: 1200, height: Math.min(1400, hoogte - y) } });
  }
});

/**
 * Two colleagues of the same organisation (essm) in vaults of their own, each with synthetic
 * casework: they store the reporter's receiving-key file and make a signed, encrypted count file
 * for quarter 4, as `kk tafel telbestand` does. Made in a tsx child; returns the files and the
 * colleagues' signing fingerprints.
 */
function tweeTelbestanden(dir: string, sleutelPad: string): Array<{ pad: string; vingerafdruk: string; omschrijving: string }> {
  const script = `import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedVault } from './electron/core/casework/seed.ts';
import { ownerWriter } from './electron/core/changelog/writeContext.ts';
import { inTransaction } from './electron/core/db/sql.ts';
import { profileActor, readProfile, saveProfile } from './electron/core/profile/profile.repo.ts';
import { leesOntvangstsleutelTekst } from './electron/core/tafel/ontvangst.ts';
import { legGemaaktVast, maakTelbestand } from './electron/core/tafel/telbestand.ts';
import { closeVault, createVault } from './electron/core/vault/vault.ts';
import { randomBytes } from 'node:crypto';
const [dir, sleutelPad, jaar] = process.argv.slice(1);
const voor = leesOntvangstsleutelTekst(readFileSync(sleutelPad, 'utf8'));
const uit = [];
void (async () => {
for (const [i, omschrijving] of ['Meldpunt', 'Coördinator west'].entries()) {
  const { vault } = await createVault(join(dir, 'collega-' + i), 'test only ' + randomBytes(9).toString('base64url') + ' passphrase');
  seedVault(vault.db, { trajecten: 30, seed: 40 + i, today: jaar + '-12-20', meldingenPerTraject: 2 });
  inTransaction(vault.db, () => saveProfile(vault.db, ownerWriter(), { fields: { naam: 'Testa Collega ' + i, functie: 'zorgcoordinator', organisatie: 'essm', regio: 'rotterdam' } }));
  const ctx = { ...ownerWriter('hand'), actor: profileActor(vault.db) };
  const t = maakTelbestand(vault.db, ctx, { jaar: Number(jaar), kwartaal: 4 }, voor);
  legGemaaktVast(vault.db, ctx, t);
  const pad = join(dir, 'telbestand-collega-' + i + '.json');
  writeFileSync(pad, t.tekst);
  uit.push({ pad, vingerafdruk: readProfile(vault.db).vingerafdruk, omschrijving });
  closeVault(vault);
}
process.stdout.write(JSON.stringify(uit));
})();`;
  return JSON.parse(execFileSync(tsx, ['-e', script, dir, sleutelPad, String(JAAR)], { cwd: repoRoot, encoding: 'utf8' })) as Array<{ pad: string; vingerafdruk: string; omschrijving: string }>;
}

test('the combine step: the reporter makes a receiving key, registers two colleagues, reads their count files (a replayed one refused), and the summary combines them', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await createVault(page);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Regionale Tafel' }).click();
  await openTafelTab(page, 'Tellingen samenvoegen', 'Tellingen samenvoegen');
  await checkScreen(page, 'tafel-20-samenvoegen');

  // The receiving key, and its file for the colleagues through the save dialog.
  await page.getByRole('button', { name: 'Sleutel maken' }).click();
  await expect(page.getByTestId('tafel-sv-ontvangstsleutel')).toHaveText(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
  await expect(page.getByTestId('tafel-sv-uitkomst')).toBeFocused();
  const sleutelPad = app.tempPath('ontvangstsleutel-essm.json');
  await app.answerDialog(sleutelPad);
  await page.getByRole('button', { name: 'Sleutelbestand voor collega’s opslaan…' }).click();
  await expect(page.getByTestId('tafel-sv-uitkomst')).toContainText('De sleutel voor uw collega’s is opgeslagen als ontvangstsleutel-essm.json.');
  await expect(page.getByTestId('tafel-sv-uitkomst')).toBeFocused();

  const collegas = tweeTelbestanden(app.tempPath(''), sleutelPad);

  // Period: quarter 4 of last year. A count file of a colleague not yet registered is refused, with its reason.
  await page.getByLabel('Jaar', { exact: true }).selectOption(String(JAAR));
  await page.getByLabel('Kwartaal', { exact: true }).selectOption('4');
  for (const c of collegas) {
    await page.getByLabel('Vingerafdruk van de collega').fill(c.vingerafdruk);
    await page.getByLabel('Omschrijving').fill(c.omschrijving);
    await page.getByRole('button', { name: 'Collega registreren' }).click();
    await expect(page.getByRole('table', { name: 'Collega’s' })).toContainText(c.omschrijving);
    await expect(page.getByTestId('tafel-sv-uitkomst')).toBeFocused();
  }
  const uitkomst = page.getByTestId('tafel-sv-uitkomst');
  for (const c of collegas) {
    await app.answerDialog(c.pad);
    await page.getByRole('button', { name: 'Telbestand inlezen…' }).click();
    await expect(uitkomst).toContainText(`${c.pad.split('/').at(-1)}:`);
    await expect(uitkomst.getByRole('status')).toBeVisible();
    await expect(uitkomst).toBeFocused();
  }
  await expect(page.getByRole('table', { name: `Telbestanden over kwartaal 4 van ${JAAR}` }).locator('tbody tr')).toHaveCount(2);
  // The same file again: refused, with its reason; nothing changes.
  await app.answerDialog(collegas[0]!.pad);
  await page.getByRole('button', { name: 'Telbestand inlezen…' }).click();
  await expect(uitkomst.getByRole('alert')).toContainText('Geweigerd.');
  await expect(uitkomst).toBeFocused();
  await expect(page.getByRole('table', { name: `Telbestanden over kwartaal 4 van ${JAAR}` }).locator('tbody tr')).toHaveCount(2);
  await checkScreen(page, 'tafel-21-samenvoegen-ingelezen');

  // The summary of that quarter combines both colleagues' counts before suppression.
  await openTafelTab(page, 'Overzicht maken', 'Overzicht maken');
  await page.getByLabel('Jaar', { exact: true }).selectOption(String(JAAR));
  await page.getByLabel('Kwartaal', { exact: true }).selectOption('4');
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: `Voorbeeld: kwartaal 4 van ${JAAR}` })).toBeFocused({ timeout: 60_000 });
  await expect(page.locator('.kk-tafel-voorbeeld')).toContainText('De aantallen van uw collega’s zijn meegeteld: Meldpunt, Coördinator west.');
  const totaal = Number((await page.getByRole('table', { name: 'Cliënten per categorie', exact: true }).locator('tr.kk-tafel-totaal td').last().textContent())!.trim());
  expect(totaal).toBeGreaterThan(0);
  await checkScreen(page, 'tafel-22-samengevoegd');
});
