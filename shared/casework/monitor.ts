import { z } from 'zod';
import raw from '../../resources/monitor.json';
import { duplicates, policyFile } from '../policy/policy.schema';
import { loadPolicy } from '../policy/loadPolicy';
import { Uitbuitingsvorm } from './common.schema';
import { GemeenteGroep, MonitorCategorie, type MonitorCijfers } from './dashboard.schema';
import type { MeldConclusie, MeldingVorm } from './melding.schema';
import type { RegioGemeenten } from './gemeenten.schema';
import { gemeenteGroep } from './gemeenten';

/** When a traject falls in a category: it is preventive, it has this form (alone or with others), or anything else. */
const Voorwaarde = z.union([z.strictObject({ preventief: z.literal(true) }), z.strictObject({ vorm: Uitbuitingsvorm }), z.strictObject({ anders: z.literal(true) })]);
/** A condition of the category rule. */
type Voorwaarde = z.infer<typeof Voorwaarde>;

const conditionKey = (als: Voorwaarde): string => JSON.stringify(als);

/** The file `resources/monitor.json`: how the regional monitor groups a year's figures, a policy file (see shared/policy). */
export const MonitorFile = policyFile(
  'monitor',
  z.strictObject({
    /** The categories in the order the monitor (and the dashboard) shows them. */
    categorieen: z.array(MonitorCategorie),
    /** The category rule: the first line whose condition fits decides; the last line catches the rest. */
    indeling: z.array(z.strictObject({ categorie: MonitorCategorie, als: Voorwaarde })).min(1),
    /** Where meldingen came from, in the monitor's order. */
    gemeenteGroepen: z.array(GemeenteGroep),
  }).superRefine((inhoud, ctx) => {
    const once = <T extends string>(list: T[], all: readonly T[], path: string, what: string) => {
      for (const item of duplicates(list)) ctx.addIssue({ code: 'custom', message: `${what} "${item}" staat er meer dan één keer in`, path: [path] });
      for (const item of all) if (!list.includes(item)) ctx.addIssue({ code: 'custom', message: `${what} "${item}" ontbreekt`, path: [path] });
    };
    once(inhoud.categorieen, MonitorCategorie.options, 'categorieen', 'De categorie');
    once(inhoud.gemeenteGroepen, GemeenteGroep.options, 'gemeenteGroepen', 'De groep');
    const last = inhoud.indeling.length - 1;
    inhoud.indeling.forEach((regel, i) => {
      if ('anders' in regel.als && i !== last) ctx.addIssue({ code: 'custom', message: 'Een regel "anders" hoort als laatste: de regels erna passen nooit', path: ['indeling', i, 'als'] });
    });
    if (!('anders' in inhoud.indeling[last]!.als)) ctx.addIssue({ code: 'custom', message: 'De laatste regel moet "anders" zijn, zodat elk traject een categorie krijgt', path: ['indeling', last, 'als'] });
    for (const key of duplicates(inhoud.indeling.map((r) => conditionKey(r.als)))) ctx.addIssue({ code: 'custom', message: `De voorwaarde ${key} staat er meer dan één keer in`, path: ['indeling'] });
    for (const categorie of inhoud.categorieen) {
      if (!inhoud.indeling.some((r) => r.categorie === categorie)) ctx.addIssue({ code: 'custom', message: `Geen regel deelt trajecten in bij de categorie "${categorie}"`, path: ['indeling'] });
    }
  }),
);
/** The monitor file. */
export type MonitorFile = z.infer<typeof MonitorFile>;
/** How the monitor groups figures. */
export type MonitorIndeling = MonitorFile['inhoud'];

/** The monitor's grouping with its version and sources, validated at load: a broken file stops Ketenkluis at start. */
export const monitorPolicy: MonitorFile = loadPolicy(MonitorFile, raw, 'resources/monitor.json');

function fits(als: Voorwaarde, traject: { preventief: boolean; vormen: readonly Uitbuitingsvorm[] }): boolean {
  if ('preventief' in als) return traject.preventief;
  if ('vorm' in als) return traject.vormen.includes(als.vorm);
  return true;
}

/** The monitor category of a traject; each traject counts once, by the first rule of the monitor file that fits. */
export function monitorCategorie(traject: { preventief: boolean; vormen: readonly Uitbuitingsvorm[] }, monitor: MonitorIndeling = monitorPolicy.inhoud): MonitorCategorie {
  // The file is checked to end with "anders", so a rule always fits.
  return monitor.indeling.find((regel) => fits(regel.als, traject))!.categorie;
}

/** True when a traject was supported during `jaar`: registered by its end and not closed before its start (sluitjaar null while open). */
export function liepInJaar(traject: { aanmeldjaar: number; sluitjaar: number | null }, jaar: number): boolean {
  return traject.aanmeldjaar <= jaar && (traject.sluitjaar === null || traject.sluitjaar >= jaar);
}

/** New in `jaar` (registered that year) or continuing from an earlier year. */
export function nieuwOfDoorlopend(aanmeldjaar: number, jaar: number): 'nieuw' | 'doorlopend' {
  return aanmeldjaar === jaar ? 'nieuw' : 'doorlopend';
}

/** A group of trajecten with the same monitor facts, and how many (any year: the rules pick the year's). */
export interface TrajectTelling {
  preventief: boolean;
  vormen: readonly Uitbuitingsvorm[];
  aanmeldjaar: number;
  /** The year it was closed, null while open. */
  sluitjaar: number | null;
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

/**
 * The year's figures shaped like the regional monitor, from grouped counts: the trajecten that
 * ran in `jaar` (liepInJaar), new or continuing, and the meldingen of that year. Meldingen by form
 * leave out preventive conversations and information requests, which the monitor counts apart.
 */
export function monitorCijfers(
  jaar: number,
  regio: RegioGemeenten,
  trajecten: readonly TrajectTelling[],
  meldingen: readonly MeldingTelling[],
  monitor: MonitorIndeling = monitorPolicy.inhoud,
): MonitorCijfers {
  const perCategorie = new Map(monitor.categorieen.map((c) => [c, { categorie: c, nieuw: 0, doorlopend: 0, totaal: 0 }]));
  const totaal = { nieuw: 0, doorlopend: 0, totaal: 0 };
  let minderjarig = 0;
  for (const t of trajecten) {
    if (!liepInJaar(t, jaar)) continue;
    const row = perCategorie.get(monitorCategorie(t, monitor))!;
    const key = nieuwOfDoorlopend(t.aanmeldjaar, jaar);
    row[key] += t.aantal;
    row.totaal += t.aantal;
    totaal[key] += t.aantal;
    totaal.totaal += t.aantal;
    if (t.minderjarigBijStart) minderjarig += t.aantal;
  }

  const perGroep = new Map(monitor.gemeenteGroepen.map((g) => [g, 0]));
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
      perGemeenteGroep: monitor.gemeenteGroepen.map((groep) => ({ groep, aantal: perGroep.get(groep)! })),
      perVorm: [...perVorm.values()].sort((a, b) => b.volwassen + b.minderjarig + b.onbekend - (a.volwassen + a.minderjarig + a.onbekend)),
      preventieveGesprekken,
      informatieverzoeken,
      perConclusie,
      acuut,
    },
  };
}
