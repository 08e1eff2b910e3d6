import { existsSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { KkError } from '../../../shared/errors';
import type { Handlers, MainMethodName } from '../../../shared/ipc/contract';
import type { LedgerItem, tafelHostMethods, tafelMethods, TafelOpslag, TafelVoorbeeld, VerborgenSoort } from '../../../shared/ipc/tafel.contract';
import { periodeSleutel, type TafelPeriode } from '../../../shared/tafel/tafel.schema';
import type { Session } from '../session';
import type { WriteContext } from '../changelog/writeContext';
import type { Db } from '../db/sql';
import { getPartner } from '../profile/partners.repo';
import { readProfile } from '../profile/profile.repo';
import { schrijfAtomisch } from '../verstrekkingen/bestand';
import { bereidVrijgaveVoor, leesLedger, legVrijgaveVast, type VoorbereideVrijgave } from './release';
import { collegaVan } from './ontvangst';
import { maakVrijgavePdf } from './releasePdf';
import { bewaarTafelInstellingen, instellingenVoorVrijgave, leesTafelInstellingen } from './tafelSettings';

type CoreMethods = Exclude<keyof typeof tafelMethods, MainMethodName> | keyof typeof tafelHostMethods;

/** The CSV beside a summary file: `F.json` → `F.csv`, any other name gets `.csv` added. */
export function naastBestand(file: string, extensie: 'csv' | 'pdf'): string {
  return file.toLowerCase().endsWith('.json') ? `${file.slice(0, -5)}.${extensie}` : `${file}.${extensie}`;
}

/**
 * A summary prepared with the vault's settings, or the Dutch reason why it may not leave (the
 * order of periods, an unsafe release, no profile). Other errors pass on.
 */
function bereid(db: Db, ctx: WriteContext, periode: TafelPeriode): VoorbereideVrijgave | { reden: string } {
  try {
    return bereidVrijgaveVoor(db, ctx, periode, instellingenVoorVrijgave(db));
  } catch (error) {
    if (error instanceof KkError && error.code === 'INVALID_INPUT') return { reden: error.message };
    throw error;
  }
}

function volgnummerVan(db: Db, id: string | undefined): number | null {
  if (id === undefined) return null;
  return leesLedger(db).find((l) => l.id === id)?.volgnummer ?? null;
}

/** The preview: the file's tables with each hidden cell marked, and the hidden cells with their reasons. */
export function voorbeeld(db: Db, ctx: WriteContext, periode: TafelPeriode): TafelVoorbeeld {
  const v = bereid(db, ctx, periode);
  if ('reden' in v) return { mogelijk: false, periode, reden: v.reden };
  const b = v.bestand;
  const soortVan = new Map<string, VerborgenSoort>(v.overzicht.verborgen.map((c) => [c.cel, c.reden.soort]));
  return {
    mogelijk: true,
    periode,
    organisatie: b.organisatie.naam,
    regio: b.regio,
    k: b.instellingen.k,
    afronding: b.instellingen.afronding ?? null,
    ruisMax: b.instellingen.ruis ? (b.instellingen.ruisMax ?? null) : null,
    volgnummer: b.volgnummer,
    verbetert: volgnummerVan(db, b.verbetert),
    tabellen: b.tabellen.map((t) => ({
      ...t,
      rijen: t.rijen.map((r) => ({ ...r, cellen: r.cellen.map((c) => (c ? { cel: c.cel, toon: c.toon, verborgen: soortVan.get(c.cel) ?? null } : null)) })),
    })),
    verborgen: v.overzicht.verborgen.map((c) => ({ cel: c.cel, label: c.label, getoond: c.getoond, soort: c.reden.soort, uitleg: c.uitleg, waarde: c.waarde, interval: c.interval })),
    aantalCellen: Object.keys(b.cellen).length,
    eerdere: v.ledgerLengte,
    methode: b.methode,
    grondslag: b.grondslag,
    // Colleagues' count files combined before suppression (combine.ts): named as registered, else by their key.
    bronnen: v.bronnen.map((b) => collegaVan(db, b.ondertekenaar)?.omschrijving || `sleutel ${b.ondertekenaar.slice(0, 19)}…`),
  };
}

/** Removes files written for a release that is not recorded after all (best effort; the error that caused it is what the caller sees). */
function ruimOp(paden: readonly string[]): void {
  for (const p of paden) {
    try {
      rmSync(p, { force: true });
    } catch {
      // Nothing more to do.
    }
  }
}

/**
 * Writes a release: the JSON to `path`, the CSV and the PDF beside it, each atomically, never
 * over an existing file; only when all three are on disk is the release recorded (ledger entry and
 * change event, one transaction). A failure removes what was written and records nothing.
 */
export async function schrijfVrijgave(s: Session, periode: TafelPeriode, path: string): Promise<TafelOpslag> {
  const paden = [path, naastBestand(path, 'csv'), naastBestand(path, 'pdf')] as const;
  const bestaand = paden.find((p) => existsSync(p));
  if (bestaand !== undefined) return { opgeslagen: false, reden: 'bestaat-al', tekst: basename(bestaand) };
  const ctx = s.writer();
  const v = bereid(s.db(), ctx, periode);
  if ('reden' in v) return { opgeslagen: false, reden: 'geweigerd', tekst: v.reden };
  const pdf = await maakVrijgavePdf(v.bestand);
  const geschreven: string[] = [];
  try {
    for (const [p, inhoud] of [
      [paden[0], v.json],
      [paden[1], v.csv],
      [paden[2], pdf],
    ] as const) {
      // Checked again right before each write: a file that appeared meanwhile is never replaced.
      if (existsSync(p)) throw new KkError('CONFLICT', 'A file with this name appeared while saving');
      schrijfAtomisch(p, (write) => write(inhoud));
      geschreven.push(p);
    }
    legVrijgaveVast(s.db(), ctx, v);
  } catch (error) {
    ruimOp(geschreven);
    throw error;
  }
  return {
    opgeslagen: true,
    bestanden: { json: basename(paden[0]), csv: basename(paden[1]), pdf: basename(paden[2]) },
    volgnummer: v.bestand.volgnummer,
    verborgen: v.overzicht.verborgen.length,
    ondertekenaar: v.bestand.ondertekenaar,
  };
}

function vereisProfiel(db: Db) {
  const profiel = readProfile(db);
  if (!profiel) throw new KkError('PROFILE_MISSING', 'A summary needs the vault profile');
  return profiel;
}

/** The ledger as the window sees it: newest first, never the true counts. */
export function ledgerLijst(db: Db): LedgerItem[] {
  const regels = leesLedger(db);
  const nummer = new Map(regels.map((r) => [r.id, r.volgnummer]));
  return regels
    .map((r) => {
      const g = Object.values(r.vrijgave.gepubliceerd);
      return {
        id: r.id,
        volgnummer: r.volgnummer,
        periode: r.periode,
        verbetert: r.verbetert === null ? null : (nummer.get(r.verbetert) ?? null),
        k: r.vrijgave.k,
        afronding: r.vrijgave.afronding ?? null,
        ruisMax: r.vrijgave.ruisMax ?? null,
        cellen: g.filter((c) => c !== 'in-overige').length,
        verborgen: g.filter((c) => typeof c !== 'number').length,
        gemaaktOp: r.gemaaktOp,
        bestandHash: r.bestandHash,
      };
    })
    .reverse();
}

/** The Regionale Tafel handlers: thin; the rules live in shared/tafel and release.ts. */
export const tafelHandlers: Pick<Handlers<Session>, CoreMethods> = {
  'tafel.settings': (_input, s) => leesTafelInstellingen(s.db()),
  'tafel.saveSettings': (input, s) => bewaarTafelInstellingen(s.db(), s.writer(), input),
  'tafel.preview': (input, s) => voorbeeld(s.db(), s.writer(), input.periode),
  'tafel.ledger': (_input, s) => ({ vrijgaven: ledgerLijst(s.db()) }),
  'tafel.sleutel': (_input, s) => {
    const profiel = vereisProfiel(s.db());
    return { organisatie: getPartner(s.db(), profiel.organisatie).naam, vingerafdruk: profiel.vingerafdruk };
  },
  'tafel.suggestName': (input, s) => {
    const profiel = vereisProfiel(s.db());
    const volgende = (leesLedger(s.db()).at(-1)?.volgnummer ?? 0) + 1;
    return { bestandsnaam: `${profiel.organisatie}-${periodeSleutel(input.periode)}-overzicht-${volgende}.json` };
  },
  'tafel.writeRelease': (input, s) => schrijfVrijgave(s, input.periode, input.path),
};
