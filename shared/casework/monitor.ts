import type { IsoDate, Uitbuitingsvorm } from './common.schema';
import type { GemeenteGroep, MonitorCategorie, MonitorCijfers } from './dashboard.schema';
import type { MeldConclusie, MeldingVorm } from './melding.schema';
import type { RegioGemeenten } from './gemeenten.schema';
import { gemeenteGroep } from './gemeenten';

/**
 * The monitor category of a traject; each traject counts once. Preventive first (it has no
 * victim yet), then SU (the largest group, also when combined with another form), then CU,
 * and every other form (AU, OV, the 2024 EU forms) as "overig", as the 2024 monitor groups them.
 */
export function monitorCategorie(traject: { preventief: boolean; vormen: readonly Uitbuitingsvorm[] }): MonitorCategorie {
  if (traject.preventief) return 'preventief';
  if (traject.vormen.includes('seksuele-uitbuiting')) return 'seksuele-uitbuiting';
  if (traject.vormen.includes('criminele-uitbuiting')) return 'criminele-uitbuiting';
  return 'overig';
}

/** True when a traject was supported during `jaar`: started by its end and not closed before its start. */
export function liepInJaar(traject: { aanmelddatum: IsoDate; afgeslotenOp: IsoDate | null }, jaar: number): boolean {
  return traject.aanmelddatum <= `${jaar}-12-31` && (traject.afgeslotenOp === null || traject.afgeslotenOp >= `${jaar}-01-01`);
}

/** New in `jaar` (registered that year) or continuing from an earlier year. */
export function nieuwOfDoorlopend(aanmelddatum: IsoDate, jaar: number): 'nieuw' | 'doorlopend' {
  return aanmelddatum >= `${jaar}-01-01` ? 'nieuw' : 'doorlopend';
}

/** A group of trajecten that ran in the year, with the same monitor facts, and how many. */
export interface TrajectTelling {
  preventief: boolean;
  vormen: readonly Uitbuitingsvorm[];
  nieuw: boolean;
  minderjarigBijStart: boolean;
  aantal: number;
}

/** A group of meldingen of the year with the same monitor facts, and how many. */
export interface MeldingTelling {
  gemeente: string;
  vorm: MeldingVorm;
  minderjarig: boolean | null;
  preventiefGesprek: boolean;
  informatieverzoek: boolean;
  conclusie: MeldConclusie | null;
  acuut: boolean;
  aantal: number;
}

const categorieen: MonitorCategorie[] = ['seksuele-uitbuiting', 'criminele-uitbuiting', 'overig', 'preventief'];
const groepen: GemeenteGroep[] = ['centrumgemeente', 'regio', 'onbekend', 'buiten-regio'];

/**
 * The year's figures shaped like the regional monitor, from grouped counts. Meldingen by form
 * leave out preventive conversations and information requests, which the monitor counts apart.
 */
export function monitorCijfers(jaar: number, regio: RegioGemeenten, trajecten: readonly TrajectTelling[], meldingen: readonly MeldingTelling[]): MonitorCijfers {
  const perCategorie = new Map(categorieen.map((c) => [c, { categorie: c, nieuw: 0, doorlopend: 0, totaal: 0 }]));
  const totaal = { nieuw: 0, doorlopend: 0, totaal: 0 };
  let minderjarig = 0;
  for (const t of trajecten) {
    const row = perCategorie.get(monitorCategorie(t))!;
    const key = t.nieuw ? 'nieuw' : 'doorlopend';
    row[key] += t.aantal;
    row.totaal += t.aantal;
    totaal[key] += t.aantal;
    totaal.totaal += t.aantal;
    if (t.minderjarigBijStart) minderjarig += t.aantal;
  }

  const perGroep = new Map(groepen.map((g) => [g, 0]));
  const perVorm = new Map<MeldingVorm, { vorm: MeldingVorm; volwassen: number; minderjarig: number; onbekend: number }>();
  const preventieveGesprekken = { volwassen: 0, minderjarig: 0 };
  const perConclusie = { geen: 0, verderOnderzoek: 0, wel: 0, open: 0 };
  let informatieverzoeken = 0;
  let acuut = 0;
  let meldingTotaal = 0;
  for (const m of meldingen) {
    meldingTotaal += m.aantal;
    const groep = m.gemeente === 'buiten-regio' ? 'buiten-regio' : gemeenteGroep(m.gemeente, regio);
    perGroep.set(groep, perGroep.get(groep)! + m.aantal);
    if (m.acuut) acuut += m.aantal;
    if (m.conclusie === 'geen') perConclusie.geen += m.aantal;
    else if (m.conclusie === 'verder-onderzoek') perConclusie.verderOnderzoek += m.aantal;
    else if (m.conclusie === 'wel') perConclusie.wel += m.aantal;
    else perConclusie.open += m.aantal;
    if (m.preventiefGesprek) {
      // Unknown age counts as adult here, as the monitor has only two columns.
      preventieveGesprekken[m.minderjarig ? 'minderjarig' : 'volwassen'] += m.aantal;
      continue;
    }
    if (m.informatieverzoek) {
      informatieverzoeken += m.aantal;
      continue;
    }
    const row = perVorm.get(m.vorm) ?? { vorm: m.vorm, volwassen: 0, minderjarig: 0, onbekend: 0 };
    row[m.minderjarig === null ? 'onbekend' : m.minderjarig ? 'minderjarig' : 'volwassen'] += m.aantal;
    perVorm.set(m.vorm, row);
  }

  return {
    jaar,
    regio: regio.naam,
    clienten: { perCategorie: [...perCategorie.values()], totaal, minderjarig },
    meldingen: {
      totaal: meldingTotaal,
      perGemeenteGroep: groepen.map((groep) => ({ groep, aantal: perGroep.get(groep)! })),
      perVorm: [...perVorm.values()].sort((a, b) => b.volwassen + b.minderjarig + b.onbekend - (a.volwassen + a.minderjarig + a.onbekend)),
      preventieveGesprekken,
      informatieverzoeken,
      perConclusie,
      acuut,
    },
  };
}
