// Summaries for the Regionale Tafel as the app makes them (issue 14): the privacy officer's
// settings, the preview, saving through main's save dialog (JSON, CSV and PDF report beside it;
// the ledger entry only after the files), the ledger and the fingerprint — on a real core over a
// real encrypted vault with synthetic casework.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVault } from '../../../electron/core/casework/seed';
import { controleerBestand } from '../../../electron/core/tafel/sign';
import { instellingenWijzigingen, INSTELLINGEN_ID } from '../../../electron/core/tafel/tafelSettings';
import { typedCoreCall } from '../../../electron/gateway/coreCall';
import { createTafelMain } from '../../../electron/gateway/tafelMain';
import { openProfileVault, profileFields, type ProfileVault } from '../profile/helpers';
import { tempDir } from '../vault/helpers';

let v: ProfileVault;
let out: string;
let cleanOut: () => void;
const answers: Array<string | null> = [];
let save: (periode: { jaar: number; kwartaal?: 1 | 2 | 3 | 4 }) => ReturnType<ReturnType<typeof createTafelMain>['handlers']['tafel.save']>;

beforeAll(async () => {
  v = await openProfileVault();
  await v.call('profile.save', { fields: profileFields({ functie: 'privacy-officer' }) });
  seedVault(v.core.session.db(), { trajecten: 300, seed: 7, today: '2026-11-25', meldingenPerTraject: 2 });
  ({ dir: out, cleanup: cleanOut } = tempDir('kk-tafel-out-'));
  const main = createTafelMain({ forward: typedCoreCall(v.core.dispatch), showSaveDialog: async () => answers.shift() ?? null });
  save = (periode) => main.handlers['tafel.save']({ periode });
}, 120_000);
afterAll(() => {
  v.close();
  cleanOut();
});

describe('settings', () => {
  it('start at the safe defaults: k = 5, no rounding, no noise', async () => {
    expect(await v.call('tafel.settings', {})).toEqual({ k: 5, afronding: null, ruis: false, ruisMax: 2, standaard: true, gewijzigdOp: null });
  });

  it('refuse k below 3 with the Dutch message on the field k, and change nothing', async () => {
    const e = await v.fail('tafel.saveSettings', { k: 2, afronding: null, ruis: false, ruisMax: 2 });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues?.[0]).toMatchObject({ path: 'k' });
    expect(e.issues?.[0]?.message).toMatch(/minstens 3/);
    expect((await v.call('tafel.settings', {})).standaard).toBe(true);
  });

  it('a change is a change event naming the fields; the noise secret is made in the vault and never returned', async () => {
    const db = v.core.session.db();
    const saved = await v.call('tafel.saveSettings', { k: 6, afronding: null, ruis: true, ruisMax: 3 });
    expect(saved).toMatchObject({ k: 6, ruis: true, ruisMax: 3, standaard: false });
    expect(JSON.stringify(saved)).not.toMatch(/sleutel/);
    const secret = (db.prepare("SELECT value FROM meta WHERE key = 'tafel_ruis_sleutel'").get() as { value: string }).value;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(instellingenWijzigingen(db, 'tafelInstellingen', INSTELLINGEN_ID).at(-1)?.fields).toEqual(['k', 'ruis', 'ruisMax']);
    // Unchanged: no event.
    const before = instellingenWijzigingen(db, 'tafelInstellingen', INSTELLINGEN_ID).length;
    await v.call('tafel.saveSettings', { k: 6, afronding: null, ruis: true, ruisMax: 3 });
    expect(instellingenWijzigingen(db, 'tafelInstellingen', INSTELLINGEN_ID)).toHaveLength(before);
    // Off again: the secret stays (same noise when turned on again), the settings are the defaults.
    await v.call('tafel.saveSettings', { k: 5, afronding: null, ruis: false, ruisMax: 2 });
    expect((db.prepare("SELECT value FROM meta WHERE key = 'tafel_ruis_sleutel'").get() as { value: string }).value).toBe(secret);
    expect((await v.call('tafel.settings', {})).standaard).toBe(true);
  });
});

describe('preview, save, ledger', () => {
  it('the preview shows the tables as published, each hidden cell marked and explained, and writes nothing', async () => {
    const p = await v.call('tafel.preview', { periode: { jaar: 2025, kwartaal: 1 } });
    if (!p.mogelijk) throw new Error(p.reden);
    expect(p.k).toBe(5);
    expect(p.volgnummer).toBe(1);
    expect(p.tabellen.map((t) => t.titel)).toContain('Cliënten per categorie');
    const marked = p.tabellen.flatMap((t) => t.rijen.flatMap((r) => r.cellen)).filter((c) => c?.verborgen);
    expect(marked.length).toBeGreaterThan(0);
    for (const c of marked) expect(c!.toon === '<5' || c!.toon === 'x').toBe(true);
    for (const h of p.verborgen) expect(h.uitleg.length).toBeGreaterThan(10);
    expect(p.methode).toMatch(/^Methode tafel-onderdrukking-1/);
    expect((await v.call('tafel.ledger', {})).vrijgaven).toEqual([]);
  });

  it('a cancelled dialog writes and records nothing', async () => {
    answers.push(null);
    expect(await save({ jaar: 2025, kwartaal: 1 })).toEqual({ ok: true, value: { opgeslagen: false, reden: 'geannuleerd' } });
    expect(readdirSync(out)).toEqual([]);
    expect((await v.call('tafel.ledger', {})).vrijgaven).toEqual([]);
  });

  it('saving writes the signed JSON, the CSV and the PDF report beside it, then records the release', async () => {
    const path = join(out, 'essm-2025-K1.json');
    answers.push(path);
    const r = await save({ jaar: 2025, kwartaal: 1 });
    if (!r.ok || !r.value.opgeslagen) throw new Error(JSON.stringify(r));
    expect(r.value.bestanden).toEqual({ json: 'essm-2025-K1.json', csv: 'essm-2025-K1.csv', pdf: 'essm-2025-K1.pdf' });
    expect(readdirSync(out).sort()).toEqual(['essm-2025-K1.csv', 'essm-2025-K1.json', 'essm-2025-K1.pdf']);
    const json = readFileSync(path, 'utf8');
    const sleutel = await v.call('tafel.sleutel', {});
    const c = controleerBestand(json, { vingerafdruk: sleutel.vingerafdruk });
    expect(c.ok).toBe(true);
    expect(readFileSync(join(out, 'essm-2025-K1.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const ledger = (await v.call('tafel.ledger', {})).vrijgaven;
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ volgnummer: 1, periode: { jaar: 2025, kwartaal: 1 }, k: 5, verbetert: null });
    expect(ledger[0]!.bestandHash).toBe(createHash('sha256').update(json, 'utf8').digest('hex'));
    expect(JSON.stringify(ledger)).not.toMatch(/waarden/);
  });

  it('the PDF report reads back: cover, the tables with "<5", the legend and the method statement', () => {
    const pdf = join(out, 'essm-2025-K1.pdf');
    const r = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Overzicht voor de Regionale Tafel Mensenhandel');
    expect(text).toContain('kwartaal 1 van 2025');
    expect(text).toMatch(/Drempel k = 5/);
    expect(text).toContain('Cliënten per categorie');
    expect(text).toContain('<5');
    expect(text).toContain('Hoe leest u de tabellen?');
    expect(text).toContain('Kleine aantallen');
    expect(text).toContain('Ondertekend met sleutel');
  });

  it('never over an existing file: a name taken by the CSV or PDF is refused and nothing is recorded', async () => {
    writeFileSync(join(out, 'bezet.pdf'), 'iets anders');
    answers.push(join(out, 'bezet.json'));
    expect(await save({ jaar: 2025, kwartaal: 2 })).toEqual({ ok: true, value: { opgeslagen: false, reden: 'bestaat-al', tekst: 'bezet.pdf' } });
    expect(existsSync(join(out, 'bezet.json'))).toBe(false);
    expect(readFileSync(join(out, 'bezet.pdf'), 'utf8')).toBe('iets anders');
    expect((await v.call('tafel.ledger', {})).vrijgaven).toHaveLength(1);
  });

  it('a release the order rule forbids is refused with its Dutch reason, in the preview and when saving', async () => {
    const p = await v.call('tafel.preview', { periode: { jaar: 2025 } });
    expect(p.mogelijk).toBe(false);
    if (!p.mogelijk) expect(p.reden).toMatch(/kwartaal 2/);
    answers.push(join(out, 'jaar.json'));
    const r = await save({ jaar: 2025 });
    expect(r).toMatchObject({ ok: true, value: { opgeslagen: false, reden: 'geweigerd' } });
    expect(existsSync(join(out, 'jaar.json'))).toBe(false);
  });

  it('a second version of the same period says which release it corrects; the ledger is newest first', async () => {
    const p = await v.call('tafel.preview', { periode: { jaar: 2025, kwartaal: 1 } });
    expect(p).toMatchObject({ mogelijk: true, volgnummer: 2, verbetert: 1 });
    answers.push(join(out, 'essm-2025-K1-v2.json'));
    expect(await save({ jaar: 2025, kwartaal: 1 })).toMatchObject({ ok: true, value: { opgeslagen: true, volgnummer: 2 } });
    expect((await v.call('tafel.ledger', {})).vrijgaven.map((l) => [l.volgnummer, l.verbetert])).toEqual([
      [2, 1],
      [1, null],
    ]);
  });

  it('the suggested name has no personal data: organisation, period, release number', async () => {
    expect(await v.call('tafel.suggestName', { periode: { jaar: 2025, kwartaal: 3 } })).toEqual({ bestandsnaam: 'essm-2025-K3-overzicht-3.json' });
  });
});
