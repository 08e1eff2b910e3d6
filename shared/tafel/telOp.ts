import type { MonitorCijfers } from '../casework/dashboard.schema';
import { Uitbuitingsvorm } from '../casework/common.schema';
import { monitorPolicy } from '../casework/monitor';
import type { RuweCijfers } from './telbestand.schema';

/*
 * Adding the raw figures of two vaults of one organisation, cell by cell. Every count in
 * `MonitorCijfers` is a count of records (cliënten, meldingen, closures, placements, police
 * contacts) and every record lives in exactly one vault, so the figures of two vaults together
 * are the sums of their cells — exactly what one vault holding both vaults' records would count.
 * (A cliënt with trajecten in two vaults would count twice; within one organisation a cliënt has
 * one coordinator, and the count files cannot tell persons apart anyway.)
 *
 * Lists keep the order the monitor gives them: categories and gemeente groups as the policy lists
 * them, forms in the order of `Uitbuitingsvorm`, the meldingen rows in the policy's order, a row
 * or form with nothing left out (as in one vault), closures by count, most first (equal counts
 * by reason).
 */

type Teller = Record<string, number>;

function somVelden<T extends Teller>(a: T, b: T): T {
  const uit: Teller = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) uit[k] = (a[k] ?? 0) + (b[k] ?? 0);
  return uit as T;
}

/** Sums two lists of rows keyed by `sleutel`; every other field is a count. */
function somRijen<R extends object, K extends keyof R & string>(a: readonly R[], b: readonly R[], sleutel: K, volgorde: (x: string) => number): R[] {
  const per = new Map<string, Record<string, unknown>>();
  for (const r of [...a, ...b] as Array<Record<string, unknown>>) {
    const key = String(r[sleutel]);
    const eerder = per.get(key);
    if (!eerder) {
      per.set(key, { ...r });
      continue;
    }
    for (const [k, v] of Object.entries(r)) if (k !== sleutel) eerder[k] = ((eerder[k] as number | undefined) ?? 0) + (v as number);
  }
  return ([...per.values()] as R[]).sort((x, y) => volgorde(String(x[sleutel])) - volgorde(String(y[sleutel])));
}

const indexIn = (lijst: readonly string[]) => (x: string) => {
  const i = lijst.indexOf(x);
  return i < 0 ? lijst.length : i;
};

/** Figures for different years or regions cannot be added; a programming error, never a person's. */
export class TelOpFout extends Error {}

/** The cell-by-cell sum of two periods' figures of the same year and region. */
export function telOpCijfers(a: MonitorCijfers, b: MonitorCijfers): MonitorCijfers {
  if (a.jaar !== b.jaar || a.regio !== b.regio) throw new TelOpFout('Alleen cijfers van hetzelfde jaar en dezelfde regio tellen op');
  const monitor = monitorPolicy.inhoud;
  const vormVolgorde = indexIn(Uitbuitingsvorm.options);
  const perReden = somRijen(a.clienten.afgesloten.perReden, b.clienten.afgesloten.perReden, 'reden', () => 0).sort(
    (x, y) => y.aantal - x.aantal || (x.reden < y.reden ? -1 : x.reden > y.reden ? 1 : 0),
  );
  return {
    jaar: a.jaar,
    regio: a.regio,
    clienten: {
      perCategorie: somRijen(a.clienten.perCategorie, b.clienten.perCategorie, 'categorie', indexIn(monitor.categorieen)),
      totaal: somVelden(a.clienten.totaal, b.clienten.totaal),
      leeftijd: somVelden(a.clienten.leeftijd, b.clienten.leeftijd),
      perVorm: somRijen(a.clienten.perVorm, b.clienten.perVorm, 'vorm', vormVolgorde),
      afgesloten: { totaal: a.clienten.afgesloten.totaal + b.clienten.afgesloten.totaal, perReden },
      crisisopvangPlaatsingen: a.clienten.crisisopvangPlaatsingen + b.clienten.crisisopvangPlaatsingen,
    },
    meldingen: {
      totaal: a.meldingen.totaal + b.meldingen.totaal,
      perGemeenteGroep: somRijen(a.meldingen.perGemeenteGroep, b.meldingen.perGemeenteGroep, 'groep', indexIn(monitor.gemeenteGroepen)),
      perVorm: somRijen(a.meldingen.perVorm, b.meldingen.perVorm, 'rij', indexIn(monitor.meldingRijen.map((r) => r.rij))),
      preventieveGesprekken: somVelden(a.meldingen.preventieveGesprekken, b.meldingen.preventieveGesprekken),
      informatieverzoeken: somVelden(a.meldingen.informatieverzoeken, b.meldingen.informatieverzoeken),
      perConclusie: somVelden(a.meldingen.perConclusie, b.meldingen.perConclusie),
      acuut: a.meldingen.acuut + b.meldingen.acuut,
    },
    politie: {
      perVorm: somRijen(a.politie.perVorm, b.politie.perVorm, 'vorm', vormVolgorde),
      totaal: somVelden(a.politie.totaal, b.politie.totaal),
    },
  };
}

/** The sum of two vaults' raw figures for one period: the monitor figures and the meldingen per gemeente. */
export function telOp(a: RuweCijfers, b: RuweCijfers): RuweCijfers {
  return { cijfers: telOpCijfers(a.cijfers, b.cijfers), perGemeente: somVelden(a.perGemeente, b.perGemeente) };
}
