// The organisation's combine step (issue 14) on real encrypted vaults: colleagues' count files,
// signed and encrypted to the reporter's receiving key, read in and added to the reporter's own
// figures before disclosure control. Synthetic casework only.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import type { MonitorCijfers } from '../../../shared/casework/dashboard.schema';
import type { Input } from '../../../shared/ipc/contract';
import { canoniekeJson } from '../../../shared/tafel/file.schema';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { telOp } from '../../../shared/tafel/telOp';
import type { Ontvangstsleutel } from '../../../shared/tafel/telbestand.schema';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction, type Db } from '../../../electron/core/db/sql';
import { readProfile, saveProfile } from '../../../electron/core/profile/profile.repo';
import { bronnenVanVrijgave, gecombineerdeCijfers } from '../../../electron/core/tafel/combine';
import {
  changesOf,
  collegas,
  leesOntvangstsleutelTekst,
  maakOntvangstsleutel,
  ontvangstsleutelBestand,
  ontvangstsleutelTekst,
  registreerCollega,
  stelOntvangerIn,
  tekenCanoniek,
  trekCollegaIn,
} from '../../../electron/core/tafel/ontvangst';
import { periodFigures } from '../../../electron/core/tafel/periodFigures';
import { bereidVrijgaveVoor, legVrijgaveVast } from '../../../electron/core/tafel/release';
import { leesTelbestandIn, maakTelbestand, telbestandenVan, versleutelVoor, type LeesUitkomst } from '../../../electron/core/tafel/telbestand';
import { newTraject, openTestVault, type TestVault } from '../casework/helpers';
import { expectKkError, tempDir } from '../vault/helpers';

const rotterdam = regioGemeenten('rotterdam');
const JAAR = 2025;
const JAARP: TafelPeriode = { jaar: JAAR };
const K1: TafelPeriode = { jaar: JAAR, kwartaal: 1 };

// ---------------------------------------------------------------- synthetic records per vault

type Deel = (v: TestVault) => Promise<void>;

async function meldingen(v: TestVault, aantal: number, fields: Record<string, unknown>): Promise<void> {
  for (let i = 0; i < aantal; i++) {
    await v.call('meldingen.create', { fields: { datum: '2025-02-14', kanaal: 'telefoon', anoniem: true, melderType: 'burger', gemeente: 'Rotterdam', vorm: 'seksuele-uitbuiting', minderjarig: false, ...fields } as Input<'meldingen.create'>['fields'] });
  }
}
async function trajecten(v: TestVault, aantal: number, fields: Record<string, unknown>, sluit?: { datum: string; reden: 'doelen-bereikt' | 'overgedragen' }, client: Record<string, unknown> = {}): Promise<void> {
  for (let i = 0; i < aantal; i++) {
    const t = await newTraject(v, fields, client);
    if (sluit) await v.call('trajecten.transition', { id: t.trajectId, version: t.version, naar: 'afgesloten', reden: sluit.reden, datum: sluit.datum });
  }
}

/** The reporter's own records (the meldpunt). */
const deelR: Deel = async (v) => {
  await trajecten(v, 9, { vormen: ['seksuele-uitbuiting'], aanmelddatum: '2025-02-03' });
  await meldingen(v, 12, {});
  await meldingen(v, 3, { gemeente: 'Schiedam', vorm: 'criminele-uitbuiting', minderjarig: true, datum: '2025-05-20' });
  await meldingen(v, 6, { vorm: 'geen', informatieverzoek: true, melderType: 'sekswerker', datum: '2025-03-30' });
  await meldingen(v, 2, { gemeente: 'onbekend-in-regio', vorm: 'arbeidsuitbuiting', datum: '2025-09-01' });
};
/** Colleague A (a coordinator). */
const deelA: Deel = async (v) => {
  await trajecten(v, 4, { vormen: ['criminele-uitbuiting'], minderjarigBijStart: true, aanmelddatum: '2024-10-01', gemeente: 'Vlaardingen' });
  await trajecten(v, 3, { vormen: ['arbeidsuitbuiting'], aanmelddatum: '2025-01-20' }, { datum: '2025-06-30', reden: 'overgedragen' });
  await trajecten(v, 2, { preventief: true, vormen: [], aanmelddatum: '2025-03-01' });
  await meldingen(v, 4, { gemeente: 'Vlaardingen', datum: '2025-01-09' });
  await meldingen(v, 2, { vorm: 'seksuele-uitbuiting', minderjarig: true, preventiefGesprek: true, datum: '2025-07-07' });
  // A cliënt with two trajecten: counted once.
  const eerst = await newTraject(v, { preventief: true, vormen: ['seksuele-uitbuiting'], aanmelddatum: '2024-06-01' });
  await v.call('trajecten.transition', { id: eerst.trajectId, version: eerst.version, naar: 'afgesloten', reden: 'overgedragen', datum: '2025-01-31' });
  await v.call('trajecten.create', { clientId: eerst.clientId, fields: { vormen: ['seksuele-uitbuiting'], minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'meldpunt', aanmelddatum: '2025-02-02' } });
};
/** Colleague B (another coordinator): closures, police contacts, crisisopvang. */
const deelB: Deel = async (v) => {
  await trajecten(v, 5, { vormen: ['seksuele-uitbuiting'], aanmelddatum: '2023-04-04' }, { datum: '2025-02-28', reden: 'doelen-bereikt' });
  await trajecten(v, 2, { vormen: ['seksuele-uitbuiting'], aanmelddatum: '2025-01-15', opvang: [{ soort: 'crisisopvang', start: '2025-01-16', eind: '2025-03-01' }] }, undefined, { geslacht: 'vrouw' });
  const cu = await newTraject(v, { vormen: ['criminele-uitbuiting'], aanmelddatum: '2025-01-02' });
  await v.call('trajecten.update', {
    id: cu.trajectId,
    version: cu.version,
    fields: { politiecontacten: [{ soort: 'informatief-gesprek', datum: '2025-02-10', vorm: 'criminele-uitbuiting' }, { soort: 'aangifte', datum: '2025-03-11', vorm: 'criminele-uitbuiting' }] },
  });
  await meldingen(v, 5, { datum: '2025-03-03' });
  await meldingen(v, 1, { gemeente: 'Utrecht', vorm: 'onbekend', minderjarig: null, datum: '2025-10-10' });
};

// ---------------------------------------------------------------- vaults

interface Kluis extends TestVault {
  ctx: () => ReturnType<typeof ownerWriter>;
}
let n = 0;
/** Deterministic, time-ordered ids and one clock, so two vaults' releases can be compared. */
const vasteCtx = (now: string) => () => ({ ...ownerWriter('hand'), now, newId: () => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}` });

function kluis(organisatie = 'essm', naam = 'Testa Collega'): Kluis {
  const v = openTestVault() as Kluis;
  inTransaction(v.db, () => saveProfile(v.db, ownerWriter(), { fields: { naam, functie: 'zorgcoordinator', organisatie, regio: 'rotterdam' } }));
  v.ctx = () => ownerWriter('hand');
  return v;
}

const geopend: TestVault[] = [];
const open = (organisatie?: string) => {
  const v = kluis(organisatie);
  geopend.push(v);
  return v;
};

let rep: Kluis; // the reporter
let colA: Kluis;
let colB: Kluis;
let alles: Kluis; // one vault holding every record of the three
let sleutelBestand: Ontvangstsleutel;
let out: string;
let cleanupOut: () => void;
const geschreven: string[] = [];

function schrijf(naam: string, tekst: string | Buffer): string {
  const f = join(out, naam);
  writeFileSync(f, tekst);
  geschreven.push(f);
  return f;
}

function telbestand(v: Kluis, periode: TafelPeriode, voor = sleutelBestand, now?: string) {
  return maakTelbestand(v.db, now ? { ...ownerWriter(), now } : ownerWriter(), periode, voor);
}

/** Row counts that must not change on a refusal. */
function stand(db: Db) {
  const tel = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { telbestanden: tel('tafel_telbestanden'), events: tel('change_events'), vervangen: tel('tafel_telbestanden WHERE vervangen_door IS NOT NULL') };
}

function lees(v: Kluis, tekst: string | Buffer, periode?: TafelPeriode): LeesUitkomst {
  return leesTelbestandIn(v.db, v.ctx(), Buffer.isBuffer(tekst) ? tekst : Buffer.from(tekst, 'utf8'), periode);
}

/** Reads and expects a refusal of `soort`, with nothing stored; returns the reason. */
function weigert(v: Kluis, tekst: string | Buffer, soort: string, periode?: TafelPeriode): string {
  const voor = stand(v.db);
  const r = lees(v, tekst, periode);
  expect(r.status).toBe('geweigerd');
  if (r.status !== 'geweigerd') return '';
  expect(r.soort).toBe(soort);
  expect(stand(v.db)).toEqual(voor);
  return r.reden;
}

/** The signing key pair of a vault's profile (for tests that build a wrong file on purpose). */
function profielPrive(v: Kluis): Buffer {
  return (v.db.prepare('SELECT sleutel_prive FROM profiel WHERE enig = 1').get() as { sleutel_prive: Buffer }).sleutel_prive;
}

/** Decrypts nothing: builds signed content like a colleague's Ketenkluis would, with `aanpassen` applied before signing. */
function gemaakteInhoud(v: Kluis, periode: TafelPeriode, aanpassen: (i: Record<string, unknown>) => void = () => undefined, voor = sleutelBestand): Record<string, unknown> {
  const p = readProfile(v.db)!;
  const pub = (v.db.prepare('SELECT sleutel_publiek FROM profiel WHERE enig = 1').get() as { sleutel_publiek: Buffer }).sleutel_publiek;
  const zonder: Record<string, unknown> = {
    format: 'ketenkluis.telbestand.inhoud',
    versie: 1,
    telbestandId: `0190b000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    organisatie: { id: p.organisatie, naam: 'ESSM' },
    regio: 'rotterdam',
    periode,
    ontvanger: voor.vingerafdruk,
    ruw: periodFigures(v.db, periode, rotterdam),
    grondslag: 'test',
    aangemaakt: new Date().toISOString(),
    ondertekenaar: p.vingerafdruk,
    publiekeSleutel: pub.toString('base64'),
  };
  aanpassen(zonder);
  return { ...zonder, handtekening: tekenCanoniek(zonder, profielPrive(v)) };
}

beforeAll(async () => {
  ({ dir: out, cleanup: cleanupOut } = tempDir('kk-telbestand-'));
  rep = open();
  colA = open();
  colB = open();
  alles = open();
  for (const [v, delen] of [
    [rep, [deelR]],
    [colA, [deelA]],
    [colB, [deelB]],
    [alles, [deelR, deelA, deelB]],
  ] as const) {
    for (const d of delen) await d(v);
  }
  maakOntvangstsleutel(rep.db, rep.ctx());
  sleutelBestand = leesOntvangstsleutelTekst(readFileSync(schrijf('ontvangstsleutel.json', ontvangstsleutelTekst(ontvangstsleutelBestand(rep.db, rep.ctx()))), 'utf8'));
  for (const c of [colA, colB]) registreerCollega(rep.db, rep.ctx(), { vingerafdruk: readProfile(c.db)!.vingerafdruk, organisatie: 'essm', omschrijving: 'coördinator' });
}, 240_000);
afterAll(() => {
  for (const v of geopend) v.close();
  cleanupOut();
});

// ---------------------------------------------------------------- adding figures

/** Closures of equal count have no meaningful order (SQL's group order); everything else must match exactly. */
function vergelijkbaar(c: MonitorCijfers): MonitorCijfers {
  const perReden = [...c.clienten.afgesloten.perReden].sort((a, b) => b.aantal - a.aantal || a.reden.localeCompare(b.reden));
  return { ...c, clienten: { ...c.clienten, afgesloten: { ...c.clienten.afgesloten, perReden } } };
}

describe('telOp', () => {
  it('two vaults added cell by cell are exactly one vault holding both vaults’ records (year and quarter)', () => {
    for (const periode of [JAARP, K1, { jaar: JAAR, kwartaal: 4 as const }]) {
      const a = periodFigures(colA.db, periode, rotterdam);
      const b = periodFigures(colB.db, periode, rotterdam);
      const r = periodFigures(rep.db, periode, rotterdam);
      const som = telOp(telOp(r, a), b);
      const een = periodFigures(alles.db, periode, rotterdam);
      expect(vergelijkbaar(som.cijfers)).toEqual(vergelijkbaar(een.cijfers));
      expect(som.perGemeente).toEqual(een.perGemeente);
      // The order of adding does not matter.
      expect(vergelijkbaar(telOp(b, telOp(a, r)).cijfers)).toEqual(vergelijkbaar(som.cijfers));
    }
    // The fixture is not trivial: every vault contributes, and the year has closures, police contacts and crisisopvang.
    const een = periodFigures(alles.db, JAARP, rotterdam).cijfers;
    expect(een.clienten.afgesloten.totaal).toBeGreaterThan(0);
    expect(een.politie.totaal.aangiftes).toBe(1);
    expect(een.clienten.crisisopvangPlaatsingen).toBe(2);
    for (const v of [rep, colA, colB]) expect(periodFigures(v.db, JAARP, rotterdam).cijfers.meldingen.totaal).toBeGreaterThan(0);
  });

  it('refuses to add figures of different years', () => {
    const a = periodFigures(colA.db, JAARP, rotterdam);
    const b = periodFigures(colA.db, { jaar: 2024 }, rotterdam);
    expect(() => telOp(a, b)).toThrow(/hetzelfde jaar/);
  });
});

// ---------------------------------------------------------------- round trip

describe('round trip: two colleagues → reporter → release', () => {
  it('the release of the reporter with both colleagues’ count files equals the release of one vault holding all records; the ledger names the files', () => {
    for (const c of [colA, colB]) {
      const t = telbestand(c, JAARP);
      const f = schrijf(`telbestand-${t.telbestandId}.json`, t.tekst);
      const r = lees(rep, readFileSync(f));
      expect(r.status, r.status === 'geweigerd' ? r.reden : '').toBe('ingelezen');
      // The count file is not published: it says so, and holds no readable count.
      const json = JSON.parse(t.tekst) as Record<string, unknown>;
      expect(json.waarschuwing).toMatch(/^Niet publiceren\./);
      expect(Object.keys(json).sort()).toEqual(['efemeer', 'format', 'inhoud', 'nonce', 'ontvanger', 'periode', 'tag', 'versie', 'waarschuwing']);
    }
    const gecombineerd = gecombineerdeCijfers(rep.db, JAARP, rotterdam);
    expect(gecombineerd.bronnen.map((b) => b.ondertekenaar).sort()).toEqual([readProfile(colA.db)!.vingerafdruk, readProfile(colB.db)!.vingerafdruk].sort());

    const now = '2026-01-15T10:00:00.000Z';
    const start = n;
    const viaCombine = bereidVrijgaveVoor(rep.db, vasteCtx(now)(), JAARP);
    n = start;
    const eenKluis = bereidVrijgaveVoor(alles.db, vasteCtx(now)(), JAARP);
    expect(viaCombine.bestand.cellen).toEqual(eenKluis.bestand.cellen);
    expect(viaCombine.bestand.tabellen).toEqual(eenKluis.bestand.tabellen);
    expect(viaCombine.overzicht.vrijgave.waarden).toEqual(eenKluis.overzicht.vrijgave.waarden);
    expect(viaCombine.overzicht.verborgen).toEqual(eenKluis.overzicht.verborgen);
    // The preview data names the combined sources; the published file does not (ids and fingerprints stay in the vault).
    expect(viaCombine.bronnen).toEqual(gecombineerd.bronnen);
    expect(eenKluis.bronnen).toEqual([]);
    for (const b of viaCombine.bronnen) expect(viaCombine.json).not.toContain(b.ondertekenaar);

    legVrijgaveVast(rep.db, rep.ctx(), viaCombine);
    expect(bronnenVanVrijgave(rep.db, viaCombine.bestand.vrijgaveId)).toEqual(gecombineerd.bronnen);
    // Append-only: the record of which files went in cannot be changed.
    expect(() => rep.db.prepare('DELETE FROM tafel_vrijgave_bronnen').run()).toThrow(/append-only/);
  });
});

// ---------------------------------------------------------------- refusals

describe('refusals, each with its reason, storing nothing', () => {
  it('a file encrypted to another reporter’s receiving key', () => {
    const ander = open();
    maakOntvangstsleutel(ander.db, ander.ctx());
    const andereSleutel = ontvangstsleutelBestand(ander.db, ander.ctx());
    const t = telbestand(colA, K1, andereSleutel);
    expect(weigert(rep, t.tekst, 'andere-ontvanger')).toMatch(/niet voor deze ontvangstsleutel gemaakt/);
    // The other reporter can read it (once colleague A is registered there).
    registreerCollega(ander.db, ander.ctx(), { vingerafdruk: readProfile(colA.db)!.vingerafdruk, organisatie: 'essm' });
    expect(lees(ander, t.tekst).status).toBe('ingelezen');
  });

  it('a changed byte in the ciphertext, in the header, or a tag that does not fit: altered', () => {
    const t = telbestand(colA, K1);
    const f = JSON.parse(t.tekst) as Record<string, string>;
    const flip = (b64: string, at: number) => {
      const b = Buffer.from(b64, 'base64');
      expect(at).toBeLessThan(b.length);
      b[at]! ^= 0x01;
      return b.toString('base64');
    };
    const zo = (veranderd: Record<string, unknown>) => `${canoniekeJson({ ...f, ...veranderd })}\n`;
    expect(weigert(rep, zo({ inhoud: flip(f.inhoud!, 40) }), 'veranderd')).toMatch(/veranderd of beschadigd/);
    expect(weigert(rep, zo({ tag: flip(f.tag!, 3) }), 'veranderd')).toMatch(/veranderd/);
    expect(weigert(rep, zo({ nonce: flip(f.nonce!, 0) }), 'veranderd')).toMatch(/veranderd/);
    // The header is bound as associated data: another period on the outside cannot be swapped in.
    expect(weigert(rep, zo({ periode: { jaar: JAAR, kwartaal: 2 } }), 'veranderd')).toMatch(/veranderd/);
    expect(weigert(rep, zo({ efemeer: flip(f.efemeer!, 40) }), 'veranderd')).toMatch(/veranderd/);
    // One changed byte anywhere in the file's text is refused too (any byte of the ciphertext's text).
    const bytes = Buffer.from(t.tekst, 'utf8');
    const midden = t.tekst.indexOf('"inhoud":"') + 20;
    bytes[midden] = bytes[midden] === 0x41 ? 0x42 : 0x41;
    expect(weigert(rep, bytes, 'veranderd')).toMatch(/veranderd/);
    // The untouched file is fine.
    expect(lees(rep, t.tekst).status).toBe('ingelezen');
  });

  it('a signature that does not fit the counts: altered (the file decrypts, the signature fails)', () => {
    const inhoud = gemaakteInhoud(colA, { jaar: JAAR, kwartaal: 2 });
    const ruw = inhoud.ruw as { cijfers: MonitorCijfers };
    ruw.cijfers.meldingen.totaal += 1; // changed after signing
    expect(weigert(rep, versleutelVoor(inhoud, sleutelBestand, { jaar: JAAR, kwartaal: 2 }), 'veranderd')).toMatch(/handtekening .* klopt niet/);
    const sig = gemaakteInhoud(colA, { jaar: JAAR, kwartaal: 2 });
    const h = Buffer.from(sig.handtekening as string, 'base64');
    h[10]! ^= 0x80;
    expect(weigert(rep, versleutelVoor({ ...sig, handtekening: h.toString('base64') }, sleutelBestand, { jaar: JAAR, kwartaal: 2 }), 'veranderd')).toMatch(/handtekening/);
  });

  it('an unknown signer, and a revoked colleague', () => {
    const onbekend = open();
    const t = telbestand(onbekend, K1);
    expect(weigert(rep, t.tekst, 'onbekende-ondertekenaar')).toMatch(/Onbekende ondertekenaar: sleutel [0-9A-F ]+ is niet als collega geregistreerd/);
    const c = registreerCollega(rep.db, rep.ctx(), { vingerafdruk: readProfile(onbekend.db)!.vingerafdruk, organisatie: 'essm' });
    trekCollegaIn(rep.db, rep.ctx(), c.id);
    expect(weigert(rep, telbestand(onbekend, K1).tekst, 'onbekende-ondertekenaar')).toMatch(/ingetrokken/);
    expect(changesOf(rep.db, 'tafelCollega', c.id).map((e) => e.action)).toEqual(['create', 'revoke']);
  });

  it('another organisation: refused when registering, when making, and when a file claims it', async () => {
    const shop = open('shop');
    await expectKkError(() => registreerCollega(rep.db, rep.ctx(), { vingerafdruk: readProfile(shop.db)!.vingerafdruk, organisatie: 'shop' }), 'INVALID_INPUT');
    const e = await expectKkError(() => telbestand(shop, K1), 'INVALID_INPUT');
    expect(e.message).toMatch(/andere organisatie/);
    const e2 = await expectKkError(() => stelOntvangerIn(shop.db, shop.ctx(), ontvangstsleutelTekst(sleutelBestand)), 'INVALID_INPUT');
    expect(e2.message).toMatch(/andere organisatie/);
    // A registered colleague's key over content that names another organisation.
    const inhoud = gemaakteInhoud(colA, { jaar: JAAR, kwartaal: 3 }, (i) => {
      i.organisatie = { id: 'shop', naam: 'SHOP' };
    });
    expect(weigert(rep, versleutelVoor(inhoud, sleutelBestand, { jaar: JAAR, kwartaal: 3 }), 'andere-organisatie')).toMatch(/andere organisatie \(SHOP\)/);
    const regio = gemaakteInhoud(colA, { jaar: JAAR, kwartaal: 3 }, (i) => {
      i.regio = 'den-haag';
    });
    expect(weigert(rep, versleutelVoor(regio, sleutelBestand, { jaar: JAAR, kwartaal: 3 }), 'andere-regio')).toMatch(/andere regio/);
  });

  it('wrong schema or version, outside and inside; a summary for the Tafel is not a count file', () => {
    const t = telbestand(colA, K1);
    const f = JSON.parse(t.tekst) as Record<string, unknown>;
    expect(weigert(rep, canoniekeJson({ ...f, format: 'iets-anders' }), 'schema')).toMatch(/geen telbestand/);
    expect(weigert(rep, canoniekeJson({ ...f, format: 'ketenkluis.tafel' }), 'schema')).toMatch(/overzicht voor de Regionale Tafel/);
    expect(weigert(rep, canoniekeJson({ ...f, versie: 2 }), 'versie')).toMatch(/alleen versie 1/);
    expect(weigert(rep, canoniekeJson({ ...f, extra: 1 }), 'schema')).toMatch(/formaat/);
    expect(weigert(rep, '[1,2,3]', 'schema')).toMatch(/geen telbestand/);
    const v2 = gemaakteInhoud(colA, { jaar: JAAR, kwartaal: 3 }, (i) => {
      i.versie = 2;
    });
    expect(weigert(rep, versleutelVoor(v2, sleutelBestand, { jaar: JAAR, kwartaal: 3 }), 'versie')).toMatch(/alleen versie 1/);
    const kapot = gemaakteInhoud(colA, { jaar: JAAR, kwartaal: 3 }, (i) => {
      delete i.ruw;
    });
    expect(weigert(rep, versleutelVoor(kapot, sleutelBestand, { jaar: JAAR, kwartaal: 3 }), 'schema')).toMatch(/veld "ruw"/);
  });

  it('a vault without a receiving key reads no count file; figures for another year inside are refused', () => {
    const zonder = open();
    expect(weigert(zonder, telbestand(colA, K1).tekst, 'geen-ontvangstsleutel')).toMatch(/nog geen ontvangstsleutel/);
    const anderJaar = gemaakteInhoud(colA, { jaar: JAAR, kwartaal: 3 }, (i) => {
      i.ruw = periodFigures(colA.db, { jaar: 2024 }, rotterdam);
    });
    expect(weigert(rep, versleutelVoor(anderJaar, sleutelBestand, { jaar: JAAR, kwartaal: 3 }), 'schema')).toMatch(/passen niet bij de periode of de regio/);
  });

  it('a truncated file', () => {
    const t = telbestand(colA, K1);
    for (const deel of [0.3, 0.9, 0.999]) expect(weigert(rep, t.tekst.slice(0, Math.floor(t.tekst.length * deel)), 'afgebroken')).toMatch(/onvolledig/);
    expect(weigert(rep, '', 'afgebroken')).toMatch(/onvolledig/);
  });

  it('a period mismatch: not the period asked for, or another period inside than outside', () => {
    const t = telbestand(colB, K1);
    expect(weigert(rep, t.tekst, 'periode', JAARP)).toMatch(/voor kwartaal 1 van 2025, niet voor 2025/);
    const inhoud = gemaakteInhoud(colB, { jaar: JAAR, kwartaal: 2 });
    expect(weigert(rep, versleutelVoor(inhoud, sleutelBestand, { jaar: JAAR, kwartaal: 3 }), 'periode')).toMatch(/niet de periode van de tellingen/);
  });

  it('a receiving-key file that was changed is refused by the colleague', async () => {
    const tekst = ontvangstsleutelTekst(sleutelBestand);
    const b = JSON.parse(tekst) as Record<string, string>;
    const e = await expectKkError(() => leesOntvangstsleutelTekst(canoniekeJson({ ...b, regio: 'den-haag' })), 'INVALID_INPUT');
    expect(e.message).toMatch(/handtekening onder de ontvangstsleutel klopt niet/);
    const ander = open();
    maakOntvangstsleutel(ander.db, ander.ctx());
    const vreemd = ontvangstsleutelBestand(ander.db, ander.ctx());
    // Someone swaps in another key but keeps the fingerprint the reporter read out: refused.
    const e2 = await expectKkError(() => leesOntvangstsleutelTekst(canoniekeJson({ ...b, publiekeSleutel: vreemd.publiekeSleutel })), 'INVALID_INPUT');
    expect(e2.message).toMatch(/past niet bij de vingerafdruk/);
  });
});

// ---------------------------------------------------------------- replay and replacement

describe('replay and replacement', () => {
  it('the same file twice is a replay; a newer file of the same colleague and period replaces the older (recorded), an older one after it is refused; never counted twice', () => {
    const periode: TafelPeriode = { jaar: JAAR, kwartaal: 3 };
    const eigen = periodFigures(rep.db, periode, rotterdam);
    const vanB = periodFigures(colB.db, periode, rotterdam);
    const oud = telbestand(colB, periode, sleutelBestand, '2025-10-02T09:00:00.000Z');
    const r1 = lees(rep, oud.tekst);
    expect(r1.status).toBe('ingelezen');
    expect(weigert(rep, oud.tekst, 'herhaald')).toMatch(/al eerder ingelezen .* maar één keer/);
    // The same bytes with a BOM are the same file by id.
    expect(weigert(rep, `\uFEFF${oud.tekst}`, 'herhaald')).toMatch(/al eerder ingelezen/);
    const eenmaal = gecombineerdeCijfers(rep.db, periode, rotterdam);
    expect(eenmaal.cijfers.meldingen.totaal).toBe(eigen.cijfers.meldingen.totaal + vanB.cijfers.meldingen.totaal);

    // B corrects a record and sends a newer file.
    const nieuw = telbestand(colB, periode, sleutelBestand, '2025-10-09T09:00:00.000Z');
    const r2 = lees(rep, nieuw.tekst);
    expect(r2.status).toBe('ingelezen');
    if (r2.status !== 'ingelezen' || r1.status !== 'ingelezen') return;
    expect(r2.vervangt).toBe(oud.telbestandId);
    expect(r2.melding).toMatch(/vervangt het eerdere telbestand/);
    const lijst = telbestandenVan(rep.db, periode).filter((t) => t.ondertekenaar === readProfile(colB.db)!.vingerafdruk);
    expect(lijst.map((t) => [t.telbestandId, t.vervangenDoor])).toEqual([
      [nieuw.telbestandId, null],
      [oud.telbestandId, nieuw.telbestandId],
    ]);
    expect(changesOf(rep.db, 'tafelTelbestand', oud.telbestandId).map((e) => e.action)).toEqual(['create', 'replace']);
    const na = gecombineerdeCijfers(rep.db, periode, rotterdam);
    expect(na.cijfers.meldingen.totaal).toBe(eigen.cijfers.meldingen.totaal + vanB.cijfers.meldingen.totaal);
    expect(na.bronnen.map((b) => b.telbestandId)).toContain(nieuw.telbestandId);
    expect(na.bronnen.map((b) => b.telbestandId)).not.toContain(oud.telbestandId);

    // A file made between the two, read after the newer one: refused as older.
    expect(weigert(rep, telbestand(colB, periode, sleutelBestand, '2025-10-05T09:00:00.000Z').tekst, 'ouder')).toMatch(/al een nieuwer telbestand/);
    // The replaced file cannot come back either.
    expect(weigert(rep, oud.tekst, 'herhaald')).toMatch(/al eerder ingelezen/);
    // A replaced file is marked once; the row can never be changed back or deleted.
    expect(() => rep.db.prepare('UPDATE tafel_telbestanden SET vervangen_door = NULL WHERE id = ?').run(oud.telbestandId)).toThrow(/append-only/);
    expect(() => rep.db.prepare('DELETE FROM tafel_telbestanden').run()).toThrow(/append-only/);
  });
});

// ---------------------------------------------------------------- the receiving key

describe('the receiving key', () => {
  it('is made once, per profile; a vault without a profile has none', async () => {
    await expectKkError(() => maakOntvangstsleutel(rep.db, rep.ctx()), 'CONFLICT');
    const leeg = openTestVault();
    geopend.push(leeg);
    await expectKkError(() => maakOntvangstsleutel(leeg.db, ownerWriter()), 'PROFILE_MISSING');
    expect(() => rep.db.prepare('DELETE FROM tafel_ontvangstsleutel').run()).toThrow(/append-only/);
    expect(collegas(rep.db).length).toBeGreaterThanOrEqual(2);
    await expectKkError(() => registreerCollega(rep.db, rep.ctx(), { vingerafdruk: readProfile(colA.db)!.vingerafdruk, organisatie: 'essm' }), 'CONFLICT');
    await expectKkError(() => registreerCollega(rep.db, rep.ctx(), { vingerafdruk: readProfile(rep.db)!.vingerafdruk, organisatie: 'essm' }), 'INVALID_INPUT');
  });

  it('its private key never appears in any file written: count files, the key file, releases, or the vault folders', () => {
    const prive = (rep.db.prepare('SELECT sleutel_prive FROM tafel_ontvangstsleutel').get() as { sleutel_prive: Buffer }).sleutel_prive;
    const scalar = prive.subarray(prive.length - 32);
    expect(scalar.length).toBe(32);
    const naalden = [prive, scalar, Buffer.from(scalar.toString('base64')), Buffer.from(scalar.toString('hex')), Buffer.from(prive.toString('base64'))];
    // Write one more of each kind, then search every file: what the tests wrote and every vault folder.
    schrijf('ontvangstsleutel-2.json', ontvangstsleutelTekst(ontvangstsleutelBestand(rep.db, rep.ctx())));
    schrijf('telbestand-extra.json', telbestand(colA, { jaar: JAAR, kwartaal: 4 }).tekst);
    rep.db.pragma('wal_checkpoint(TRUNCATE)');
    const bestanden = [...geschreven, ...geopend.flatMap((v) => readdirSync(v.dir).map((f) => join(v.dir, f)))];
    expect(bestanden.length).toBeGreaterThan(6);
    for (const f of bestanden) {
      const inhoud = readFileSync(f);
      for (const naald of naalden) expect(inhoud.includes(naald), `${f} holds the receiving private key`).toBe(false);
    }
  });
});

describe('a count file’s signed content', () => {
  it('holds the raw figures of exactly the records a release counts, for the reporter’s key only', () => {
    const t = telbestand(colA, JAARP);
    const f = JSON.parse(t.tekst) as { ontvanger: string };
    expect(f.ontvanger).toBe(sleutelBestand.vingerafdruk);
    expect(t.clienten).toBe(periodFigures(colA.db, JAARP, rotterdam).cijfers.clienten.totaal.totaal);
  });
});
