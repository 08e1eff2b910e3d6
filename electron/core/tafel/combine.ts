import type { RegioGemeenten } from '../../../shared/casework/gemeenten.schema';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import type { GecombineerdeBron } from '../../../shared/tafel/telbestand.schema';
import { telOp } from '../../../shared/tafel/telOp';
import { stmt, type Db } from '../db/sql';
import { periodFigures, type PeriodeCijfers } from './periodFigures';
import { geldigeTelbestanden } from './telbestand';

/** A period's figures of the whole organisation, and which colleague count files went into them. */
export interface GecombineerdeCijfers extends PeriodeCijfers {
  /** The colleague count files added (ids and signing fingerprints, never names), in id order; empty when there are none. */
  bronnen: GecombineerdeBron[];
}

/**
 * The figures a release of the period starts from: this vault's own (`periodFigures`) plus the
 * raw counts of every accepted, not replaced colleague count file for exactly this period, added
 * cell by cell (`telOp`), before any disclosure control. So suppression is applied once, on the
 * organisation's combined figures.
 */
export function gecombineerdeCijfers(db: Db, periode: TafelPeriode, regio: RegioGemeenten): GecombineerdeCijfers {
  let som = periodFigures(db, periode, regio);
  const bronnen: GecombineerdeBron[] = [];
  for (const t of geldigeTelbestanden(db, periode)) {
    som = telOp(som, t.ruw);
    bronnen.push({ telbestandId: t.telbestandId, ondertekenaar: t.ondertekenaar });
  }
  return { ...som, bronnen };
}

/** Records which colleague count files a release combined (inside the release's own transaction). */
export function legBronnenVast(db: Db, vrijgaveId: string, bronnen: readonly GecombineerdeBron[]): void {
  for (const b of bronnen) stmt(db, 'INSERT INTO tafel_vrijgave_bronnen (vrijgave_id, telbestand_id, ondertekenaar) VALUES (?, ?, ?)').run(vrijgaveId, b.telbestandId, b.ondertekenaar);
}

/** The colleague count files a release combined, as recorded. */
export function bronnenVanVrijgave(db: Db, vrijgaveId: string): GecombineerdeBron[] {
  return (stmt(db, 'SELECT telbestand_id, ondertekenaar FROM tafel_vrijgave_bronnen WHERE vrijgave_id = ? ORDER BY telbestand_id').all(vrijgaveId) as Array<{ telbestand_id: string; ondertekenaar: string }>).map(
    (r) => ({ telbestandId: r.telbestand_id, ondertekenaar: r.ondertekenaar }),
  );
}
