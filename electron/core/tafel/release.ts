import { createHash } from 'node:crypto';
import { KkError } from '../../../shared/errors';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import { Regio } from '../../../shared/casework/gemeenten.schema';
import { TAFEL_BESTAND_VERSIE, TAFEL_FORMAAT, type TafelBestand } from '../../../shared/tafel/file.schema';
import { onderdruk, type TafelOverzicht } from '../../../shared/tafel/suppression';
import { bouwTafelTabellen } from '../../../shared/tafel/tables';
import { leesInstellingen, Vrijgave, type InstellingenInvoer, type TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { changeLog } from '../changelog/changeLog';
import type { WriteContext } from '../changelog/writeContext';
import { inTransaction, stmt, type Db } from '../db/sql';
import { getPartner } from '../profile/partners.repo';
import { keyFingerprint } from '../profile/profile.repo';
import { STATISTISCHE_GRONDSLAG } from './periodFigures';
import { gecombineerdeCijfers, legBronnenVast } from './combine';
import type { GecombineerdeBron } from '../../../shared/tafel/telbestand.schema';
import { bestandTekst, onderteken } from './sign';
import { tafelCsv } from './csv';

/** The record kinds of the Regionale Tafel in the change log. */
export interface TafelChangeKinds {
  tafelVrijgave: 'create';
}
/** The change log of Regionale Tafel releases. */
export const { recordChange, changesOf } = changeLog<TafelChangeKinds>();

/** One row of the release ledger, as stored. */
export interface LedgerRegel {
  id: string;
  volgnummer: number;
  periode: TafelPeriode;
  verbetert: string | null;
  vrijgave: Vrijgave;
  bestandHash: string;
  gemaaktOp: string;
}

/** Every release made from this vault, oldest first; the entries hold true counts and never leave the vault. */
export function leesLedger(db: Db): LedgerRegel[] {
  const rows = stmt(db, 'SELECT id, volgnummer, jaar, kwartaal, verbetert, vrijgave, bestand_hash, gemaakt_op FROM tafel_vrijgaven ORDER BY volgnummer').all() as Array<{
    id: string;
    volgnummer: number;
    jaar: number;
    kwartaal: number | null;
    verbetert: string | null;
    vrijgave: string;
    bestand_hash: string;
    gemaakt_op: string;
  }>;
  return rows.map((r) => ({
    id: r.id,
    volgnummer: r.volgnummer,
    periode: r.kwartaal === null ? { jaar: r.jaar } : { jaar: r.jaar, kwartaal: r.kwartaal as 1 | 2 | 3 | 4 },
    verbetert: r.verbetert,
    // Parsed by `onderdruk`, which refuses a damaged ledger with a Dutch message.
    vrijgave: JSON.parse(r.vrijgave) as Vrijgave,
    bestandHash: r.bestand_hash,
    gemaaktOp: r.gemaakt_op,
  }));
}

/** A release computed and signed, not yet recorded or written. */
export interface VoorbereideVrijgave {
  overzicht: TafelOverzicht;
  bestand: TafelBestand;
  /** The file's bytes (canonical JSON) and the CSV beside it. */
  json: string;
  csv: string;
  /** How many ledger entries were passed to `onderdruk`. */
  ledgerLengte: number;
  /** The colleague count files added to the vault's own figures before suppression (ids and fingerprints; recorded with the release). */
  bronnen: GecombineerdeBron[];
}

/** What a release file says besides the published figures. */
export interface BestandKop {
  volgnummer: number;
  verbetert?: string;
  organisatie: { id: string; naam: string };
  aangemaakt: string;
  /** The organisation's Ed25519 public key, SPKI DER. */
  publiekeSleutel: Buffer;
}

/** The release file before its signature: the engine's publication (never a true count) and its header. */
export function stelBestandSamen(overzicht: TafelOverzicht, kop: BestandKop): Omit<TafelBestand, 'handtekening'> {
  const p = overzicht.publicatie;
  return {
    format: TAFEL_FORMAAT,
    versie: TAFEL_BESTAND_VERSIE,
    vrijgaveId: overzicht.vrijgave.id,
    volgnummer: kop.volgnummer,
    ...(kop.verbetert !== undefined ? { verbetert: kop.verbetert } : {}),
    organisatie: kop.organisatie,
    regio: p.regio,
    periode: p.periode,
    instellingen: {
      k: p.k,
      ...(p.afronding !== undefined ? { afronding: p.afronding } : {}),
      ruis: p.ruisMax !== undefined,
      ...(p.ruisMax !== undefined ? { ruisMax: p.ruisMax } : {}),
    },
    methodeVersie: p.methodeVersie,
    methode: p.methode,
    grondslag: STATISTISCHE_GRONDSLAG,
    cellen: p.cellen,
    vergelijkingen: p.vergelijkingen,
    tabellen: p.tabellen,
    aangemaakt: kop.aangemaakt,
    ondertekenaar: keyFingerprint(kop.publiekeSleutel),
    publiekeSleutel: Buffer.from(kop.publiekeSleutel).toString('base64'),
  };
}

/**
 * Computes a summary for the period from the vault's figures and every earlier release, applies
 * disclosure control, and signs the file with the organisation's key. Writes nothing. Refuses
 * (INVALID_INPUT, Dutch) without a profile, and when the release cannot be made safe — with the
 * engine's own reason.
 */
export function bereidVrijgaveVoor(db: Db, ctx: Pick<WriteContext, 'now' | 'newId'>, periode: TafelPeriode, invoer: InstellingenInvoer = {}): VoorbereideVrijgave {
  const instellingen = leesInstellingen(invoer);
  const profiel = stmt(db, 'SELECT organisatie, regio, sleutel_publiek, sleutel_prive FROM profiel WHERE enig = 1').get() as
    | { organisatie: string; regio: string; sleutel_publiek: Buffer; sleutel_prive: Buffer }
    | undefined;
  if (!profiel) {
    throw new KkError('INVALID_INPUT', 'Deze kluis heeft nog geen profiel. Maak eerst een profiel aan: daarmee krijgt de organisatie haar sleutel om overzichten te ondertekenen.', {
      issues: [{ path: 'profiel', message: 'Geen profiel' }],
    });
  }
  const regio = regioGemeenten(Regio.parse(profiel.regio));
  // The organisation's figures: this vault's own plus the colleagues' accepted count files (combine.ts).
  const { cijfers, perGemeente, bronnen } = gecombineerdeCijfers(db, periode, regio);
  const tabellen = bouwTafelTabellen({ cijfers, periode, regio, perGemeente, k: instellingen.k });
  const ledger = leesLedger(db);
  const id = ctx.newId();
  const overzicht = onderdruk({ tabellen, instellingen, ledger: ledger.map((l) => l.vrijgave), id });
  if (!overzicht.veilig) {
    throw new KkError('INVALID_INPUT', `Dit overzicht mag niet weg: ${overzicht.problemen.join(' ')}`, { issues: [{ path: 'periode', message: overzicht.problemen.join(' ') }] });
  }
  const zelfde = ledger.filter((l) => l.periode.jaar === periode.jaar && l.periode.kwartaal === periode.kwartaal);
  const zonder = stelBestandSamen(overzicht, {
    volgnummer: (ledger.at(-1)?.volgnummer ?? 0) + 1,
    ...(zelfde.length > 0 ? { verbetert: zelfde.at(-1)!.id } : {}),
    organisatie: { id: profiel.organisatie, naam: getPartner(db, profiel.organisatie).naam },
    aangemaakt: ctx.now,
    publiekeSleutel: profiel.sleutel_publiek,
  });
  const bestand = onderteken(zonder, profiel.sleutel_prive);
  profiel.sleutel_prive.fill(0);
  return { overzicht, bestand, json: bestandTekst(bestand), csv: tafelCsv(bestand), ledgerLengte: ledger.length, bronnen };
}

/** Records a prepared release: a ledger entry (with the true counts, vault only) and a change event, in one transaction. */
export function legVrijgaveVast(db: Db, ctx: WriteContext, v: VoorbereideVrijgave): void {
  const b = v.bestand;
  inTransaction(db, () => {
    stmt(db, 'INSERT INTO tafel_vrijgaven (id, volgnummer, jaar, kwartaal, verbetert, vrijgave, bestand_hash, gemaakt_op) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      b.vrijgaveId,
      b.volgnummer,
      b.periode.jaar,
      b.periode.kwartaal ?? null,
      b.verbetert ?? null,
      JSON.stringify(v.overzicht.vrijgave),
      createHash('sha256').update(v.json, 'utf8').digest('hex'),
      b.aangemaakt,
    );
    legBronnenVast(db, b.vrijgaveId, v.bronnen);
    recordChange(db, ctx, 'tafelVrijgave', b.vrijgaveId, 'create', ['periode', 'cellen', 'instellingen', ...(b.verbetert ? ['verbetert'] : [])]);
  });
}
