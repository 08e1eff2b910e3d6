import { createHash } from 'node:crypto';
import { KkError } from '../../../shared/errors';
import { TafelBestand } from '../../../shared/tafel/file.schema';
import { periodeTekst } from '../../../shared/tafel/monitor';
import { OndertekenaarInvoer, type ImportUitkomst, type Ondertekenaar, type Ontvangen, type WeigerSoort } from '../../../shared/tafel/monitor.schema';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { changeLog } from '../changelog/changeLog';
import type { WriteContext } from '../changelog/writeContext';
import { inTransaction, stmt, type Db } from '../db/sql';
import { beoordeel } from './monitorOntvangst';

/**
 * Tafel mode's records (migration 0120): the registered signing keys of the organisations, the
 * imported summaries (their bytes verbatim) and every release id ever seen. Importing verifies a
 * file completely before anything is written; a refused file leaves no trace but its reason.
 */

/** The record kinds of tafel mode in the change log. */
export interface TafelModusChangeKinds {
  tafelOndertekenaar: 'create' | 'retire';
  tafelOntvangst: 'create' | 'replace';
}
/** The change log of tafel mode. */
export const { recordChange, changesOf } = changeLog<TafelModusChangeKinds>();

/** A summary file is small; anything larger is not one. */
export const MAX_OVERZICHT_BYTES = 20 * 1024 * 1024;

interface OndertekenaarRij {
  id: string;
  naam: string;
  organisatie_id: string;
  vingerafdruk: string;
  geregistreerd_op: string;
  ingetrokken_op: string | null;
  ingetrokken_reden: string | null;
  ontvangen: number;
}

const ONDERTEKENAAR_SELECT = `SELECT o.*, (SELECT count(*) FROM tafel_ontvangen r WHERE r.ondertekenaar_id = o.id) AS ontvangen FROM tafel_ondertekenaars o`;

function naarOndertekenaar(r: OndertekenaarRij): Ondertekenaar {
  return {
    id: r.id,
    naam: r.naam,
    organisatieId: r.organisatie_id,
    vingerafdruk: r.vingerafdruk,
    geregistreerdOp: r.geregistreerd_op,
    ingetrokkenOp: r.ingetrokken_op,
    ingetrokkenReden: r.ingetrokken_reden,
    ontvangen: r.ontvangen,
  };
}

/** The registered signing keys: active first (by name), then retired. */
export function ondertekenaars(db: Db): Ondertekenaar[] {
  const rows = stmt(db, `${ONDERTEKENAAR_SELECT} ORDER BY o.ingetrokken_op IS NOT NULL, o.naam, o.geregistreerd_op`).all() as OndertekenaarRij[];
  return rows.map(naarOndertekenaar);
}

function ondertekenaar(db: Db, id: string): Ondertekenaar {
  const r = stmt(db, `${ONDERTEKENAAR_SELECT} WHERE o.id = ?`).get(id) as OndertekenaarRij | undefined;
  if (!r) throw new KkError('NOT_FOUND', 'Deze sleutel is niet geregistreerd');
  return naarOndertekenaar(r);
}

/** Registers an organisation's signing key. A fingerprint registered before (also a retired one) is refused. */
export function registreerOndertekenaar(db: Db, ctx: WriteContext, invoer: OndertekenaarInvoer): Ondertekenaar {
  const v = OndertekenaarInvoer.parse(invoer);
  const bestaand = stmt(db, 'SELECT naam, ingetrokken_op FROM tafel_ondertekenaars WHERE vingerafdruk = ?').get(v.vingerafdruk) as { naam: string; ingetrokken_op: string | null } | undefined;
  if (bestaand) {
    throw new KkError('CONFLICT', `Deze vingerafdruk is al geregistreerd voor ${bestaand.naam}${bestaand.ingetrokken_op ? ' (ingetrokken)' : ''}.`);
  }
  const id = ctx.newId();
  stmt(db, 'INSERT INTO tafel_ondertekenaars (id, naam, organisatie_id, vingerafdruk, geregistreerd_op) VALUES (?, ?, ?, ?, ?)').run(id, v.naam, v.organisatieId, v.vingerafdruk, ctx.now);
  recordChange(db, ctx, 'tafelOndertekenaar', id, 'create', ['naam', 'organisatieId', 'vingerafdruk']);
  return ondertekenaar(db, id);
}

/** Retires a key: files signed with it are refused from now on; what was imported stays. */
export function trekOndertekenaarIn(db: Db, ctx: WriteContext, id: string, reden: string): Ondertekenaar {
  const o = ondertekenaar(db, id);
  if (o.ingetrokkenOp !== null) throw new KkError('CONFLICT', 'Deze sleutel is al ingetrokken.');
  stmt(db, 'UPDATE tafel_ondertekenaars SET ingetrokken_op = ?, ingetrokken_reden = ? WHERE id = ?').run(ctx.now, reden, id);
  recordChange(db, ctx, 'tafelOndertekenaar', id, 'retire', ['ingetrokkenOp', 'ingetrokkenReden']);
  return ondertekenaar(db, id);
}

interface OntvangenRij {
  id: string;
  vrijgave_id: string;
  volgnummer: number;
  verbetert: string | null;
  ondertekenaar_id: string;
  organisatie_id: string;
  jaar: number;
  kwartaal: number | null;
  bestand: Buffer;
  bestand_hash: string;
  ontvangen_op: string;
  vervangen_door: string | null;
}

const periodeVan = (r: { jaar: number; kwartaal: number | null }): TafelPeriode => (r.kwartaal === null ? { jaar: r.jaar } : { jaar: r.jaar, kwartaal: r.kwartaal as 1 | 2 | 3 | 4 });

/** The stored file, parsed; its hash checked again, so a changed vault row is never compiled silently. */
function leesBestand(r: OntvangenRij): TafelBestand {
  if (createHash('sha256').update(r.bestand).digest('hex') !== r.bestand_hash) {
    throw new KkError('INTERNAL', `Het opgeslagen overzicht ${r.vrijgave_id} is veranderd sinds het werd ontvangen.`);
  }
  return TafelBestand.parse(JSON.parse(r.bestand.toString('utf8')));
}

/** The imported summaries (of one period when given), newest period first, then by organisation. */
export function ontvangen(db: Db, periode?: TafelPeriode): Ontvangen[] {
  const rows = (
    periode === undefined
      ? stmt(db, 'SELECT * FROM tafel_ontvangen ORDER BY jaar DESC, kwartaal IS NOT NULL, kwartaal DESC, organisatie_id, volgnummer').all()
      : stmt(db, 'SELECT * FROM tafel_ontvangen WHERE jaar = ? AND kwartaal IS ? ORDER BY organisatie_id, volgnummer').all(periode.jaar, periode.kwartaal ?? null)
  ) as OntvangenRij[];
  return rows.map((r) => {
    const b = leesBestand(r);
    return {
      id: r.id,
      vrijgaveId: r.vrijgave_id,
      volgnummer: r.volgnummer,
      organisatieId: r.organisatie_id,
      organisatie: b.organisatie.naam,
      periode: periodeVan(r),
      ondertekenaar: b.ondertekenaar,
      bestandHash: r.bestand_hash,
      aangemaakt: b.aangemaakt,
      ontvangenOp: r.ontvangen_op,
      vervangenDoor: r.vervangen_door,
    };
  });
}

/** The current (not replaced) summaries of a period, parsed: what the monitor is compiled from. */
export function huidigeBestanden(db: Db, periode: TafelPeriode): TafelBestand[] {
  const rows = stmt(db, 'SELECT * FROM tafel_ontvangen WHERE jaar = ? AND kwartaal IS ? AND vervangen_door IS NULL ORDER BY organisatie_id').all(periode.jaar, periode.kwartaal ?? null) as OntvangenRij[];
  return rows.map(leesBestand);
}

const geweigerd = (bestandsnaam: string, soort: WeigerSoort, reden: string): ImportUitkomst => ({ ok: false, bestandsnaam, soort, reden });

const normaal = (v: string) => v.replace(/\s+/g, '').toUpperCase();

/**
 * Imports one summary file for the monitor of `periode`: verifies it completely (JSON, format,
 * canonical form, signature, a registered and active signer, the organisation that key belongs
 * to, not seen before, the period, not older than what is there), then stores its bytes verbatim,
 * its release id as seen, and — for a correction — marks the release it replaces. One
 * transaction; a refused file writes nothing. Reasons are Dutch.
 */
export function importeerOverzicht(db: Db, ctx: WriteContext, periode: TafelPeriode, bestandsnaam: string, bytes: Uint8Array): ImportUitkomst {
  if (bytes.length > MAX_OVERZICHT_BYTES) return geweigerd(bestandsnaam, 'onleesbaar', 'Het bestand is groter dan 20 MB. Dat is geen overzicht voor de Regionale Tafel.');
  return inTransaction(db, () => {
    const sleutels = stmt(db, ONDERTEKENAAR_SELECT).all() as OndertekenaarRij[];
    const r = beoordeel(bytes, {
      periode,
      sleutel: (v) => {
        const o = sleutels.find((s) => normaal(s.vingerafdruk) === normaal(v));
        return o && { naam: o.naam, organisatieId: o.organisatie_id, ingetrokken: o.ingetrokken_op === null ? null : (o.ingetrokken_reden ?? '') };
      },
      gezien: (id) => stmt(db, 'SELECT 1 FROM tafel_gezien WHERE vrijgave_id = ?').get(id) !== undefined,
      huidig: (organisatieId) =>
        stmt(db, 'SELECT vrijgave_id AS vrijgaveId, volgnummer FROM tafel_ontvangen WHERE organisatie_id = ? AND jaar = ? AND kwartaal IS ? AND vervangen_door IS NULL').get(organisatieId, periode.jaar, periode.kwartaal ?? null) as
          | { vrijgaveId: string; volgnummer: number }
          | undefined,
    });
    if (!r.ok) return geweigerd(bestandsnaam, r.soort, r.reden);
    const b = r.bestand;
    const sleutel = sleutels.find((s) => normaal(s.vingerafdruk) === normaal(b.ondertekenaar))!;
    const huidig = r.vervangt && (stmt(db, 'SELECT * FROM tafel_ontvangen WHERE vrijgave_id = ?').get(r.vervangt.vrijgaveId) as OntvangenRij);
    const id = ctx.newId();
    const buf = Buffer.from(bytes);
    stmt(db, 'INSERT INTO tafel_ontvangen (id, vrijgave_id, volgnummer, verbetert, ondertekenaar_id, organisatie_id, jaar, kwartaal, bestand, bestand_hash, ontvangen_op) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      b.vrijgaveId,
      b.volgnummer,
      b.verbetert ?? null,
      sleutel.id,
      b.organisatie.id,
      b.periode.jaar,
      b.periode.kwartaal ?? null,
      buf,
      createHash('sha256').update(buf).digest('hex'),
      ctx.now,
    );
    stmt(db, 'INSERT INTO tafel_gezien (vrijgave_id, gezien_op) VALUES (?, ?)').run(b.vrijgaveId, ctx.now);
    recordChange(db, ctx, 'tafelOntvangst', id, 'create', ['bestand', 'periode', 'organisatie', ...(b.verbetert ? ['verbetert'] : [])]);
    if (huidig) {
      stmt(db, 'UPDATE tafel_ontvangen SET vervangen_door = ? WHERE id = ?').run(b.vrijgaveId, huidig.id);
      recordChange(db, ctx, 'tafelOntvangst', huidig.id, 'replace', ['vervangenDoor']);
    }
    const melding = huidig
      ? `Verbetering ontvangen: overzicht ${b.volgnummer} van ${sleutel.naam} over ${periodeTekst(periode)} vervangt nummer ${huidig.volgnummer}.${b.verbetert !== huidig.vrijgave_id ? ' Er zat nog een versie tussen die u niet hebt ontvangen; die telt niet meer.' : ''}`
      : `Ontvangen: overzicht ${b.volgnummer} van ${sleutel.naam} over ${periodeTekst(periode)}, handtekening klopt.`;
    return { ok: true, bestandsnaam, vrijgaveId: b.vrijgaveId, organisatie: sleutel.naam, vervangt: huidig?.vrijgave_id ?? null, melding };
  });
}
