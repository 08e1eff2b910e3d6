// Tafel mode on a real encrypted vault: the secretariaat registers two organisations' keys,
// imports their signed summaries of 2024 (ESSM with the figures of the 2024 regional monitor, and
// a small synthetic second organisation), and compiles the monitor: large counts exact, small
// ones hidden as published, combined cells as intervals. Every refusal gives its Dutch reason and
// stores nothing. The PDF is read back with pdftotext.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canoniekeJson } from '../../../shared/tafel/file.schema';
import type { MonitorTabel, RegionaleMonitor } from '../../../shared/tafel/monitor.schema';
import { seedVault } from '../../../electron/core/casework/seed';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction, type Db } from '../../../electron/core/db/sql';
import { readProfile, saveProfile } from '../../../electron/core/profile/profile.repo';
import { maakMonitorPdf } from '../../../electron/core/tafel/monitorPdf';
import { bereidVrijgaveVoor } from '../../../electron/core/tafel/release';
import { monitorVan } from '../../../electron/core/tafel/tafelModus.handlers';
import { changesOf, importeerOverzicht, ondertekenaars, ontvangen, registreerOndertekenaar, trekOndertekenaarIn } from '../../../electron/core/tafel/tafelModus.repo';
import { closeVault, createVault, type OpenVault } from '../../../electron/core/vault/vault';
import { monitor2024, type Wereld } from '../../shared/tafel/fixtures';
import { expectKkError, tempDir, testPassphrase } from '../vault/helpers';
import { geefUit, organisatie, type Organisatie, type Uitgave } from './monitorFixtures';

const JAAR = { jaar: 2024 } as const;
let root: string;
let cleanup: () => void;
let vault: OpenVault;
let db: Db;
let essm: Organisatie;
let zuid: Organisatie;
let essmFile: Uitgave;
let zuidFile: Uitgave;

/** A small synthetic organisation: few cliënten and meldingen, so much is hidden. */
function zuidWereld(extra = 0): Wereld {
  return {
    clienten: [
      { categorie: 'seksuele-uitbuiting', nieuw: true, leeftijd: 'volwassen', aantal: 12 + extra },
      { categorie: 'seksuele-uitbuiting', nieuw: false, leeftijd: 'volwassen', aantal: 9 },
      { categorie: 'criminele-uitbuiting', nieuw: true, leeftijd: 'minderjarig', aantal: 3 },
      { categorie: 'overig', nieuw: true, leeftijd: 'volwassen', aantal: 6 },
      { categorie: 'preventief', nieuw: true, leeftijd: 'minderjarig', aantal: 2 },
    ],
    meldingen: [
      { herkomst: 'Rotterdam', soort: { rij: 'seksuele-uitbuiting', leeftijd: 'volwassen' }, aantal: 14 },
      { herkomst: 'Schiedam', soort: { rij: 'seksuele-uitbuiting', leeftijd: 'volwassen' }, aantal: 6 },
      { herkomst: 'Rotterdam', soort: { rij: 'criminele-uitbuiting', leeftijd: 'minderjarig' }, aantal: 2 },
      { herkomst: 'onbekend', soort: { info: 'sekswerkers' }, aantal: 7 },
    ],
    politie: [],
    afgesloten: { 'doelen-bereikt': 8, overgedragen: 2 },
    crisis: 3,
  };
}

const counts = () => ({
  ontvangen: (db.prepare('SELECT count(*) AS n FROM tafel_ontvangen').get() as { n: number }).n,
  gezien: (db.prepare('SELECT count(*) AS n FROM tafel_gezien').get() as { n: number }).n,
  events: (db.prepare('SELECT count(*) AS n FROM change_events').get() as { n: number }).n,
});

/** Imports bytes for 2024 and expects a refusal of this kind, with nothing stored. */
function weigert(bytes: Uint8Array | string, soort: string, reden: RegExp, periode: { jaar: number; kwartaal?: 1 | 2 | 3 | 4 } = JAAR) {
  const voor = counts();
  const r = importeerOverzicht(db, ownerWriter(), periode, 'f.json', typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  expect(r).toMatchObject({ ok: false, soort });
  if (!r.ok) expect(r.reden).toMatch(reden);
  expect(counts()).toEqual(voor);
}

const cel = (t: MonitorTabel | undefined, rij: string, kolom = 0) => t!.rijen.find((r) => r.id === rij)!.cellen[kolom]!;
const tabel = (m: RegionaleMonitor, organisatieId: string | null, id: string) =>
  (organisatieId === null ? m.gecombineerd : m.secties.find((s) => s.organisatieId === organisatieId)!.tabellen).find((t) => t.id === id);

beforeAll(async () => {
  ({ dir: root, cleanup } = tempDir('kk-monitor-'));
  vault = (await createVault(join(root, 'tafel'), testPassphrase())).vault;
  db = vault.db;
  essm = organisatie('essm', 'ESSM (Humanitas)');
  zuid = organisatie('zoco-zuid', 'Zorgcoördinatie Zuid (synthetisch)');
  essmFile = geefUit(essm, JAAR, monitor2024());
  zuidFile = geefUit(zuid, JAAR, zuidWereld());
}, 120_000);
afterAll(() => {
  closeVault(vault);
  cleanup();
});

describe('registered signers', () => {
  it('registers a fingerprint typed with spaces or without, refuses it twice, lists it with its count', () => {
    const o = inTransaction(db, () => registreerOndertekenaar(db, ownerWriter(), { naam: 'ESSM (Humanitas)', organisatieId: 'essm', vingerafdruk: essm.vingerafdruk.replace(/ /g, '').toLowerCase() }));
    expect(o).toMatchObject({ vingerafdruk: essm.vingerafdruk, ingetrokkenOp: null, ontvangen: 0 });
    inTransaction(db, () => registreerOndertekenaar(db, ownerWriter(), { naam: zuid.naam, organisatieId: zuid.id, vingerafdruk: zuid.vingerafdruk }));
    expectKkError(() => registreerOndertekenaar(db, ownerWriter(), { naam: 'Ander', organisatieId: 'x', vingerafdruk: essm.vingerafdruk }), 'CONFLICT');
    expect(() => registreerOndertekenaar(db, ownerWriter(), { naam: 'Ander', organisatieId: 'x', vingerafdruk: 'ABCD' })).toThrow(/64 tekens/);
    expect(ondertekenaars(db).map((s) => s.naam)).toEqual(['ESSM (Humanitas)', zuid.naam]);
    expect(changesOf(db, 'tafelOndertekenaar', o.id).map((e) => e.action)).toEqual(['create']);
  });
});

describe('import and compile', () => {
  it('imports both 2024 summaries, keeps the bytes verbatim, records each import as an event', () => {
    for (const [f, org] of [
      [essmFile, 'ESSM (Humanitas)'],
      [zuidFile, zuid.naam],
    ] as const) {
      const r = importeerOverzicht(db, ownerWriter(), JAAR, 'overzicht.json', Buffer.from(f.json, 'utf8'));
      expect(r).toMatchObject({ ok: true, organisatie: org, vervangt: null, vrijgaveId: f.bestand.vrijgaveId });
    }
    const lijst = ontvangen(db, JAAR);
    expect(lijst).toHaveLength(2);
    const stored = db.prepare('SELECT bestand FROM tafel_ontvangen WHERE vrijgave_id = ?').get(essmFile.bestand.vrijgaveId) as { bestand: Buffer };
    expect(stored.bestand.toString('utf8')).toBe(essmFile.json);
    for (const o of lijst) expect(changesOf(db, 'tafelOntvangst', o.id).map((e) => e.action)).toEqual(['create']);
    expect(ondertekenaars(db).every((s) => s.ontvangen === 1)).toBe(true);
  });

  it('ESSM section: the 2024 figures as published — large counts exact, small ones "<5" or "x"', () => {
    const m = monitorVan(db, JAAR);
    expect(m.secties.map((s) => s.organisatie)).toEqual(['ESSM (Humanitas)', zuid.naam]);
    const clienten = tabel(m, 'essm', 'clienten-categorie');
    expect(cel(clienten, 'totaal', 2)).toMatchObject({ toon: '167', min: 167, max: 167 });
    expect(cel(clienten, 'seksuele-uitbuiting', 2)).toMatchObject({ toon: '115', min: 115, max: 115 });
    expect(cel(clienten, 'seksuele-uitbuiting', 0)).toMatchObject({ toon: '77' });
    // CU doorlopend is 2: hidden as "<5" (and something else hidden beside it).
    expect(cel(clienten, 'criminele-uitbuiting', 1).toon).toBe('<5');
    const herkomst = tabel(m, 'essm', 'meldingen-herkomst');
    expect(cel(herkomst, 'totaal')).toMatchObject({ toon: '179', min: 179, max: 179 });
    expect(cel(herkomst, 'centrumgemeente')).toMatchObject({ toon: '121' });
    // No published number is a count below 5.
    for (const t of m.secties[0]!.tabellen) for (const r of t.rijen) for (const c of r.cellen) if (c && /^\d+$/.test(c.toon)) expect(Number(c.toon) === 0 || Number(c.toon) >= 5).toBe(true);
    // The section's "<5" cells read 0..4 at most, an "x" at least 5.
    for (const t of m.secties[0]!.tabellen)
      for (const r of t.rijen)
        for (const c of r.cellen) {
          if (c?.toon === '<5') expect(c.max).toBeLessThanOrEqual(4);
          if (c?.toon === 'x') expect(c.min).toBeGreaterThanOrEqual(5);
        }
  });

  it('combined: exact where both are shown, an interval where one is hidden, and the truth inside every interval', () => {
    const m = monitorVan(db, JAAR);
    const clienten = tabel(m, null, 'clienten-categorie');
    // 167 + 32 cliënten, both shown exactly.
    expect(cel(clienten, 'totaal', 2)).toMatchObject({ toon: '199', min: 199, max: 199 });
    // SU totaal: 115 + 21, both shown. SU nieuw: ESSM shows 77, Zuid hides its 12 as "x", which its
    // totals bound to 12..16: together 89–93 ("<5" + 12 → 12–16 in the monitor's own words).
    expect(cel(clienten, 'seksuele-uitbuiting', 2)).toMatchObject({ toon: '136', min: 136, max: 136 });
    expect(cel(clienten, 'seksuele-uitbuiting', 0)).toMatchObject({ toon: '89–93', min: 89, max: 93 });
    expect(cel(tabel(m, 'zoco-zuid', 'clienten-categorie'), 'seksuele-uitbuiting', 0)).toMatchObject({ toon: 'x', min: 12, max: 16 });
    // CU: ESSM 11 nieuw + 2 doorlopend, Zuid 3 nieuw: an interval around 16 with hidden parts.
    const cu = cel(clienten, 'criminele-uitbuiting', 2);
    expect(cu).toMatchObject({ toon: '14–17', min: 14, max: 17 });
    expect(cu.min).toBeLessThanOrEqual(16);
    expect(cu.max === null || cu.max >= 16).toBe(true);
    expect(cu.min === cu.max).toBe(false);
    expect(cu.toon).toMatch(/^\d+–\d+$|^≥ \d+$/);
    // Every combined cell holds the true sum of the two organisations' counts.
    const waar = new Map<string, number>();
    for (const f of [essmFile, zuidFile]) for (const [id, n] of Object.entries(f.overzicht.vrijgave.waarden)) waar.set(id, (waar.get(id) ?? 0) + n);
    let intervallen = 0;
    for (const t of m.gecombineerd)
      for (const r of t.rijen)
        for (const c of r.cellen) {
          if (!c) continue;
          const n = waar.get(c.cel)!;
          expect(c.min, c.cel).toBeLessThanOrEqual(n);
          if (c.max !== null) expect(c.max, c.cel).toBeGreaterThanOrEqual(n);
          if (c.min !== c.max) intervallen++;
        }
    expect(intervallen).toBeGreaterThan(3);
    // The gemeente table is per organisation only.
    expect(m.gecombineerd.some((t) => t.id === 'meldingen-gemeenten')).toBe(false);
    // The charts: one bar per melding row and per cliënt category, each with the truth inside.
    expect(m.grafieken.meldingenPerVorm.map((s) => s.id)).toEqual(['seksuele-uitbuiting', 'criminele-uitbuiting', 'overige-uitbuiting', 'onbekend', 'geen-uitbuiting', 'preventief-gesprek']);
    const su = m.grafieken.clientenPerCategorie.find((s) => s.id === 'seksuele-uitbuiting')!;
    expect(su).toMatchObject({ min: 136, max: 136, toon: '136' });
  });
});

describe('refusals: a clear Dutch reason, nothing stored', () => {
  it('a tampered byte (a count changed) breaks the signature', () => {
    const json = zuidFile.json.replace('"clienten.totaal.totaal":32', '"clienten.totaal.totaal":33');
    expect(json).not.toBe(zuidFile.json);
    weigert(json, 'handtekening', /handtekening klopt niet/i);
  });
  it('a truncated file', () => weigert(essmFile.json.slice(0, 900), 'afgebroken', /onvolledig of geen JSON/));
  it('bytes that are not UTF-8', () => weigert(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'afgebroken', /geen tekst/));
  it('foreign JSON', () => weigert(JSON.stringify({ type: 'FeatureCollection', features: [] }), 'schema', /geen overzicht voor de Regionale Tafel/));
  it('another schema version', () => {
    const ander = { ...JSON.parse(zuidFile.json), versie: 2 };
    weigert(canoniekeJson(ander), 'schema', /versie van het overzichtsformaat kennen we niet/);
  });
  it('an unknown signer, naming the key', () => {
    const vreemd = organisatie('vreemd', 'Onbekende Stichting');
    const f = geefUit(vreemd, JAAR, zuidWereld());
    weigert(f.json, 'onbekende-ondertekenaar', new RegExp(`Onbekende ondertekenaar.*${vreemd.vingerafdruk}.*niet geregistreerd`));
  });
  it('a registered key used for another organisation', () => {
    const nep = { ...zuid, id: 'essm', naam: 'ESSM (nagemaakt)', ledger: [], uitgebracht: [], teller: 5 };
    weigert(geefUit(nep, JAAR, zuidWereld()).json, 'organisatie', /noemt organisatie "ESSM \(nagemaakt\)" \(essm\), maar de sleutel is geregistreerd voor Zorgcoördinatie Zuid/);
  });
  it('a replay: the same release again', () => weigert(essmFile.json, 'herhaald', /al eerder ontvangen/));
  it('a period mismatch names both periods (a quarter for the year monitor, the year for a quarter monitor)', () => {
    const kwartaalOrg = organisatie('kwartaal-org', 'Kwartaal Organisatie');
    inTransaction(db, () => registreerOndertekenaar(db, ownerWriter(), { naam: kwartaalOrg.naam, organisatieId: kwartaalOrg.id, vingerafdruk: kwartaalOrg.vingerafdruk }));
    weigert(geefUit(kwartaalOrg, { jaar: 2024, kwartaal: 1 }, zuidWereld()).json, 'periode', /gaat over kwartaal 1 van 2024, maar de monitor gaat over 2024\./);
    const jaarOrg = organisatie('jaar-org', 'Jaar Organisatie');
    inTransaction(db, () => registreerOndertekenaar(db, ownerWriter(), { naam: jaarOrg.naam, organisatieId: jaarOrg.id, vingerafdruk: jaarOrg.vingerafdruk }));
    weigert(geefUit(jaarOrg, JAAR, zuidWereld()).json, 'periode', /gaat over 2024, maar de monitor gaat over kwartaal 3 van 2024\./, { jaar: 2024, kwartaal: 3 });
  });
});

describe('corrections and superseded releases', () => {
  let correctie: Uitgave;
  it('a correction replaces the release it corrects (an event on both), and the monitor uses it', () => {
    correctie = geefUit(zuid, JAAR, zuidWereld(5));
    expect(correctie.bestand.verbetert).toBeDefined();
    const r = importeerOverzicht(db, ownerWriter(), JAAR, 'zuid-v3.json', Buffer.from(correctie.json, 'utf8'));
    expect(r).toMatchObject({ ok: true, vervangt: zuidFile.bestand.vrijgaveId });
    if (r.ok) expect(r.melding).toMatch(/Verbetering ontvangen: overzicht 2 .* vervangt nummer 1/);
    const oud = ontvangen(db, JAAR).find((o) => o.vrijgaveId === zuidFile.bestand.vrijgaveId)!;
    expect(oud.vervangenDoor).toBe(correctie.bestand.vrijgaveId);
    expect(changesOf(db, 'tafelOntvangst', oud.id).map((e) => e.action)).toEqual(['create', 'replace']);
    const m = monitorVan(db, JAAR);
    expect(m.secties.find((s) => s.organisatieId === 'zoco-zuid')!.volgnummer).toBe(2);
    expect(cel(tabel(m, null, 'clienten-categorie'), 'totaal', 2)).toMatchObject({ toon: '204' });
  });
  it('an older release of a superseded organisation/period is refused', () => {
    // A release numbered below the current one (2), never seen before.
    const ouder = geefUit({ ...zuid, ledger: [], uitgebracht: [], teller: 0 }, JAAR, zuidWereld(1));
    expect(ouder.bestand.volgnummer).toBe(1);
    weigert(ouder.json, 'ouder', /al een nieuwere versie van Zorgcoördinatie Zuid \(synthetisch\) over 2024 \(nummer 2\)\. Dit bestand \(nummer 1\) is ouder/);
  });
  it('a second release of the same period that is not a correction', () => {
    const los = geefUit({ ...zuid, ledger: [], uitgebracht: [], teller: 10 }, JAAR, zuidWereld(2));
    expect(los.bestand.verbetert).toBeUndefined();
    weigert(los.json, 'geen-verbetering', /geen verbetering daarvan/);
  });
  it('a correction of a version never received (an intermediate one) still replaces the current release, and says so', () => {
    const tussen = geefUit(zuid, JAAR, zuidWereld(5));
    const laatste = geefUit(zuid, JAAR, zuidWereld(5));
    expect(laatste.bestand.verbetert).toBe(tussen.bestand.vrijgaveId);
    const r = importeerOverzicht(db, ownerWriter(), JAAR, 'zuid-v4.json', Buffer.from(laatste.json, 'utf8'));
    expect(r).toMatchObject({ ok: true, vervangt: correctie.bestand.vrijgaveId });
    if (r.ok) expect(r.melding).toMatch(/overzicht 4 .* vervangt nummer 2\. Er zat nog een versie tussen die u niet hebt ontvangen/);
    // The intermediate version now comes too late.
    weigert(tussen.json, 'ouder', /nummer 4\)\. Dit bestand \(nummer 3\) is ouder/);
  });
  it('a retired key: its new files are refused, what it signed stays; a used key is never deleted', () => {
    const id = ondertekenaars(db).find((s) => s.organisatieId === 'zoco-zuid')!.id;
    const o = inTransaction(db, () => trekOndertekenaarIn(db, ownerWriter(), id, 'sleutel vervangen'));
    expect(o.ingetrokkenOp).not.toBeNull();
    const nieuw = geefUit(zuid, JAAR, zuidWereld(7));
    weigert(nieuw.json, 'ingetrokken', /is ingetrokken \(reden: sleutel vervangen\)/);
    expect(monitorVan(db, JAAR).secties).toHaveLength(2);
    expect(() => db.prepare('DELETE FROM tafel_ondertekenaars WHERE id = ?').run(id)).toThrow(/retired, never deleted/);
    expect(() => db.prepare("UPDATE tafel_ontvangen SET bestand = x'00'").run()).toThrow(/append-only/);
  });
});

describe('a release made by a real vault', () => {
  it('bereidVrijgaveVoor on a seeded vault gives a file tafel mode imports once its key is registered', async () => {
    const org = (await createVault(join(root, 'org'), testPassphrase())).vault;
    try {
      seedVault(org.db, { trajecten: 120, seed: 3, today: '2026-11-25', meldingenPerTraject: 2 });
      inTransaction(org.db, () => saveProfile(org.db, ownerWriter(), { fields: { naam: 'Testa Voorbeeld', functie: 'privacy-officer', organisatie: 'shop', regio: 'rotterdam' } }));
      const v = bereidVrijgaveVoor(org.db, ownerWriter(), { jaar: 2025 });
      weigert(v.json, 'onbekende-ondertekenaar', /niet geregistreerd/, { jaar: 2025 });
      inTransaction(db, () => registreerOndertekenaar(db, ownerWriter(), { naam: v.bestand.organisatie.naam, organisatieId: v.bestand.organisatie.id, vingerafdruk: readProfile(org.db)!.vingerafdruk }));
      expect(importeerOverzicht(db, ownerWriter(), { jaar: 2025 }, 'shop-2025.json', Buffer.from(v.json, 'utf8'))).toMatchObject({ ok: true });
      const m = monitorVan(db, { jaar: 2025 });
      expect(m.secties).toHaveLength(1);
      expect(cel(tabel(m, null, 'clienten-categorie'), 'totaal', 2).min).toBe(v.overzicht.vrijgave.waarden['clienten.totaal.totaal']);
    } finally {
      closeVault(org);
    }
  }, 120_000);
});

describe('the PDF', () => {
  it('cover, how to read, the regional charts and tables, a section per organisation, the method; read back with pdftotext', async () => {
    const m = monitorVan(db, JAAR);
    const pdf = await maakMonitorPdf(m);
    const file = join(root, 'monitor-2024.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const tekst = r.stdout;
    for (const s of [
      'Regionale monitor mensenhandel',
      'Zo leest u deze monitor',
      'Regio: alle organisaties samen',
      'Meldingen per vorm',
      'Cliënten per categorie',
      'zeker (ondergrens)',
      'ESSM (Humanitas)',
      'Zorgcoördinatie Zuid (synthetisch)',
      essm.vingerafdruk.slice(0, 39),
      essm.vingerafdruk.slice(40),
      'Bijlage: methode',
      'Kleine aantallen',
    ])
      expect(tekst).toContain(s);
    expect(tekst).toMatch(/Totaal\s+\d+\s+\d+\s+204/);
    expect(tekst).toMatch(/\d+–\d+/);
    expect(tekst).toContain('<5');
    expect(tekst).toMatch(/pagina 2 van \d+/);
    // Fonts embedded (DejaVu subset), so names print as written.
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/DejaVuSans/);
  });
});
