import { toonDatum } from '../../../shared/verstrekkingen/weergave';
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { gemeenteGroep } from '../../../shared/casework/gemeenten';
import { Regio } from '../../../shared/casework/gemeenten.schema';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import { KkError } from '../../../shared/errors';
import { canoniekeJson } from '../../../shared/tafel/file.schema';
import { periodeSleutel, type TafelPeriode } from '../../../shared/tafel/tafel.schema';
import {
  RuweCijfers,
  Telbestand,
  TELBESTAND_FORMAAT,
  TELBESTAND_VERSIE,
  TELBESTAND_WAARSCHUWING,
  TelInhoud,
  TELINHOUD_FORMAAT,
  type OntvangenTelbestand,
  type Ontvangstsleutel,
  type TelbestandKop,
  type TelWeigering,
} from '../../../shared/tafel/telbestand.schema';
import type { WriteContext } from '../changelog/writeContext';
import { inTransaction, stmt, type Db } from '../db/sql';
import { getPartner } from '../profile/partners.repo';
import { keyFingerprint } from '../profile/profile.repo';
import { periodFigures, STATISTISCHE_GRONDSLAG } from './periodFigures';
import { collegaVan, kloptHandtekening, ontvangstPrive, ontvangstsleutelVoorProfiel, profielSleutels, recordChange, tekenCanoniek, x25519Sleutel } from './ontvangst';

/*
 * Count files (issue 14): a colleague's raw figures for one period, signed (Ed25519, canonical
 * JSON as sign.ts does for summaries) and encrypted to the reporter's receiving key:
 *   ephemeral X25519 → ECDH with the receiving key → HKDF-SHA-256 (salt: both public keys, info:
 *   format and version) → AES-256-GCM with a random 96-bit nonce, the header as associated data.
 * The header names format, version, the never-publish warning, the period and the receiving
 * key's fingerprint; changing any of it makes the GCM check fail. Reading one checks everything
 * before anything is stored, and stores nothing on a refusal.
 */

/** A count file is small (tens of kilobytes); anything much larger is not one. */
export const MAX_TELBESTAND_BYTES = 4 * 1024 * 1024;
const HKDF_INFO = Buffer.from(`${TELBESTAND_FORMAAT}/${TELBESTAND_VERSIE}`, 'utf8');

function sleutelVoor(gedeeld: Buffer, efemeerSpki: Buffer, ontvangerSpki: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', gedeeld, Buffer.concat([efemeerSpki, ontvangerSpki]), HKDF_INFO, 32));
}

/** The bytes the GCM tag binds: the canonical JSON of the header. */
function aad(kop: TelbestandKop): Buffer {
  return Buffer.from(canoniekeJson(kop), 'utf8');
}

/** The header part of a count file (everything but the ciphertext and tag). */
function kopVan(b: Telbestand): TelbestandKop {
  const { inhoud: _i, tag: _t, ...kop } = b;
  return kop;
}

const periodeTekst = (p: TafelPeriode) => (p.kwartaal === undefined ? `${p.jaar}` : `kwartaal ${p.kwartaal} van ${p.jaar}`);
const zelfdePeriode = (a: TafelPeriode, b: TafelPeriode) => a.jaar === b.jaar && a.kwartaal === b.kwartaal;

/** The totals a person recognises a count file by. */
export function telTotalen(ruw: RuweCijfers): { clienten: number; meldingen: number } {
  return { clienten: ruw.cijfers.clienten.totaal.totaal, meldingen: ruw.cijfers.meldingen.totaal };
}

/** A count file made: its text (canonical JSON, one line end), its id and what it holds. */
export interface GemaaktTelbestand {
  tekst: string;
  telbestandId: string;
  periode: TafelPeriode;
  ontvanger: string;
  ondertekenaar: string;
  clienten: number;
  meldingen: number;
  aangemaakt: string;
}

/**
 * Encrypts signed content to a receiving key and returns the count file's text: ephemeral X25519,
 * ECDH, HKDF-SHA-256, AES-256-GCM with the header (naming `periode` and the key's fingerprint) as
 * associated data. Exported for `maakTelbestand` and for tests that build wrong files on purpose.
 */
export function versleutelVoor(inhoud: unknown, voor: Pick<Ontvangstsleutel, 'publiekeSleutel' | 'vingerafdruk'>, periode: TafelPeriode): string {
  const ontvangerSpki = Buffer.from(voor.publiekeSleutel, 'base64');
  const ontvangerKey = x25519Sleutel(ontvangerSpki);
  if (!ontvangerKey) throw new KkError('INVALID_INPUT', 'De ontvangstsleutel is geen geldige sleutel.', { issues: [{ path: 'ontvangstsleutel', message: 'Ongeldige sleutel' }] });
  const efemeer = generateKeyPairSync('x25519');
  const efemeerSpki = efemeer.publicKey.export({ type: 'spki', format: 'der' });
  const gedeeld = diffieHellman({ privateKey: efemeer.privateKey, publicKey: ontvangerKey });
  const sleutel = sleutelVoor(gedeeld, efemeerSpki, ontvangerSpki);
  gedeeld.fill(0);
  const nonce = randomBytes(12);
  const kop: TelbestandKop = {
    format: TELBESTAND_FORMAAT,
    versie: TELBESTAND_VERSIE,
    waarschuwing: TELBESTAND_WAARSCHUWING,
    periode,
    ontvanger: voor.vingerafdruk,
    efemeer: efemeerSpki.toString('base64'),
    nonce: nonce.toString('base64'),
  };
  const cipher = createCipheriv('aes-256-gcm', sleutel, nonce);
  cipher.setAAD(aad(kop));
  const platte = Buffer.from(canoniekeJson(inhoud), 'utf8');
  const versleuteld = Buffer.concat([cipher.update(platte), cipher.final()]);
  platte.fill(0);
  sleutel.fill(0);
  const bestand = Telbestand.parse({ ...kop, inhoud: versleuteld.toString('base64'), tag: cipher.getAuthTag().toString('base64') });
  return `${canoniekeJson(bestand)}\n`;
}

/**
 * Makes the count file of a period for a receiving key: this vault's raw figures (`periodFigures`:
 * the same records a release counts), signed with the profile key and encrypted to the key.
 * Writes nothing; `legGemaaktVast` records it. PROFILE_MISSING without a profile; INVALID_INPUT
 * (Dutch) for a receiving key of another organisation or region.
 */
export function maakTelbestand(db: Db, ctx: Pick<WriteContext, 'now' | 'newId'>, periode: TafelPeriode, voor: Ontvangstsleutel): GemaaktTelbestand {
  const profiel = profielSleutels(db);
  try {
    ontvangstsleutelVoorProfiel(voor, profiel);
    const ontvangerSpki = Buffer.from(voor.publiekeSleutel, 'base64');
    const ontvangerKey = x25519Sleutel(ontvangerSpki);
    if (!ontvangerKey || keyFingerprint(ontvangerSpki) !== voor.vingerafdruk) {
      throw new KkError('INVALID_INPUT', 'De ontvangstsleutel is geen geldige sleutel.', { issues: [{ path: 'ontvangstsleutel', message: 'Ongeldige sleutel' }] });
    }
    const regio = regioGemeenten(Regio.parse(profiel.regio));
    const ruw: RuweCijfers = periodFigures(db, periode, regio);
    const telbestandId = ctx.newId();
    const zonder = {
      format: TELINHOUD_FORMAAT,
      versie: TELBESTAND_VERSIE,
      telbestandId,
      organisatie: { id: profiel.organisatie, naam: getPartner(db, profiel.organisatie).naam },
      regio: profiel.regio,
      periode,
      ontvanger: voor.vingerafdruk,
      ruw,
      grondslag: STATISTISCHE_GRONDSLAG,
      aangemaakt: ctx.now,
      ondertekenaar: keyFingerprint(profiel.sleutelPubliek),
      publiekeSleutel: Buffer.from(profiel.sleutelPubliek).toString('base64'),
    };
    // Signed as parsed, so the signature covers exactly the bytes the reader will check.
    const getekend = TelInhoud.omit({ handtekening: true }).parse(zonder);
    const inhoud = TelInhoud.parse({ ...getekend, handtekening: tekenCanoniek(getekend, profiel.sleutelPrive) });

    const tekst = versleutelVoor(inhoud, voor, periode);
    return {
      tekst,
      telbestandId,
      periode,
      ontvanger: voor.vingerafdruk,
      ondertekenaar: inhoud.ondertekenaar,
      ...telTotalen(ruw),
      aangemaakt: ctx.now,
    };
  } finally {
    profiel.sleutelPrive.fill(0);
  }
}

/** Records in the colleague's vault that a count file was made (a change event; the counts are not kept). */
export function legGemaaktVast(db: Db, ctx: WriteContext, t: GemaaktTelbestand): void {
  inTransaction(db, () => recordChange(db, ctx, 'tafelTelbestandGemaakt', t.telbestandId, 'create', ['periode', 'ontvanger', 'cijfers']));
}

/** A suggested file name: organisation, period and the first group of the signing fingerprint (no person). */
export function telbestandNaam(db: Db, periode: TafelPeriode): string {
  const profiel = profielSleutels(db);
  profiel.sleutelPrive.fill(0);
  return `telbestand-${profiel.organisatie}-${periodeSleutel(periode)}-${keyFingerprint(profiel.sleutelPubliek).slice(0, 4)}.json`;
}

// ---------------------------------------------------------------- reading (reporter)

/** The outcome of reading a count file. */
export type LeesUitkomst =
  | { status: 'ingelezen'; telbestand: OntvangenTelbestand; vervangt: string | null; melding: string }
  | { status: 'geweigerd'; soort: TelWeigering; reden: string };

type Gecontroleerd = { ok: true; inhoud: TelInhoud; collegaId: string; vorige: { id: string; aangemaakt: string } | null; hash: string } | { ok: false; soort: TelWeigering; reden: string };

const weiger = (soort: TelWeigering, reden: string): Gecontroleerd => ({ ok: false, soort, reden });

/**
 * Every check of a count file against this vault, in order; reads nothing into the vault. The
 * reasons are Dutch, for the reporter.
 */
export function controleerTelbestand(db: Db, bytes: Buffer, verwacht?: TafelPeriode): Gecontroleerd {
  if (bytes.length > MAX_TELBESTAND_BYTES) return weiger('schema', 'Dit bestand is veel groter dan een telbestand. Het is geen telbestand van Ketenkluis.');
  const hash = createHash('sha256').update(bytes).digest('hex');
  let ruw: unknown;
  try {
    ruw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return weiger('afgebroken', 'Het telbestand is onvolledig of geen JSON. Misschien is het afgebroken bij het kopiëren. Vraag uw collega om het opnieuw te sturen.');
  }
  if (typeof ruw !== 'object' || ruw === null || Array.isArray(ruw)) return weiger('schema', 'Dit is geen telbestand van Ketenkluis.');
  const format = (ruw as { format?: unknown }).format;
  if (format === 'ketenkluis.tafel') return weiger('schema', 'Dit is een overzicht voor de Regionale Tafel, geen telbestand van een collega.');
  if (format !== TELBESTAND_FORMAAT) return weiger('schema', 'Dit is geen telbestand van Ketenkluis (het formaat is niet "ketenkluis.telbestand").');
  if ((ruw as { versie?: unknown }).versie !== TELBESTAND_VERSIE) return weiger('versie', 'Deze versie van het telbestand kennen we niet (alleen versie 1). Vraag uw collega om Ketenkluis bij te werken of het bestand opnieuw te maken.');
  const parsed = Telbestand.safeParse(ruw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return weiger('schema', `Het telbestand klopt niet met het formaat (veld "${issue.path.join('.') || 'bestand'}"). Het is niet door Ketenkluis gemaakt, of het is veranderd of afgebroken.`);
  }
  const bestand = parsed.data;

  const sleutel = ontvangstPrive(db);
  if (!sleutel) return weiger('geen-ontvangstsleutel', 'Deze kluis heeft nog geen ontvangstsleutel. Alleen de collega die het overzicht maakt, kan telbestanden inlezen.');
  let inhoud: TelInhoud;
  try {
    if (bestand.ontvanger !== sleutel.vingerafdruk) {
      return weiger(
        'andere-ontvanger',
        `Dit telbestand is niet voor deze ontvangstsleutel gemaakt (maar voor sleutel ${bestand.ontvanger}). Vraag uw collega om een telbestand voor uw ontvangstsleutel ${sleutel.vingerafdruk}.`,
      );
    }
    const veranderd = weiger('veranderd', 'Het telbestand is veranderd of beschadigd: het is niet te ontsleutelen. Vraag uw collega om het opnieuw te sturen.');
    const efemeerSpki = Buffer.from(bestand.efemeer, 'base64');
    const efemeer = x25519Sleutel(efemeerSpki);
    if (!efemeer) return veranderd;
    let platte: Buffer;
    try {
      const prive = createPrivateKey({ key: sleutel.sleutelPrive, format: 'der', type: 'pkcs8' });
      const gedeeld = diffieHellman({ privateKey: prive, publicKey: efemeer });
      const k = sleutelVoor(gedeeld, efemeerSpki, sleutel.sleutelPubliek);
      gedeeld.fill(0);
      const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(bestand.nonce, 'base64'));
      decipher.setAAD(aad(kopVan(bestand)));
      decipher.setAuthTag(Buffer.from(bestand.tag, 'base64'));
      platte = Buffer.concat([decipher.update(Buffer.from(bestand.inhoud, 'base64')), decipher.final()]);
      k.fill(0);
    } catch {
      return veranderd;
    }
    let inhoudRuw: unknown;
    try {
      inhoudRuw = JSON.parse(platte.toString('utf8'));
    } finally {
      platte.fill(0);
    }
    if ((inhoudRuw as { versie?: unknown } | null)?.versie !== TELBESTAND_VERSIE) return weiger('versie', 'Deze versie van het telbestand kennen we niet (alleen versie 1).');
    const p = TelInhoud.safeParse(inhoudRuw);
    if (!p.success) return weiger('schema', `De inhoud van het telbestand klopt niet met het formaat (veld "${p.error.issues[0]!.path.join('.') || 'inhoud'}").`);
    inhoud = p.data;
  } finally {
    sleutel.sleutelPrive.fill(0);
  }

  if (!kloptHandtekening(inhoud, inhoud.publiekeSleutel, inhoud.ondertekenaar)) {
    return weiger('veranderd', 'De handtekening in het telbestand klopt niet: de tellingen zijn na het ondertekenen veranderd.');
  }
  if (inhoud.ontvanger !== bestand.ontvanger) return weiger('veranderd', 'De ontvanger in het telbestand past niet bij de ondertekende inhoud. Het bestand is veranderd.');
  if (!zelfdePeriode(inhoud.periode, bestand.periode)) {
    return weiger('periode', `De periode buiten op het telbestand (${periodeTekst(bestand.periode)}) is niet de periode van de tellingen (${periodeTekst(inhoud.periode)}).`);
  }
  const collega = collegaVan(db, inhoud.ondertekenaar);
  if (!collega) {
    return weiger(
      'onbekende-ondertekenaar',
      `Onbekende ondertekenaar: sleutel ${inhoud.ondertekenaar} is niet als collega geregistreerd. Vergelijk de vingerafdruk met uw collega (bijvoorbeeld telefonisch) en registreer hem eerst.`,
    );
  }
  if (collega.ingetrokken !== null) return weiger('onbekende-ondertekenaar', `De collega met sleutel ${inhoud.ondertekenaar} is ingetrokken. Nieuwe telbestanden van deze sleutel tellen niet mee.`);

  const profiel = profielSleutels(db);
  profiel.sleutelPrive.fill(0);
  if (inhoud.organisatie.id !== profiel.organisatie || collega.organisatie !== profiel.organisatie || sleutel.organisatie !== profiel.organisatie) {
    return weiger('andere-organisatie', `Dit telbestand is van een andere organisatie (${inhoud.organisatie.naam}). Alleen tellingen van uw eigen organisatie tellen mee.`);
  }
  if (inhoud.regio !== profiel.regio) return weiger('andere-regio', 'Dit telbestand is voor een andere regio dan uw profiel. De tellingen per gemeente passen dan niet.');
  const regio = regioGemeenten(Regio.parse(profiel.regio));
  if (inhoud.ruw.cijfers.jaar !== inhoud.periode.jaar || inhoud.ruw.cijfers.regio !== regio.naam || Object.keys(inhoud.ruw.perGemeente).some((g) => gemeenteGroep(g, regio) !== 'regio')) {
    return weiger('schema', 'De tellingen in het telbestand passen niet bij de periode of de regio. Het bestand is niet door Ketenkluis gemaakt.');
  }
  if (verwacht && !zelfdePeriode(verwacht, inhoud.periode)) {
    return weiger('periode', `Dit telbestand is voor ${periodeTekst(inhoud.periode)}, niet voor ${periodeTekst(verwacht)}.`);
  }

  const gezien = stmt(db, 'SELECT id, ingelezen_op FROM tafel_telbestanden WHERE id = ? OR bestand_hash = ?').get(inhoud.telbestandId, hash) as { id: string; ingelezen_op: string } | undefined;
  if (gezien) return weiger('herhaald', `Dit telbestand is al eerder ingelezen (op ${toonDatum(gezien.ingelezen_op)}). Een telbestand telt maar één keer.`);
  const vorige = stmt(db, 'SELECT id, aangemaakt FROM tafel_telbestanden WHERE ondertekenaar = ? AND jaar = ? AND coalesce(kwartaal, 0) = ? AND vervangen_door IS NULL').get(
    inhoud.ondertekenaar,
    inhoud.periode.jaar,
    inhoud.periode.kwartaal ?? 0,
  ) as { id: string; aangemaakt: string } | undefined;
  if (vorige && Date.parse(vorige.aangemaakt) >= Date.parse(inhoud.aangemaakt)) {
    return weiger('ouder', `U hebt van deze collega al een nieuwer telbestand voor ${periodeTekst(inhoud.periode)} ingelezen. Het oudere bestand telt niet.`);
  }
  return { ok: true, inhoud, collegaId: collega.id, vorige: vorige ?? null, hash };
}

interface TelbestandRij {
  id: string;
  collega_id: string;
  ondertekenaar: string;
  jaar: number;
  kwartaal: number | null;
  aangemaakt: string;
  ingelezen_op: string;
  ruw: string;
  vervangen_door: string | null;
}
const TELBESTAND_KOLOMMEN = 'id, collega_id, ondertekenaar, jaar, kwartaal, aangemaakt, ingelezen_op, ruw, vervangen_door';

function naarOntvangen(r: TelbestandRij): OntvangenTelbestand {
  const ruw = RuweCijfers.parse(JSON.parse(r.ruw));
  return {
    telbestandId: r.id,
    ondertekenaar: r.ondertekenaar,
    collegaId: r.collega_id,
    periode: r.kwartaal === null ? { jaar: r.jaar } : { jaar: r.jaar, kwartaal: r.kwartaal as 1 | 2 | 3 | 4 },
    aangemaakt: r.aangemaakt,
    ingelezen: r.ingelezen_op,
    vervangenDoor: r.vervangen_door,
    ...telTotalen(ruw),
  };
}

/**
 * Reads a count file into the reporter's vault: every check of `controleerTelbestand`, then, in
 * one transaction, the raw counts stored and a change event; an older file of the same colleague
 * and period is marked replaced (and its own event). On a refusal nothing is written.
 */
export function leesTelbestandIn(db: Db, ctx: WriteContext, bytes: Buffer, verwacht?: TafelPeriode): LeesUitkomst {
  const c = controleerTelbestand(db, bytes, verwacht);
  if (!c.ok) return { status: 'geweigerd', soort: c.soort, reden: c.reden };
  const { inhoud, vorige } = c;
  inTransaction(db, () => {
    if (vorige) {
      stmt(db, 'UPDATE tafel_telbestanden SET vervangen_door = ? WHERE id = ?').run(inhoud.telbestandId, vorige.id);
      recordChange(db, ctx, 'tafelTelbestand', vorige.id, 'replace', ['vervangenDoor']);
    }
    stmt(db, `INSERT INTO tafel_telbestanden (id, collega_id, ondertekenaar, jaar, kwartaal, aangemaakt, ingelezen_op, ruw, bestand_hash, vervangen_door) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`).run(
      inhoud.telbestandId,
      c.collegaId,
      inhoud.ondertekenaar,
      inhoud.periode.jaar,
      inhoud.periode.kwartaal ?? null,
      inhoud.aangemaakt,
      ctx.now,
      canoniekeJson(inhoud.ruw),
      c.hash,
    );
    recordChange(db, ctx, 'tafelTelbestand', inhoud.telbestandId, 'create', ['periode', 'ondertekenaar', 'cijfers']);
  });
  const telbestand = naarOntvangen(stmt(db, `SELECT ${TELBESTAND_KOLOMMEN} FROM tafel_telbestanden WHERE id = ?`).get(inhoud.telbestandId) as TelbestandRij);
  const melding =
    `Telbestand ingelezen: ${periodeTekst(inhoud.periode)}, ondertekend met sleutel ${inhoud.ondertekenaar}; ${telbestand.clienten} cliënten en ${telbestand.meldingen} meldingen.` +
    (vorige ? ' Het vervangt het eerdere telbestand van deze collega voor deze periode.' : '');
  return { status: 'ingelezen', telbestand, vervangt: vorige?.id ?? null, melding };
}

/** The count files read for a period (current and replaced), newest first. */
export function telbestandenVan(db: Db, periode: TafelPeriode): OntvangenTelbestand[] {
  const rows = stmt(db, `SELECT ${TELBESTAND_KOLOMMEN} FROM tafel_telbestanden WHERE jaar = ? AND coalesce(kwartaal, 0) = ? ORDER BY ingelezen_op DESC, id DESC`).all(
    periode.jaar,
    periode.kwartaal ?? 0,
  ) as TelbestandRij[];
  return rows.map(naarOntvangen);
}

/** The current (not replaced) count files of a period with their raw counts, in id order. */
export function geldigeTelbestanden(db: Db, periode: TafelPeriode): Array<{ telbestandId: string; ondertekenaar: string; ruw: RuweCijfers }> {
  const rows = stmt(db, 'SELECT id, ondertekenaar, ruw FROM tafel_telbestanden WHERE jaar = ? AND coalesce(kwartaal, 0) = ? AND vervangen_door IS NULL ORDER BY id').all(
    periode.jaar,
    periode.kwartaal ?? 0,
  ) as Array<{ id: string; ondertekenaar: string; ruw: string }>;
  return rows.map((r) => ({ telbestandId: r.id, ondertekenaar: r.ondertekenaar, ruw: RuweCijfers.parse(JSON.parse(r.ruw)) }));
}
