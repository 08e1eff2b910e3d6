// Summaries for the Regionale Tafel on a real encrypted vault: the period figures, the signed file,
// the release ledger, and the refusals of tampered, truncated, foreign and replayed files.
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import { clientInJaar, clientInPeriode, type TrajectFeit } from '../../../shared/casework/monitor';
import { canoniekeJson, TafelBestand, tekenbareInhoud } from '../../../shared/tafel/file.schema';
import { onderdruk } from '../../../shared/tafel/suppression';
import { bouwTafelTabellen } from '../../../shared/tafel/tables';
import { monitorFor } from '../../../electron/core/casework/dashboard.repo';
import { seedVault } from '../../../electron/core/casework/seed';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction, type Db } from '../../../electron/core/db/sql';
import { keyFingerprint, saveProfile } from '../../../electron/core/profile/profile.repo';
import { cijfersVoorBereik, meldingenPerGemeente, periodeBereik, periodFigures } from '../../../electron/core/tafel/periodFigures';
import { bereidVrijgaveVoor, changesOf, leesLedger, legVrijgaveVast } from '../../../electron/core/tafel/release';
import { bestandTekst, controleerBestand, controleerReeks, onderteken } from '../../../electron/core/tafel/sign';
import { tafelCsv } from '../../../electron/core/tafel/csv';
import { closeVault, createVault, type OpenVault } from '../../../electron/core/vault/vault';
import { expectKkError, tempDir, testPassphrase } from '../vault/helpers';

const TODAY = '2026-11-25';
const JAAR = 2025;
const rotterdam = regioGemeenten('rotterdam');
let cleanup: () => void;
let vault: OpenVault;
let db: Db;
let n = 0;
/** Deterministic, time-ordered release ids (the engine reads the ledger in id order). */
const ctx = () => ({ ...ownerWriter('hand'), newId: () => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}` });

beforeAll(async () => {
  let root: string;
  ({ dir: root, cleanup } = tempDir('kk-tafel-'));
  vault = (await createVault(join(root, 'vault'), testPassphrase())).vault;
  db = vault.db;
  seedVault(db, { trajecten: 1500, seed: 14, today: TODAY, meldingenPerTraject: 2 });
  inTransaction(db, () => saveProfile(db, ownerWriter(), { fields: { naam: 'Testa Voorbeeld', functie: 'privacy-officer', organisatie: 'essm', regio: 'rotterdam' } }));
}, 120_000);
afterAll(() => {
  closeVault(vault);
  cleanup();
});

describe('period figures', () => {
  it('over a whole year, the record queries give exactly what the dashboard (kept counts) gives', () => {
    for (const jaar of [2024, JAAR, 2026]) {
      const { van, tot } = periodeBereik({ jaar });
      expect(cijfersVoorBereik(db, jaar, van, tot, rotterdam)).toEqual(monitorFor(db, jaar, rotterdam));
    }
  });

  it('quarters: the right dates; new cliënten and meldingen of the four quarters add up to the year; every quarter has cliënten', () => {
    expect(periodeBereik({ jaar: JAAR, kwartaal: 1 })).toEqual({ van: '2025-01-01', tot: '2025-03-31' });
    expect(periodeBereik({ jaar: JAAR, kwartaal: 4 })).toEqual({ van: '2025-10-01', tot: '2025-12-31' });
    const jaar = periodFigures(db, { jaar: JAAR }, rotterdam);
    const kw = ([1, 2, 3, 4] as const).map((kwartaal) => periodFigures(db, { jaar: JAAR, kwartaal }, rotterdam));
    const som = (f: (c: (typeof kw)[number]) => number) => kw.reduce((s, c) => s + f(c), 0);
    expect(som((c) => c.cijfers.meldingen.totaal)).toBe(jaar.cijfers.meldingen.totaal);
    expect(som((c) => c.cijfers.clienten.afgesloten.totaal)).toBe(jaar.cijfers.clienten.afgesloten.totaal);
    for (const g of Object.keys(jaar.perGemeente)) expect(som((c) => c.perGemeente[g] ?? 0)).toBe(jaar.perGemeente[g]);
    // A cliënt new in a quarter is new in the year, but one running in several quarters counts in each.
    expect(som((c) => c.cijfers.clienten.totaal.totaal)).toBeGreaterThan(jaar.cijfers.clienten.totaal.totaal);
    for (const c of kw) expect(c.cijfers.clienten.totaal.totaal).toBeGreaterThan(0);
    expect(jaar.perGemeente).toEqual(meldingenPerGemeente(db, '2025-01-01', '2025-12-31', rotterdam));
    // Only the region's gemeenten, never the centrumgemeente or the special values.
    for (const g of Object.keys(jaar.perGemeente)) expect(rotterdam.gemeenten).toContain(g);
  });

  it('clientInPeriode over a calendar year is clientInJaar; in a quarter "new" means registered in that quarter', () => {
    const t = (id: string, aanmelddatum: string, afgeslotenOp: string | null, preventief = false): TrajectFeit => ({ clientId: 'c', preventief, vormen: id === 'a' ? ['seksuele-uitbuiting'] : ['criminele-uitbuiting'], aanmelddatum, afgeslotenOp, minderjarigBijStart: id === 'a' });
    const sets: TrajectFeit[][] = [[t('a', '2024-05-01', null)], [t('a', '2025-02-01', '2025-03-01'), t('b', '2025-06-01', null)], [t('a', '2023-01-01', '2024-12-31')], [t('a', '2025-01-01', null, true), t('b', '2025-08-01', null)]];
    for (const s of sets) expect(clientInPeriode(s, '2025-01-01', '2025-12-31')).toEqual(clientInJaar(s, 2025));
    expect(clientInPeriode([t('a', '2025-02-01', null)], '2025-04-01', '2025-06-30')?.nieuw).toBe(false);
    expect(clientInPeriode([t('a', '2025-05-01', null)], '2025-04-01', '2025-06-30')?.nieuw).toBe(true);
    expect(clientInPeriode([t('a', '2025-02-01', '2025-03-31')], '2025-04-01', '2025-06-30')).toBeNull();
    expect(clientInPeriode([t('a', '2025-07-01', null)], '2025-04-01', '2025-06-30')).toBeNull();
  });
});

describe('releases and the ledger', () => {
  it("a year summary's published cells are the engine's output for the vault's figures; no true count of a hidden cell is in the file", () => {
    const v = bereidVrijgaveVoor(db, ctx(), { jaar: 2024 });
    const { cijfers, perGemeente } = periodFigures(db, { jaar: 2024 }, rotterdam);
    const engine = onderdruk({ tabellen: bouwTafelTabellen({ cijfers, periode: { jaar: 2024 }, regio: rotterdam, perGemeente, k: 5 }), ledger: [], id: v.bestand.vrijgaveId });
    expect(v.overzicht.veilig).toBe(true);
    expect(v.bestand.cellen).toEqual(engine.publicatie.cellen);
    expect(v.bestand.vergelijkingen).toEqual(engine.publicatie.vergelijkingen);
    expect(v.bestand.methode).toBe(engine.publicatie.methode);
    expect(v.bestand.organisatie.naam).toMatch(/ESSM|Slachtoffers/i);
    // Some cells are hidden, and the file never carries the ledger's true counts or the private key.
    expect(Object.values(v.bestand.cellen)).toContain('klein');
    expect(v.json).not.toContain('"waarden"');
    expect(v.json).not.toContain('sleutel_prive');
    expect(Object.keys(v.overzicht.vrijgave.waarden).length).toBeGreaterThan(10);
    expect(v.bestand.grondslag).toMatch(/Er is nog geen mogelijkheid om een persoon uit te sluiten/);
    expect(controleerBestand(v.json).ok).toBe(true);
    // Prepared only: nothing recorded.
    expect(leesLedger(db)).toHaveLength(0);
  });

  it('quarters then the year: each release reads the ledger (it grows), the year is checked against the four quarters, a correction names what it corrects', () => {
    const gezien: number[] = [];
    const ids: string[] = [];
    let laatste: ReturnType<typeof bereidVrijgaveVoor> | undefined;
    for (const periode of [{ jaar: JAAR, kwartaal: 1 as const }, { jaar: JAAR, kwartaal: 2 as const }, { jaar: JAAR, kwartaal: 3 as const }, { jaar: JAAR, kwartaal: 4 as const }, { jaar: JAAR }]) {
      const v = bereidVrijgaveVoor(db, ctx(), periode);
      expect(v.overzicht.veilig).toBe(true);
      gezien.push(v.ledgerLengte);
      legVrijgaveVast(db, ctx(), v);
      ids.push(v.bestand.vrijgaveId);
      laatste = v;
      expect(v.bestand.volgnummer).toBe(gezien.length);
      expect(v.bestand.verbetert).toBeUndefined();
    }
    expect(gezien).toEqual([0, 1, 2, 3, 4]);
    // The year's final audit judged the quarters' hidden small counts too, with relations between the releases,
    // and every one of them can still take two values.
    const controle = laatste!.overzicht.controle;
    expect(controle.koppelingen).toBeGreaterThan(0);
    for (const q of ids.slice(0, 4)) expect(controle.cellen.some((c) => c.vrijgave === q && c.beschermd)).toBe(true);
    for (const c of controle.cellen.filter((c) => c.beschermd)) expect(c.max === null || c.max > c.min).toBe(true);
    const ledger = leesLedger(db);
    expect(ledger.map((l) => l.id)).toEqual(ids);
    // The vault keeps the true counts of every release (for the next check); the files did not.
    expect(Object.keys(ledger[4]!.vrijgave.waarden).length).toBeGreaterThan(10);
    // A cell hidden in a quarter is still part of what the year's check protected: it is in the ledger as hidden.
    expect(Object.values(ledger[0]!.vrijgave.gepubliceerd)).toContain('klein');
    // After the year, a new version of quarter 2 is a correction of it.
    const correctie = bereidVrijgaveVoor(db, ctx(), { jaar: JAAR, kwartaal: 2 });
    expect(correctie.ledgerLengte).toBe(5);
    expect(correctie.bestand.verbetert).toBe(ids[1]);
    expect(correctie.bestand.volgnummer).toBe(6);
    // Each release is a change event.
    expect(changesOf(db, 'tafelVrijgave', ids[4]!).map((e) => e.action)).toEqual(['create']);
  });

  it('an unsafe order is refused with the Dutch reason and records nothing; the ledger is append-only', async () => {
    const voor = leesLedger(db).length;
    legVrijgaveVast(db, ctx(), bereidVrijgaveVoor(db, ctx(), { jaar: 2023, kwartaal: 1 }));
    // 2023: quarter 1 released, then the year before the other quarters: refused.
    const jaarFout = await expectKkError(() => bereidVrijgaveVoor(db, ctx(), { jaar: 2023 }), 'INVALID_INPUT');
    expect(jaarFout.message).toMatch(/Stuur eerst ook kwartaal 2 en kwartaal 3 en kwartaal 4/);
    expect(leesLedger(db).length).toBe(voor + 1);
    expect(() => db.prepare('UPDATE tafel_vrijgaven SET bestand_hash = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM tafel_vrijgaven').run()).toThrow(/append-only/);
  });
});

describe('signed files', () => {
  let tekst: string;
  let bestand: TafelBestand;
  beforeAll(() => {
    const v = bereidVrijgaveVoor(db, ctx(), { jaar: 2022 });
    tekst = v.json;
    bestand = v.bestand;
  });
  const eigen = () => readFingerprint();
  function readFingerprint(): string {
    const row = db.prepare('SELECT sleutel_publiek FROM profiel').get() as { sleutel_publiek: Buffer };
    return keyFingerprint(row.sleutel_publiek);
  }

  it('the signature verifies, also against the registered fingerprint (spaces and case aside); the file is canonical JSON', () => {
    expect(bestand.ondertekenaar).toBe(eigen());
    expect(tekst).toBe(`${canoniekeJson(JSON.parse(tekst))}\n`);
    const c = controleerBestand(tekst, { vingerafdruk: eigen().replaceAll(' ', '').toLowerCase() });
    expect(c.ok && c.melding).toMatch(/^Handtekening klopt\. Overzicht \d+ van .*2022/);
  });

  it('one digit changed: refused as altered', () => {
    const [cel, waarde] = Object.entries(bestand.cellen).find(([, w]) => typeof w === 'number' && w >= 5)!;
    const vervalst = tekst.replace(`"${cel}":${waarde}`, `"${cel}":${Number(waarde) + 1}`);
    expect(vervalst).not.toBe(tekst);
    const c = controleerBestand(vervalst);
    expect(c.ok).toBe(false);
    expect(!c.ok && [c.soort, c.reden]).toEqual(['handtekening', expect.stringMatching(/handtekening klopt niet/)]);
  });

  it('reformatted (not canonical), truncated, wrong format or an extra field: refused with a clear reason', () => {
    const mooi = JSON.stringify(JSON.parse(tekst), null, 2);
    expect(controleerBestand(mooi)).toMatchObject({ ok: false, soort: 'vorm' });
    const kort = controleerBestand(tekst.slice(0, Math.floor(tekst.length / 2)));
    expect(kort).toMatchObject({ ok: false, soort: 'afgebroken', reden: expect.stringMatching(/onvolledig/) });
    expect(controleerBestand(tekst.replace('"ketenkluis.tafel"', '"ketenkluis.casework"'))).toMatchObject({ ok: false, soort: 'schema' });
    expect(controleerBestand(bestandTekst({ ...bestand, echteAantallen: { a: 1 } } as unknown as TafelBestand))).toMatchObject({ ok: false, soort: 'schema' });
  });

  it('foreign: signed with another key is an unknown signer for the registered fingerprint; our fingerprint on a foreign key is refused', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    const { handtekening: _h, ...zonder } = bestand;
    const vreemd = onderteken({ ...zonder, publiekeSleutel: spki.toString('base64'), ondertekenaar: keyFingerprint(spki) }, privateKey.export({ type: 'pkcs8', format: 'der' }));
    expect(controleerBestand(bestandTekst(vreemd)).ok).toBe(true);
    const c = controleerBestand(bestandTekst(vreemd), { vingerafdruk: eigen() });
    expect(c).toMatchObject({ ok: false, soort: 'onbekende-ondertekenaar', reden: expect.stringMatching(/^Onbekende ondertekenaar/) });
    // Pretending to be us: our fingerprint with the foreign key.
    const nep = onderteken({ ...zonder, publiekeSleutel: spki.toString('base64') }, privateKey.export({ type: 'pkcs8', format: 'der' }));
    expect(controleerBestand(bestandTekst(nep), { vingerafdruk: eigen() })).toMatchObject({ ok: false, soort: 'handtekening' });
    // A signature copied from our file onto the foreign key does not verify.
    expect(tekenbareInhoud(vreemd)).not.toBe(tekenbareInhoud(bestand));
  });

  it('replayed: the same release id twice in what the secretariaat receives is refused the second time', () => {
    const [eerste, tweede] = controleerReeks([tekst, tekst]);
    expect(eerste!.ok).toBe(true);
    expect(tweede).toMatchObject({ ok: false, soort: 'herhaald', reden: expect.stringMatching(/al eerder ontvangen/) });
    expect(controleerBestand(tekst, { gezien: new Set([bestand.vrijgaveId]) })).toMatchObject({ ok: false, soort: 'herhaald' });
  });

  it('the CSV: BOM, Dutch headers, semicolons, "<5" and numbers as shown, formula-like text neutralised', () => {
    const csv = tafelCsv(bestand);
    expect(csv.startsWith('\uFEFFOrganisatie;Periode;Tabel;Rij;Kolom;Cel;Getoond\r\n')).toBe(true);
    expect(csv).toMatch(/;<5\r\n/);
    const aanval = tafelCsv({ ...bestand, organisatie: { id: 'x', naam: '=HYPERLINK("http://x")' } });
    expect(aanval).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(aanval).not.toMatch(/(^|;)=/m);
  });
});
