import type { MonitorCijfers } from '../../../shared/casework/dashboard.schema';
import { Uitbuitingsvorm, type IsoDate } from '../../../shared/casework/common.schema';
import type { AfsluitReden } from '../../../shared/casework/traject.schema';
import type { MeldConclusie, MeldingVorm } from '../../../shared/casework/melding.schema';
import type { RegioGemeenten } from '../../../shared/casework/gemeenten.schema';
import { gemeenteGroep, huidigeGemeentenaam } from '../../../shared/casework/gemeenten';
import { clientInPeriode, monitorCijfers, monitorPolicy, type ClientInJaar, type MeldingTelling, type PolitieTelling, type TrajectFeit } from '../../../shared/casework/monitor';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { monitorFor } from '../casework/dashboard.repo';
import { minderjarigOf } from '../casework/trajecten.repo';
import { stmt, type Db } from '../db/sql';

/**
 * Which records a summary for the Regionale Tafel counts (the "statistical basis"):
 * every traject, melding, police contact and opvang placement in the vault. All casework is
 * processed under the organisation's own task; counting it into figures without personal data
 * for the regional monitor is a compatible further use (statistics, art. 5(1)(b) and 89 AVG; for
 * police data the same reasoning as art. 22 Wpg). A record removed as wrongly created
 * (clienten.remove) is no longer in the vault and so not counted. There is no per-person
 * opt-out field yet: when one comes, it is applied here, in every query below.
 */
export const STATISTISCHE_GRONDSLAG =
  'Geteld zijn alle trajecten, meldingen, politiecontacten en opvangplaatsingen in de kluis van de organisatie. ' +
  'De organisatie verwerkt deze gegevens voor haar eigen taak. Tellen tot aantallen zonder persoonsgegevens voor de regionale monitor ' +
  'is verenigbaar met dat doel (statistiek: artikel 5 lid 1 onder b en artikel 89 AVG; voor politiegegevens dezelfde redenering als artikel 22 Wpg). ' +
  'Er is nog geen mogelijkheid om een persoon uit te sluiten van statistiek.';

/** The first and last day of a period (ISO dates, both included). */
export function periodeBereik(p: TafelPeriode): { van: IsoDate; tot: IsoDate } {
  if (p.kwartaal === undefined) return { van: `${p.jaar}-01-01`, tot: `${p.jaar}-12-31` };
  const eindDag = ['03-31', '06-30', '09-30', '12-31'][p.kwartaal - 1]!;
  const beginMaand = String((p.kwartaal - 1) * 3 + 1).padStart(2, '0');
  return { van: `${p.jaar}-${beginMaand}-01`, tot: `${p.jaar}-${eindDag}` };
}

/** A period's figures and its meldingen per gemeente of the region (today's CBS names). */
export interface PeriodeCijfers {
  cijfers: MonitorCijfers;
  perGemeente: Record<string, number>;
}

/**
 * The figures of a year (the dashboard's `monitorFor`, from the kept counts) or of a quarter
 * (`cijfersVoorBereik`), with the meldingen per gemeente of the region for the same period.
 */
export function periodFigures(db: Db, periode: TafelPeriode, regio: RegioGemeenten): PeriodeCijfers {
  const { van, tot } = periodeBereik(periode);
  const cijfers = periode.kwartaal === undefined ? monitorFor(db, periode.jaar, regio) : cijfersVoorBereik(db, periode.jaar, van, tot, regio);
  return { cijfers, perGemeente: meldingenPerGemeente(db, van, tot, regio) };
}

/** Meldingen dated in the period per gemeente of the region (not the centrumgemeente; earlier CBS names count as today's). */
export function meldingenPerGemeente(db: Db, van: IsoDate, tot: IsoDate, regio: RegioGemeenten): Record<string, number> {
  const rows = stmt(db, 'SELECT gemeente, count(*) AS n FROM meldingen WHERE datum BETWEEN ? AND ? GROUP BY gemeente').all(van, tot) as Array<{ gemeente: string; n: number }>;
  const perGemeente: Record<string, number> = {};
  for (const r of rows) {
    if (gemeenteGroep(r.gemeente, regio) !== 'regio') continue;
    const naam = huidigeGemeentenaam(r.gemeente);
    perGemeente[naam] = (perGemeente[naam] ?? 0) + r.n;
  }
  return perGemeente;
}

/**
 * The figures for the dates `van`..`tot` inside `jaar`, from grouped queries over the records:
 * cliënten whose trajecten ran in the range (registered by its end, not closed before its
 * start; new when registered in it; the category by `clientInPeriode`), the meldingen, police
 * contacts, closures and crisisopvang placements dated in it. Over a whole year it gives what
 * `monitorFor` gives (a test holds them together).
 */
export function cijfersVoorBereik(db: Db, jaar: number, van: IsoDate, tot: IsoDate, regio: RegioGemeenten): MonitorCijfers {
  const monitor = monitorPolicy.inhoud;
  const vormenOf = new Map<string, Uitbuitingsvorm[]>();
  const vormen = (json: string) => {
    let list = vormenOf.get(json);
    if (!list) vormenOf.set(json, (list = JSON.parse(json) as Uitbuitingsvorm[]));
    return list;
  };
  const trajecten = stmt(
    db,
    `SELECT client_id, preventief, vormen, minderjarig, aanmelddatum, afgesloten_op FROM trajecten
      WHERE aanmelddatum <= ? AND (afgesloten_op IS NULL OR afgesloten_op >= ?)`,
  ).all(tot, van) as Array<{ client_id: string; preventief: number; vormen: string; minderjarig: number; aanmelddatum: string; afgesloten_op: string | null }>;
  const perClient = new Map<string, TrajectFeit[]>();
  for (const r of trajecten) {
    const feit: TrajectFeit = { clientId: r.client_id, preventief: r.preventief === 1, vormen: vormen(r.vormen), aanmelddatum: r.aanmelddatum, afgeslotenOp: r.afgesloten_op, minderjarigBijStart: minderjarigOf(r.minderjarig) };
    const list = perClient.get(r.client_id);
    if (list) list.push(feit);
    else perClient.set(r.client_id, [feit]);
  }

  const meldingRows = stmt(
    db,
    `SELECT gemeente, vorm, minderjarig, preventief_gesprek, informatieverzoek, melder_type = 'sekswerker' AS sekswerker, conclusie, acuut, count(*) AS n
       FROM meldingen WHERE datum BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
  ).all(van, tot) as Array<{ gemeente: string; vorm: MeldingVorm; minderjarig: number | null; preventief_gesprek: number; informatieverzoek: number; sekswerker: number; conclusie: MeldConclusie | null; acuut: number; n: number }>;
  const meldingen: MeldingTelling[] = meldingRows.map((r) => ({
    gemeente: r.gemeente,
    vorm: r.vorm,
    minderjarig: r.minderjarig === null || r.minderjarig === -1 ? null : r.minderjarig === 1,
    preventiefGesprek: r.preventief_gesprek === 1,
    informatieverzoek: r.informatieverzoek === 1,
    sekswerker: r.sekswerker === 1,
    conclusie: r.conclusie || null,
    acuut: r.acuut === 1,
    aantal: r.n,
  }));
  const politie = stmt(db, `SELECT soort, vorm, count(*) AS aantal FROM traject_politiecontacten WHERE datum BETWEEN ? AND ? GROUP BY soort, vorm`).all(van, tot) as PolitieTelling[];
  const afgesloten = stmt(db, `SELECT afsluit_reden AS reden, count(*) AS aantal FROM trajecten WHERE afgesloten_op BETWEEN ? AND ? GROUP BY afsluit_reden`).all(van, tot) as Array<{ reden: AfsluitReden; aantal: number }>;
  const crisis = stmt(db, `SELECT count(*) AS n FROM traject_opvang WHERE soort = 'crisisopvang' AND start BETWEEN ? AND ?`).get(van, tot) as { n: number };

  // The meldingen, police and closure parts by the one pure rule; the cliënten counted here per period.
  const basis = monitorCijfers(jaar, regio, { trajectGroepen: [], meervoudig: [], meldingen, politie, afgesloten, crisisopvangPlaatsingen: crisis.n }, monitor);
  const perCategorie = new Map(monitor.categorieen.map((c) => [c, { categorie: c, nieuw: 0, doorlopend: 0, totaal: 0 }]));
  const totaal = { nieuw: 0, doorlopend: 0, totaal: 0 };
  const leeftijd = { volwassen: 0, minderjarig: 0, onbekend: 0 };
  const perVorm = new Map<Uitbuitingsvorm, number>();
  for (const feiten of perClient.values()) {
    const c: ClientInJaar | null = clientInPeriode(feiten, van, tot, monitor);
    if (!c) continue;
    const row = perCategorie.get(c.categorie)!;
    const key = c.nieuw ? 'nieuw' : 'doorlopend';
    row[key] += 1;
    row.totaal += 1;
    totaal[key] += 1;
    totaal.totaal += 1;
    leeftijd[c.minderjarig === null ? 'onbekend' : c.minderjarig ? 'minderjarig' : 'volwassen'] += 1;
    for (const v of c.vormen) perVorm.set(v, (perVorm.get(v) ?? 0) + 1);
  }
  const volgorde = (v: Uitbuitingsvorm) => Uitbuitingsvorm.options.indexOf(v);
  return {
    ...basis,
    clienten: {
      ...basis.clienten,
      perCategorie: [...perCategorie.values()],
      totaal,
      leeftijd,
      perVorm: [...perVorm].map(([vorm, aantal]) => ({ vorm, aantal })).sort((a, b) => volgorde(a.vorm) - volgorde(b.vorm)),
    },
  };
}

