import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { KkError } from '../../../shared/errors';
import { canoniekeJson } from '../../../shared/tafel/file.schema';
import {
  Collega,
  CollegaInvoer,
  Ontvangstsleutel,
  ONTVANGSTSLEUTEL_FORMAAT,
  TELBESTAND_VERSIE,
  type OntvangerInfo,
  type OntvangstsleutelInfo,
} from '../../../shared/tafel/telbestand.schema';
import { changeLog } from '../changelog/changeLog';
import type { WriteContext } from '../changelog/writeContext';
import { inTransaction, stmt, type Db } from '../db/sql';
import { getPartner } from '../profile/partners.repo';
import { keyFingerprint } from '../profile/profile.repo';

/*
 * The combine step's keys and people (issue 14): the reporter's X25519 receiving key, the
 * colleagues the reporter registered by signing fingerprint, and — in a colleague's vault — the
 * reporter's receiving key it makes count files for. Private keys are read here, used and zeroed;
 * they are never returned, logged or written anywhere but the encrypted database.
 */

/** The record kinds of the combine step in the change log. */
export interface SamenvoegenChangeKinds {
  tafelOntvangstsleutel: 'create';
  tafelCollega: 'create' | 'revoke';
  tafelOntvanger: 'create' | 'replace';
  /** Reporter: a count file read in (`replace` on the older file a newer one replaced). */
  tafelTelbestand: 'create' | 'replace';
  /** Colleague: a count file made and written for the reporter. */
  tafelTelbestandGemaakt: 'create';
}
/** The change log of the combine step. */
export const { recordChange, changesOf } = changeLog<SamenvoegenChangeKinds>();

/** The profile's organisation, region and Ed25519 key pair; PROFILE_MISSING without a profile. The caller zeroes `sleutelPrive`. */
export interface ProfielSleutels {
  organisatie: string;
  regio: string;
  sleutelPubliek: Buffer;
  sleutelPrive: Buffer;
}

/** The vault's profile with its signing key; PROFILE_MISSING (Dutch message) when there is none. */
export function profielSleutels(db: Db): ProfielSleutels {
  const p = stmt(db, 'SELECT organisatie, regio, sleutel_publiek, sleutel_prive FROM profiel WHERE enig = 1').get() as
    | { organisatie: string; regio: string; sleutel_publiek: Buffer; sleutel_prive: Buffer }
    | undefined;
  if (!p) throw new KkError('PROFILE_MISSING', 'Deze kluis heeft nog geen profiel. Maak eerst een profiel aan: daarmee krijgt u de sleutel waarmee u ondertekent.');
  return { organisatie: p.organisatie, regio: p.regio, sleutelPubliek: p.sleutel_publiek, sleutelPrive: p.sleutel_prive };
}

/** An Ed25519 signature (base64) over the canonical JSON of `inhoud` without `handtekening`. */
export function tekenCanoniek(inhoud: Record<string, unknown>, pkcs8: Uint8Array): string {
  const { handtekening: _weg, ...rest } = inhoud;
  const key = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(canoniekeJson(rest), 'utf8'), key).toString('base64');
}

/**
 * Checks an Ed25519 signature over the canonical JSON without `handtekening`: the key (SPKI DER
 * base64) must be Ed25519 and have `vingerafdruk`. False for anything that does not hold.
 */
export function kloptHandtekening(inhoud: Record<string, unknown> & { handtekening: string }, sleutelBase64: string, vingerafdruk: string): boolean {
  try {
    const der = Buffer.from(sleutelBase64, 'base64');
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519' || keyFingerprint(der) !== vingerafdruk) return false;
    const { handtekening, ...rest } = inhoud;
    return verify(null, Buffer.from(canoniekeJson(rest), 'utf8'), key, Buffer.from(handtekening, 'base64'));
  } catch {
    return false;
  }
}

/** An X25519 public key from SPKI DER, or null when it is not one. */
export function x25519Sleutel(der: Buffer): KeyObject | null {
  try {
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'x25519' ? key : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- reporter: the receiving key

interface OntvangstsleutelRij {
  id: string;
  organisatie: string;
  sleutel_publiek: Buffer;
  vingerafdruk: string;
  gemaakt_op: string;
}

/** This vault's receiving key as shown (never the private half), or null. */
export function leesOntvangstsleutel(db: Db): OntvangstsleutelInfo | null {
  const r = stmt(db, 'SELECT id, organisatie, sleutel_publiek, vingerafdruk, gemaakt_op FROM tafel_ontvangstsleutel WHERE enig = 1').get() as OntvangstsleutelRij | undefined;
  return r ? { vingerafdruk: r.vingerafdruk, organisatie: r.organisatie, aangemaakt: r.gemaakt_op } : null;
}

/**
 * Creates the receiving key: an X25519 key pair, the private key only in this database. Needs a
 * profile (the key belongs to its organisation). CONFLICT when there is one already: a new key
 * would make every count file already sent for the old one unreadable.
 */
export function maakOntvangstsleutel(db: Db, ctx: WriteContext): OntvangstsleutelInfo {
  const profiel = profielSleutels(db);
  profiel.sleutelPrive.fill(0);
  if (leesOntvangstsleutel(db)) throw new KkError('CONFLICT', 'Deze kluis heeft al een ontvangstsleutel.');
  const id = ctx.newId();
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  try {
    inTransaction(db, () => {
      stmt(db, 'INSERT INTO tafel_ontvangstsleutel (enig, id, organisatie, sleutel_publiek, sleutel_prive, vingerafdruk, gemaakt_op) VALUES (1, ?, ?, ?, ?, ?, ?)').run(
        id,
        profiel.organisatie,
        spki,
        pkcs8,
        keyFingerprint(spki),
        ctx.now,
      );
      recordChange(db, ctx, 'tafelOntvangstsleutel', id, 'create', ['organisatie', 'sleutel']);
    });
  } finally {
    pkcs8.fill(0);
  }
  return leesOntvangstsleutel(db)!;
}

/** The receiving key's private half (PKCS#8 DER) and fingerprint, for decrypting; the caller zeroes it. Null without a key. */
export function ontvangstPrive(db: Db): { sleutelPrive: Buffer; sleutelPubliek: Buffer; vingerafdruk: string; organisatie: string } | null {
  const r = stmt(db, 'SELECT sleutel_prive, sleutel_publiek, vingerafdruk, organisatie FROM tafel_ontvangstsleutel WHERE enig = 1').get() as
    | { sleutel_prive: Buffer; sleutel_publiek: Buffer; vingerafdruk: string; organisatie: string }
    | undefined;
  return r ? { sleutelPrive: r.sleutel_prive, sleutelPubliek: r.sleutel_publiek, vingerafdruk: r.vingerafdruk, organisatie: r.organisatie } : null;
}

/** The receiving-key file for colleagues: organisation, region, public key, fingerprint, signed with the profile key. */
export function ontvangstsleutelBestand(db: Db, ctx: Pick<WriteContext, 'now'>): Ontvangstsleutel {
  const r = stmt(db, 'SELECT id, organisatie, sleutel_publiek, vingerafdruk, gemaakt_op FROM tafel_ontvangstsleutel WHERE enig = 1').get() as OntvangstsleutelRij | undefined;
  if (!r) throw new KkError('INVALID_INPUT', 'Deze kluis heeft nog geen ontvangstsleutel. Maak die eerst aan.', { issues: [{ path: 'ontvangstsleutel', message: 'Geen ontvangstsleutel' }] });
  const profiel = profielSleutels(db);
  try {
    if (profiel.organisatie !== r.organisatie) {
      throw new KkError('INVALID_INPUT', 'De organisatie in uw profiel is veranderd sinds de ontvangstsleutel is gemaakt. Deze sleutel hoort bij de oude organisatie.', {
        issues: [{ path: 'organisatie', message: 'Andere organisatie' }],
      });
    }
    const zonder = {
      format: ONTVANGSTSLEUTEL_FORMAAT,
      versie: TELBESTAND_VERSIE,
      organisatie: { id: r.organisatie, naam: getPartner(db, r.organisatie).naam },
      regio: profiel.regio,
      publiekeSleutel: Buffer.from(r.sleutel_publiek).toString('base64'),
      vingerafdruk: r.vingerafdruk,
      aangemaakt: ctx.now,
      ondertekenaar: keyFingerprint(profiel.sleutelPubliek),
      ondertekenaarSleutel: Buffer.from(profiel.sleutelPubliek).toString('base64'),
    };
    return Ontvangstsleutel.parse({ ...zonder, handtekening: tekenCanoniek(zonder, profiel.sleutelPrive) });
  } finally {
    profiel.sleutelPrive.fill(0);
  }
}

/** The receiving-key file as written: canonical JSON and one line end. */
export function ontvangstsleutelTekst(b: Ontvangstsleutel): string {
  return `${canoniekeJson(b)}\n`;
}

/** A short file name for the receiving-key file (organisation id only, no person). */
export function ontvangstsleutelNaam(db: Db): string {
  const r = leesOntvangstsleutel(db);
  if (!r) throw new KkError('INVALID_INPUT', 'Deze kluis heeft nog geen ontvangstsleutel. Maak die eerst aan.', { issues: [{ path: 'ontvangstsleutel', message: 'Geen ontvangstsleutel' }] });
  return `ontvangstsleutel-${r.organisatie}.json`;
}

/**
 * Reads a receiving-key file (text): the format, the signature, and that the X25519 key has the
 * fingerprint in the file. Refuses with a Dutch reason (INVALID_INPUT).
 */
export function leesOntvangstsleutelTekst(tekst: string): Ontvangstsleutel {
  const fout = (reden: string) => new KkError('INVALID_INPUT', reden, { issues: [{ path: 'ontvangstsleutel', message: reden }] });
  let ruw: unknown;
  try {
    ruw = JSON.parse(tekst.replace(/^\uFEFF/, ''));
  } catch {
    throw fout('Het bestand met de ontvangstsleutel is onvolledig of geen JSON. Vraag de collega die het overzicht maakt om het opnieuw te sturen.');
  }
  if (typeof ruw !== 'object' || ruw === null || (ruw as { format?: unknown }).format !== ONTVANGSTSLEUTEL_FORMAAT) throw fout('Dit is geen ontvangstsleutel van Ketenkluis.');
  if ((ruw as { versie?: unknown }).versie !== TELBESTAND_VERSIE) throw fout('Deze versie van de ontvangstsleutel kennen we niet (alleen versie 1).');
  const parsed = Ontvangstsleutel.safeParse(ruw);
  if (!parsed.success) throw fout(`De ontvangstsleutel klopt niet met het formaat (veld "${parsed.error.issues[0]!.path.join('.') || 'bestand'}").`);
  const b = parsed.data;
  const der = Buffer.from(b.publiekeSleutel, 'base64');
  if (!x25519Sleutel(der) || keyFingerprint(der) !== b.vingerafdruk) throw fout('De sleutel in het bestand past niet bij de vingerafdruk erin. Het bestand is veranderd.');
  if (!kloptHandtekening(b, b.ondertekenaarSleutel, b.ondertekenaar)) throw fout('De handtekening onder de ontvangstsleutel klopt niet: het bestand is veranderd.');
  return b;
}

/** The receiving-key file checked against this vault's profile: same organisation and region, or INVALID_INPUT in Dutch. */
export function ontvangstsleutelVoorProfiel(b: Ontvangstsleutel, profiel: Pick<ProfielSleutels, 'organisatie' | 'regio'>): Ontvangstsleutel {
  if (b.organisatie.id !== profiel.organisatie) {
    throw new KkError('INVALID_INPUT', `Deze ontvangstsleutel is van een andere organisatie (${b.organisatie.naam}). Tellingen gaan alleen naar een collega van uw eigen organisatie.`, {
      issues: [{ path: 'organisatie', message: 'Andere organisatie' }],
    });
  }
  if (b.regio !== profiel.regio) {
    throw new KkError('INVALID_INPUT', 'Deze ontvangstsleutel hoort bij een andere regio dan uw profiel.', { issues: [{ path: 'regio', message: 'Andere regio' }] });
  }
  return b;
}

// ---------------------------------------------------------------- colleague: the reporter's key

/** The reporter's receiving key stored in this (colleague's) vault, or null. */
export function leesOntvanger(db: Db): (OntvangerInfo & { bestand: Ontvangstsleutel }) | null {
  const r = stmt(db, 'SELECT bestand, vingerafdruk, organisatie, organisatie_naam, ondertekenaar, ingesteld_op FROM tafel_ontvanger WHERE enig = 1').get() as
    | { bestand: string; vingerafdruk: string; organisatie: string; organisatie_naam: string; ondertekenaar: string; ingesteld_op: string }
    | undefined;
  if (!r) return null;
  return {
    vingerafdruk: r.vingerafdruk,
    organisatie: r.organisatie,
    organisatieNaam: r.organisatie_naam,
    ondertekenaar: r.ondertekenaar,
    ingesteld: r.ingesteld_op,
    bestand: Ontvangstsleutel.parse(JSON.parse(r.bestand)),
  };
}

/** Stores the reporter's receiving key (checked, of this profile's organisation and region), replacing an earlier one. */
export function stelOntvangerIn(db: Db, ctx: WriteContext, tekst: string): OntvangerInfo {
  const profiel = profielSleutels(db);
  profiel.sleutelPrive.fill(0);
  const b = ontvangstsleutelVoorProfiel(leesOntvangstsleutelTekst(tekst), profiel);
  inTransaction(db, () => {
    const eerder = stmt(db, 'SELECT id FROM tafel_ontvanger WHERE enig = 1').get() as { id: string } | undefined;
    const id = eerder?.id ?? ctx.newId();
    stmt(
      db,
      `INSERT INTO tafel_ontvanger (enig, id, bestand, vingerafdruk, organisatie, organisatie_naam, ondertekenaar, ingesteld_op) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (enig) DO UPDATE SET bestand = excluded.bestand, vingerafdruk = excluded.vingerafdruk, organisatie = excluded.organisatie,
         organisatie_naam = excluded.organisatie_naam, ondertekenaar = excluded.ondertekenaar, ingesteld_op = excluded.ingesteld_op`,
    ).run(id, canoniekeJson(b), b.vingerafdruk, b.organisatie.id, b.organisatie.naam, b.ondertekenaar, ctx.now);
    recordChange(db, ctx, 'tafelOntvanger', id, eerder ? 'replace' : 'create', ['vingerafdruk', 'organisatie', 'ondertekenaar']);
  });
  const { bestand: _b, ...info } = leesOntvanger(db)!;
  return info;
}

// ---------------------------------------------------------------- reporter: colleagues

interface CollegaRij {
  id: string;
  vingerafdruk: string;
  organisatie: string;
  omschrijving: string;
  geregistreerd_op: string;
  ingetrokken_op: string | null;
}
const naarCollega = (r: CollegaRij): Collega => ({
  id: r.id,
  vingerafdruk: r.vingerafdruk,
  organisatie: r.organisatie,
  omschrijving: r.omschrijving,
  geregistreerd: r.geregistreerd_op,
  ingetrokken: r.ingetrokken_op,
});
const COLLEGA_KOLOMMEN = 'id, vingerafdruk, organisatie, omschrijving, geregistreerd_op, ingetrokken_op';

/** Every registered colleague, oldest first (revoked ones too). */
export function collegas(db: Db): Collega[] {
  return (stmt(db, `SELECT ${COLLEGA_KOLOMMEN} FROM tafel_collegas ORDER BY geregistreerd_op, id`).all() as CollegaRij[]).map(naarCollega);
}

/** The active registration of a signing fingerprint, or the last revoked one, or null. */
export function collegaVan(db: Db, vingerafdruk: string): Collega | null {
  const r = stmt(db, `SELECT ${COLLEGA_KOLOMMEN} FROM tafel_collegas WHERE vingerafdruk = ? ORDER BY ingetrokken_op IS NULL DESC, geregistreerd_op DESC LIMIT 1`).get(vingerafdruk) as CollegaRij | undefined;
  return r ? naarCollega(r) : null;
}

/**
 * Registers a colleague by signing fingerprint. The organisation must be the profile's own; the
 * vault's own signing key is not a colleague (its figures count already). CONFLICT when the
 * fingerprint is registered and active.
 */
export function registreerCollega(db: Db, ctx: WriteContext, invoer: CollegaInvoer): Collega {
  const i = CollegaInvoer.parse(invoer);
  const profiel = profielSleutels(db);
  profiel.sleutelPrive.fill(0);
  if (i.organisatie !== profiel.organisatie) {
    throw new KkError('INVALID_INPUT', 'Een collega hoort bij uw eigen organisatie. Tellingen van een andere organisatie tellen niet mee in uw overzicht.', {
      issues: [{ path: 'organisatie', message: 'Andere organisatie dan uw profiel' }],
    });
  }
  if (i.vingerafdruk === keyFingerprint(profiel.sleutelPubliek)) {
    throw new KkError('INVALID_INPUT', 'Dit is de vingerafdruk van uw eigen kluis. Uw eigen cijfers tellen al mee.', { issues: [{ path: 'vingerafdruk', message: 'Eigen sleutel' }] });
  }
  const bestaand = collegaVan(db, i.vingerafdruk);
  if (bestaand && bestaand.ingetrokken === null) throw new KkError('CONFLICT', 'Deze collega is al geregistreerd.');
  const id = ctx.newId();
  inTransaction(db, () => {
    stmt(db, 'INSERT INTO tafel_collegas (id, vingerafdruk, organisatie, omschrijving, geregistreerd_op, ingetrokken_op) VALUES (?, ?, ?, ?, ?, NULL)').run(
      id,
      i.vingerafdruk,
      i.organisatie,
      i.omschrijving,
      ctx.now,
    );
    recordChange(db, ctx, 'tafelCollega', id, 'create', ['vingerafdruk', 'organisatie', 'omschrijving']);
  });
  return naarCollega(stmt(db, `SELECT ${COLLEGA_KOLOMMEN} FROM tafel_collegas WHERE id = ?`).get(id) as CollegaRij);
}

/** Revokes a colleague: new files signed with that key are refused from now on. NOT_FOUND, or CONFLICT when revoked already. */
export function trekCollegaIn(db: Db, ctx: WriteContext, id: string): Collega {
  const r = stmt(db, `SELECT ${COLLEGA_KOLOMMEN} FROM tafel_collegas WHERE id = ?`).get(id) as CollegaRij | undefined;
  if (!r) throw new KkError('NOT_FOUND', 'Deze collega is niet geregistreerd.');
  if (r.ingetrokken_op !== null) throw new KkError('CONFLICT', 'Deze collega is al ingetrokken.');
  inTransaction(db, () => {
    stmt(db, 'UPDATE tafel_collegas SET ingetrokken_op = ? WHERE id = ?').run(ctx.now, id);
    recordChange(db, ctx, 'tafelCollega', id, 'revoke', ['ingetrokken']);
  });
  return naarCollega(stmt(db, `SELECT ${COLLEGA_KOLOMMEN} FROM tafel_collegas WHERE id = ?`).get(id) as CollegaRij);
}
