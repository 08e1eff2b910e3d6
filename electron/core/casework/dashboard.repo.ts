import type { Dashboard, DashboardItem, MonitorCijfers } from '../../../shared/casework/dashboard.schema';
import type { IsoDate, Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import type { AfsluitReden, Fase, OpvangSoort } from '../../../shared/casework/traject.schema';
import type { MeldConclusie, MeldingVorm } from '../../../shared/casework/melding.schema';
import type { RegioGemeenten } from '../../../shared/casework/gemeenten.schema';
import { addDays, daysBetween, yearOf } from '../../../shared/casework/dates';
import { deadlinesWith, finalProcedureStatuses, type DayRange } from '../../../shared/casework/deadlines';
import { dayRangeSql } from './dayRange';
import { crisisopvangGrens } from '../../../shared/casework/opvang';
import { monitorCijfers, type MeldingTelling, type PolitieTelling, type TrajectFeit, type TrajectGroep } from '../../../shared/casework/monitor';
import { minderjarigOf } from './trajecten.repo';
import { stmt, type Db } from '../db/sql';

type VormKey = Uitbuitingsvorm | 'preventief' | 'onbekend';
const fasen: Fase[] = ['aanmelding', 'intake', 'actief', 'nazorg'];
/** How far back the dashboard looks for an end date or deadline that passed and is still open. */
const LOOKBACK_DAYS = 365;
const FIRST = 20;

function vormKeys(preventief: number, vormen: string): VormKey[] {
  if (preventief === 1) return ['preventief'];
  const list = JSON.parse(vormen) as Uitbuitingsvorm[];
  return list.length > 0 ? list : ['onbekend'];
}

function openCounts(db: Db) {
  const rows = stmt(db, `SELECT fase, preventief, vormen, sum(n) AS n FROM traject_tellingen WHERE fase <> 'afgesloten' AND n > 0 GROUP BY fase, preventief, vormen`).all() as Array<{
    fase: Fase;
    preventief: number;
    vormen: string;
    n: number;
  }>;
  const perFase = new Map<Fase, number>(fasen.map((f) => [f, 0]));
  const perVorm = new Map<VormKey, number>();
  const matrix = new Map<string, { fase: Fase; vorm: VormKey; aantal: number }>();
  for (const r of rows) {
    perFase.set(r.fase, (perFase.get(r.fase) ?? 0) + r.n);
    for (const vorm of vormKeys(r.preventief, r.vormen)) {
      perVorm.set(vorm, (perVorm.get(vorm) ?? 0) + r.n);
      const key = `${r.fase}|${vorm}`;
      const cell = matrix.get(key) ?? { fase: r.fase, vorm, aantal: 0 };
      cell.aantal += r.n;
      matrix.set(key, cell);
    }
  }
  return {
    openPerFase: [...perFase].map(([fase, aantal]) => ({ fase, aantal })),
    openPerVorm: [...perVorm].map(([vorm, aantal]) => ({ vorm, aantal })).sort((a, b) => b.aantal - a.aantal),
    openPerFaseEnVorm: [...matrix.values()],
  };
}

/** Open tasks whose due date lies in `range`: how many, and the first ones by due date. */
function taskItems(db: Db, range: DayRange, today: IsoDate): { aantal: number; eerste: DashboardItem[] } {
  const where = dayRangeSql('k.deadline', range);
  const aantal = (stmt(db, `SELECT count(*) AS n FROM taken k WHERE k.afgerond_op IS NULL AND ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = stmt(
    db,
    `SELECT k.traject_id AS trajectId, t.pseudoniem, k.deadline AS datum, k.titel AS omschrijving
       FROM taken k JOIN trajecten t ON t.id = k.traject_id
      WHERE k.afgerond_op IS NULL AND ${where.sql} ORDER BY k.deadline, k.id LIMIT ${FIRST}`,
  ).all(...where.params) as Array<Omit<DashboardItem, 'dagen'>>;
  return { aantal, eerste: rows.map((r) => ({ ...r, dagen: daysBetween(today, r.datum) })) };
}

/** The whole coordinator dashboard for a day, a year and a region. */
export function getDashboard(db: Db, today: IsoDate, jaar: number, regio: RegioGemeenten, regioBron: Dashboard['regioBron']): Dashboard {
  // "Soon" as the deadline rule has it: due today or within the soon days (deadlinesWith).
  const dueSoon: DayRange = { van: deadlinesWith('vandaag', today).van, tot: deadlinesWith('binnenkort', today).tot };
  const soon = dueSoon.tot!;
  const since = addDays(today, -LOOKBACK_DAYS);
  const finals = JSON.stringify(finalProcedureStatuses);

  const bedenktijd = stmt(
    db,
    `SELECT p.traject_id AS trajectId, t.pseudoniem, p.deadline AS datum
       FROM traject_procedures p JOIN trajecten t ON t.id = p.traject_id
      WHERE p.soort = 'b8-bedenktijd' AND p.deadline BETWEEN ? AND ? AND t.fase <> 'afgesloten'
        AND p.status NOT IN (SELECT value FROM json_each(?))
      ORDER BY p.deadline LIMIT 50`,
  ).all(since, soon, finals) as Array<{ trajectId: string; pseudoniem: string; datum: string }>;

  // Stays that run today (started, not ended) and end soon or passed their crisisopvang limit.
  // No look-back here: a crisisopvang still running long past its limit is the first thing to
  // see, however long ago the limit passed; a stay whose end came is over and never listed.
  const opvang = stmt(
    db,
    `SELECT o.traject_id AS trajectId, t.pseudoniem, o.einde AS datum, o.soort, o.start, o.eind
       FROM traject_opvang o JOIN trajecten t ON t.id = o.traject_id
      WHERE o.einde <= ? AND o.start <= ? AND (o.eind IS NULL OR o.eind >= ?) AND t.fase <> 'afgesloten'
      ORDER BY o.einde LIMIT 50`,
  ).all(soon, today, today) as Array<{ trajectId: string; pseudoniem: string; datum: string; soort: OpvangSoort; start: string; eind: string | null }>;

  return {
    vandaag: today,
    ...openCounts(db),
    verlopenTaken: taskItems(db, deadlinesWith('verlopen', today), today),
    takenBinnenkort: taskItems(db, dueSoon, today),
    bedenktijdEindigt: bedenktijd.map((b) => ({ ...b, dagen: daysBetween(today, b.datum), wat: 'bedenktijd-eindigt' as const })),
    opvangEindigt: opvang.map((o) => {
      const teLang = o.soort === 'crisisopvang' && today > crisisopvangGrens(o.start);
      return {
        trajectId: o.trajectId,
        pseudoniem: o.pseudoniem,
        datum: o.datum,
        dagen: daysBetween(today, o.datum),
        soort: o.soort,
        teLang,
        // A code, worded by the window in its language (issue 13: English chosen, English shown).
        wat: teLang ? ('crisisopvang-te-lang' as const) : o.soort === 'crisisopvang' && o.datum !== o.eind ? ('crisisopvang-bereikt-grens' as const) : ('opvang-eindigt' as const),
      };
    }),
    monitor: monitorFor(db, jaar, regio),
    jaren: jarenMetGegevens(db, today),
    regioBron,
  };
}

/**
 * A year's figures in monitor shape, from kept counts and grouped queries (no record with a name
 * leaves the query). Cliënten with one traject come from the traject counts; the trajecten of the
 * few cliënten with more are read one by one. Which cliënt falls in which category, new or
 * continuing, is decided by the monitor rules in shared/casework/monitor.ts, the one place they are written.
 */
export function monitorFor(db: Db, jaar: number, regio: RegioGemeenten): MonitorCijfers {
  const van = `${jaar}-01-01`;
  const tot = `${jaar}-12-31`;
  const vormenOf = new Map<string, Uitbuitingsvorm[]>();
  const vormen = (json: string) => {
    let list = vormenOf.get(json);
    if (!list) vormenOf.set(json, (list = JSON.parse(json) as Uitbuitingsvorm[]));
    return list;
  };
  const groepen = stmt(db, `SELECT preventief, vormen, minderjarig, aanmeldjaar, sluitjaar, sum(n) AS n FROM traject_tellingen WHERE n > 0 GROUP BY 1, 2, 3, 4, 5`).all() as Array<{
    preventief: number;
    vormen: string;
    minderjarig: number;
    aanmeldjaar: number;
    sluitjaar: number;
    n: number;
  }>;
  const trajectGroepen: TrajectGroep[] = groepen.map((g) => ({
    preventief: g.preventief === 1,
    vormen: vormen(g.vormen),
    minderjarigBijStart: minderjarigOf(g.minderjarig),
    aanmeldjaar: g.aanmeldjaar,
    sluitjaar: g.sluitjaar === 0 ? null : g.sluitjaar,
    aantal: g.n,
  }));
  const meervoudig = (
    stmt(
      db,
      `SELECT t.client_id, t.preventief, t.vormen, t.minderjarig, t.aanmelddatum, t.afgesloten_op
         FROM client_trajecten c INDEXED BY client_trajecten_meer JOIN trajecten t ON t.client_id = c.client_id WHERE c.n > 1`,
    ).all() as Array<{ client_id: string; preventief: number; vormen: string; minderjarig: number; aanmelddatum: string; afgesloten_op: string | null }>
  ).map(
    (r): TrajectFeit => ({ clientId: r.client_id, preventief: r.preventief === 1, vormen: vormen(r.vormen), aanmelddatum: r.aanmelddatum, afgeslotenOp: r.afgesloten_op, minderjarigBijStart: minderjarigOf(r.minderjarig) }),
  );
  const meldingRows = stmt(
    db,
    `SELECT gemeente, vorm, nullif(minderjarig, -1) AS minderjarig, preventief_gesprek, informatieverzoek, sekswerker, nullif(conclusie, '') AS conclusie, acuut, n
       FROM melding_tellingen WHERE jaar = ? AND n > 0`,
  ).all(jaar) as Array<{ gemeente: string; vorm: MeldingVorm; minderjarig: number | null; preventief_gesprek: number; informatieverzoek: number; sekswerker: number; conclusie: MeldConclusie | null; acuut: number; n: number }>;
  const meldingen: MeldingTelling[] = meldingRows.map((r) => ({
    gemeente: r.gemeente,
    vorm: r.vorm,
    minderjarig: r.minderjarig === null ? null : r.minderjarig === 1,
    preventiefGesprek: r.preventief_gesprek === 1,
    informatieverzoek: r.informatieverzoek === 1,
    sekswerker: r.sekswerker === 1,
    conclusie: r.conclusie,
    acuut: r.acuut === 1,
    aantal: r.n,
  }));
  const politie = stmt(db, `SELECT soort, vorm, count(*) AS aantal FROM traject_politiecontacten WHERE datum BETWEEN ? AND ? GROUP BY soort, vorm`).all(van, tot) as PolitieTelling[];
  const afgesloten = stmt(db, `SELECT afsluit_reden AS reden, count(*) AS aantal FROM trajecten WHERE afgesloten_op BETWEEN ? AND ? GROUP BY afsluit_reden`).all(van, tot) as Array<{ reden: AfsluitReden; aantal: number }>;
  const crisis = stmt(db, `SELECT count(*) AS n FROM traject_opvang WHERE soort = 'crisisopvang' AND start BETWEEN ? AND ?`).get(van, tot) as { n: number };
  return monitorCijfers(jaar, regio, { trajectGroepen, meervoudig, meldingen, politie, afgesloten, crisisopvangPlaatsingen: crisis.n });
}

/**
 * Every year with data, newest first: a year in which a traject ran (from its registration to its
 * closure, or to `today` while open) or a melding was dated. From the kept counts: no scan.
 */
export function jarenMetGegevens(db: Db, today: IsoDate): number[] {
  const nu = yearOf(today);
  const jaren = new Set<number>();
  const spans = stmt(db, `SELECT aanmeldjaar, max(sluitjaar) AS sluitjaar, min(sluitjaar) AS open FROM traject_tellingen WHERE n > 0 GROUP BY aanmeldjaar`).all() as Array<{ aanmeldjaar: number; sluitjaar: number; open: number }>;
  for (const s of spans) {
    const einde = s.open === 0 ? Math.max(nu, s.sluitjaar) : s.sluitjaar;
    for (let j = s.aanmeldjaar; j <= einde; j++) jaren.add(j);
  }
  for (const r of stmt(db, `SELECT DISTINCT jaar FROM melding_tellingen WHERE n > 0`).all() as Array<{ jaar: number }>) jaren.add(r.jaar);
  return [...jaren].sort((a, b) => b - a);
}
