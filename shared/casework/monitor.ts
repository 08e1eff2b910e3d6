import { z } from 'zod';
import raw from '../../resources/monitor.json';
import { duplicates, policyFile } from '../policy/policy.schema';
import { loadPolicy } from '../policy/loadPolicy';
import { Uitbuitingsvorm } from './common.schema';
import { GemeenteGroep, MeldingRij, MonitorCategorie, type MonitorCijfers } from './dashboard.schema';
import { MeldingVorm, type MeldConclusie } from './melding.schema';
import type { AfsluitReden, PolitiecontactSoort } from './traject.schema';
import type { IsoDate } from './common.schema';
import type { RegioGemeenten } from './gemeenten.schema';
import { gemeenteGroep } from './gemeenten';

/** When a traject falls in a category: it is preventive, it has this form (alone or with others), it has no known form, or anything else. */
const Voorwaarde = z.union([
  z.strictObject({ preventief: z.literal(true) }),
  z.strictObject({ vorm: Uitbuitingsvorm }),
  z.strictObject({ geenVorm: z.literal(true) }),
  z.strictObject({ anders: z.literal(true) }),
]);
/** A condition of the category rule. */
type Voorwaarde = z.infer<typeof Voorwaarde>;

const conditionKey = (als: Voorwaarde): string => JSON.stringify(als);
/** Every form a melding can have, as one list. */
const meldingVormen: readonly MeldingVorm[] = MeldingVorm.options.flatMap((o) => o.options);

/** The file `resources/monitor.json`: how the regional monitor groups a year's figures, a policy file (see shared/policy). */
export const MonitorFile = policyFile(
  'monitor',
  z.strictObject({
    /** The categories in the order the monitor (and the dashboard) shows them. */
    categorieen: z.array(MonitorCategorie),
    /** The category rule: the first line whose condition fits decides; the last line catches the rest. */
    indeling: z.array(z.strictObject({ categorie: MonitorCategorie, als: Voorwaarde })).min(1),
    /** The monitor's rows of meldingen by form; every form of a melding in exactly one row. */
    meldingRijen: z.array(z.strictObject({ rij: MeldingRij, vormen: z.array(MeldingVorm).min(1) })),
    /** Where meldingen came from, in the monitor's order. */
    gemeenteGroepen: z.array(GemeenteGroep),
  }).superRefine((inhoud, ctx) => {
    const once = <T extends string>(list: readonly T[], all: readonly T[], path: string, what: string) => {
      for (const item of duplicates(list)) ctx.addIssue({ code: 'custom', message: `${what} "${item}" staat er meer dan één keer in`, path: [path] });
      for (const item of all) if (!list.includes(item)) ctx.addIssue({ code: 'custom', message: `${what} "${item}" ontbreekt`, path: [path] });
    };
    once(inhoud.categorieen, MonitorCategorie.options, 'categorieen', 'De categorie');
    once(inhoud.gemeenteGroepen, GemeenteGroep.options, 'gemeenteGroepen', 'De groep');
    once(inhoud.meldingRijen.map((r) => r.rij), MeldingRij.options, 'meldingRijen', 'De rij');
    once(inhoud.meldingRijen.flatMap((r) => r.vormen), meldingVormen, 'meldingRijen', 'De vorm');
    const last = inhoud.indeling.length - 1;
    inhoud.indeling.forEach((regel, i) => {
      if ('anders' in regel.als && i !== last) ctx.addIssue({ code: 'custom', message: 'Een regel "anders" hoort als laatste: de regels erna passen nooit', path: ['indeling', i, 'als'] });
    });
    if (!('anders' in inhoud.indeling[last]!.als)) ctx.addIssue({ code: 'custom', message: 'De laatste regel moet "anders" zijn, zodat elk traject een categorie krijgt', path: ['indeling', last, 'als'] });
    for (const key of duplicates(inhoud.indeling.map((r) => conditionKey(r.als)))) ctx.addIssue({ code: 'custom', message: `De voorwaarde ${key} staat er meer dan één keer in`, path: ['indeling'] });
    for (const categorie of inhoud.categorieen) {
      if (!inhoud.indeling.some((r) => r.categorie === categorie)) ctx.addIssue({ code: 'custom', message: `Geen regel deelt cliënten in bij de categorie "${categorie}"`, path: ['indeling'] });
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
  if ('geenVorm' in als) return traject.vormen.length === 0;
  return true;
}

/** The monitor category of a set of facts (one traject, or the deciding trajecten of a cliënt): the first rule of the monitor file that fits. */
export function monitorCategorie(traject: { preventief: boolean; vormen: readonly Uitbuitingsvorm[] }, monitor: MonitorIndeling = monitorPolicy.inhoud): MonitorCategorie {
  // The file is checked to end with "anders", so a rule always fits.
  return monitor.indeling.find((regel) => fits(regel.als, traject))!.categorie;
}

/** The facts of one traject the monitor needs (no names, no free text). */
export interface TrajectFeit {
  clientId: string;
  preventief: boolean;
  vormen: readonly Uitbuitingsvorm[];
  aanmelddatum: IsoDate;
  /** Null while open. */
  afgeslotenOp: IsoDate | null;
  /** Null when not known. */
  minderjarigBijStart: boolean | null;
}

/** True when a traject was supported during `jaar`: registered by its end and not closed before its start. */
export function liepInJaar(traject: { aanmelddatum: IsoDate; afgeslotenOp: IsoDate | null }, jaar: number): boolean {
  return liepInJaren(Number(traject.aanmelddatum.slice(0, 4)), traject.afgeslotenOp === null ? null : Number(traject.afgeslotenOp.slice(0, 4)), jaar);
}

/** The same by years: registered in `aanmeldjaar`, closed in `sluitjaar` (null while open). */
function liepInJaren(aanmeldjaar: number, sluitjaar: number | null, jaar: number): boolean {
  return aanmeldjaar <= jaar && (sluitjaar === null || sluitjaar >= jaar);
}

/** Trajecten with the same monitor facts, and how many (kept counts: no record, no cliënt). */
export interface TrajectGroep {
  preventief: boolean;
  vormen: readonly Uitbuitingsvorm[];
  minderjarigBijStart: boolean | null;
  aanmeldjaar: number;
  /** Null while open. */
  sluitjaar: number | null;
  aantal: number;
}

/** How one cliënt counts in a year. */
export interface ClientInJaar {
  categorie: MonitorCategorie;
  nieuw: boolean;
  minderjarig: boolean | null;
  /** The forms of the deciding trajecten, each once. */
  vormen: Uitbuitingsvorm[];
}

/**
 * How one cliënt counts in `jaar`, from the trajecten of that cliënt that ran in that year (the
 * rule of resources/monitor.json, "toelichting"): the non-preventive trajecten decide when there
 * is one, otherwise the preventive ones; their forms together give the category; new/continuing
 * and minor follow the first of them (by registration date). Null when no traject ran that year.
 */
export function clientInJaar(trajecten: readonly TrajectFeit[], jaar: number, monitor: MonitorIndeling = monitorPolicy.inhoud): ClientInJaar | null {
  const liepen = trajecten.filter((t) => liepInJaar(t, jaar));
  if (liepen.length === 0) return null;
  const slachtoffer = liepen.filter((t) => !t.preventief);
  const beslissend = slachtoffer.length > 0 ? slachtoffer : liepen;
  const eerste = beslissend.reduce((a, b) => (b.aanmelddatum < a.aanmelddatum ? b : a));
  const vormen = [...new Set(beslissend.flatMap((t) => t.vormen))];
  return {
    categorie: monitorCategorie({ preventief: slachtoffer.length === 0, vormen }, monitor),
    nieuw: eerste.aanmelddatum >= `${jaar}-01-01`,
    minderjarig: eerste.minderjarigBijStart,
    vormen,
  };
}

/** A group of meldingen of the year with the same monitor facts, and how many. */
export interface MeldingTelling {
  gemeente: string;
  vorm: MeldingVorm;
  minderjarig: boolean | null;
  preventiefGesprek: boolean;
  informatieverzoek: boolean;
  /** The melder is a sex worker (their information requests are the monitor's own figure). */
  sekswerker: boolean;
  conclusie: MeldConclusie | null;
  acuut: boolean;
  aantal: number;
}

/** Police contacts of the year of one kind and form, and how many. */
export interface PolitieTelling {
  soort: PolitiecontactSoort;
  vorm: Uitbuitingsvorm;
  aantal: number;
}

/**
 * What a year's figures are computed from: facts and grouped counts, never a record with a name.
 * Most cliënten have one traject; they are counted from the kept groups of all trajecten. The
 * trajecten of cliënten with more than one come one by one (few), are taken out of the groups and
 * counted per cliënt (clientInJaar).
 */
export interface MonitorBron {
  /** All trajecten, grouped by their facts (every year: the rules pick the year's). */
  trajectGroepen: Iterable<TrajectGroep>;
  /** Every traject of each cliënt that has more than one, any order. */
  meervoudig: Iterable<TrajectFeit>;
  meldingen: readonly MeldingTelling[];
  politie: readonly PolitieTelling[];
  /** Trajecten closed in the year, by reason. */
  afgesloten: ReadonlyArray<{ reden: AfsluitReden; aantal: number }>;
  crisisopvangPlaatsingen: number;
}

/** The kept groups and the cliënten with several trajecten, from single trajecten (for tests and small sets). */
export function bronVanTrajecten(trajecten: readonly TrajectFeit[]): Pick<MonitorBron, 'trajectGroepen' | 'meervoudig'> {
  const perClient = new Map<string, number>();
  for (const t of trajecten) perClient.set(t.clientId, (perClient.get(t.clientId) ?? 0) + 1);
  const groepen = new Map<string, TrajectGroep>();
  for (const t of trajecten) {
    const g = groepVan(t);
    const key = groepKey(g);
    const found = groepen.get(key);
    if (found) found.aantal += 1;
    else groepen.set(key, g);
  }
  return { trajectGroepen: [...groepen.values()], meervoudig: trajecten.filter((t) => perClient.get(t.clientId)! > 1) };
}

function groepVan(t: TrajectFeit): TrajectGroep {
  return {
    preventief: t.preventief,
    vormen: t.vormen,
    minderjarigBijStart: t.minderjarigBijStart,
    aanmeldjaar: Number(t.aanmelddatum.slice(0, 4)),
    sluitjaar: t.afgeslotenOp === null ? null : Number(t.afgeslotenOp.slice(0, 4)),
    aantal: 1,
  };
}
const groepKey = (g: Omit<TrajectGroep, 'aantal'>) => JSON.stringify([g.preventief, g.vormen, g.minderjarigBijStart, g.aanmeldjaar, g.sluitjaar]);

const leeftijdKey = (minderjarig: boolean | null) => (minderjarig === null ? 'onbekend' : minderjarig ? 'minderjarig' : 'volwassen');
const naarLeeftijd = () => ({ volwassen: 0, minderjarig: 0, onbekend: 0 });

/**
 * The year's figures shaped like the regional monitor: cliënten (not trajecten) by category, new
 * or continuing, age and form; closures; crisisopvang placements; the meldingen of the year by
 * origin and by the monitor's rows (preventive conversations and information requests apart);
 * police contacts per form. Unknown is always its own row.
 */
export function monitorCijfers(jaar: number, regio: RegioGemeenten, bron: MonitorBron, monitor: MonitorIndeling = monitorPolicy.inhoud): MonitorCijfers {
  const perCategorie = new Map(monitor.categorieen.map((c) => [c, { categorie: c, nieuw: 0, doorlopend: 0, totaal: 0 }]));
  const totaal = { nieuw: 0, doorlopend: 0, totaal: 0 };
  const leeftijd = naarLeeftijd();
  const perVormClient = new Map<Uitbuitingsvorm, number>();
  const tel = (c: ClientInJaar, aantal: number) => {
    const row = perCategorie.get(c.categorie)!;
    const key = c.nieuw ? 'nieuw' : 'doorlopend';
    row[key] += aantal;
    row.totaal += aantal;
    totaal[key] += aantal;
    totaal.totaal += aantal;
    leeftijd[leeftijdKey(c.minderjarig)] += aantal;
    for (const vorm of c.vormen) perVormClient.set(vorm, (perVormClient.get(vorm) ?? 0) + aantal);
  };
  // The cliënten with several trajecten: per cliënt, and their trajecten out of the groups.
  const perClient = new Map<string, TrajectFeit[]>();
  const apart = new Map<string, number>();
  for (const t of bron.meervoudig) {
    const key = groepKey(groepVan(t));
    apart.set(key, (apart.get(key) ?? 0) + 1);
    if (!liepInJaar(t, jaar)) continue;
    const list = perClient.get(t.clientId);
    if (list) list.push(t);
    else perClient.set(t.clientId, [t]);
  }
  for (const trajecten of perClient.values()) tel(clientInJaar(trajecten, jaar, monitor)!, 1);
  // Everyone else has one traject: a group of n such trajecten is n cliënten with these facts.
  for (const g of bron.trajectGroepen) {
    const aantal = g.aantal - (apart.get(groepKey(g)) ?? 0);
    if (aantal <= 0 || !liepInJaren(g.aanmeldjaar, g.sluitjaar, jaar)) continue;
    const vormen = [...new Set(g.vormen)];
    tel({ categorie: monitorCategorie(g, monitor), nieuw: g.aanmeldjaar === jaar, minderjarig: g.minderjarigBijStart, vormen }, aantal);
  }

  const rijVan = new Map(monitor.meldingRijen.flatMap((r) => r.vormen.map((v) => [v, r.rij] as const)));
  const perGroep = new Map(monitor.gemeenteGroepen.map((g) => [g, 0]));
  const perRij = new Map<MeldingRij, { rij: MeldingRij; volwassen: number; minderjarig: number; onbekend: number }>();
  const preventieveGesprekken = naarLeeftijd();
  const informatieverzoeken = { sekswerkers: 0, overig: 0 };
  const perConclusie = { geen: 0, verderOnderzoek: 0, wel: 0, open: 0 };
  let acuut = 0;
  let meldingTotaal = 0;
  for (const m of bron.meldingen) {
    meldingTotaal += m.aantal;
    const groep = gemeenteGroep(m.gemeente, regio);
    perGroep.set(groep, perGroep.get(groep)! + m.aantal);
    if (m.acuut) acuut += m.aantal;
    if (m.conclusie === 'geen') perConclusie.geen += m.aantal;
    else if (m.conclusie === 'verder-onderzoek') perConclusie.verderOnderzoek += m.aantal;
    else if (m.conclusie === 'wel') perConclusie.wel += m.aantal;
    else perConclusie.open += m.aantal;
    if (m.preventiefGesprek) {
      preventieveGesprekken[leeftijdKey(m.minderjarig)] += m.aantal;
      continue;
    }
    if (m.informatieverzoek) {
      informatieverzoeken[m.sekswerker ? 'sekswerkers' : 'overig'] += m.aantal;
      continue;
    }
    const rij = rijVan.get(m.vorm)!;
    const row = perRij.get(rij) ?? { rij, ...naarLeeftijd() };
    row[leeftijdKey(m.minderjarig)] += m.aantal;
    perRij.set(rij, row);
  }

  const politie = new Map<Uitbuitingsvorm, { vorm: Uitbuitingsvorm; informatieveGesprekken: number; aangiftes: number }>();
  const politieTotaal = { informatieveGesprekken: 0, aangiftes: 0 };
  for (const p of bron.politie) {
    const row = politie.get(p.vorm) ?? { vorm: p.vorm, informatieveGesprekken: 0, aangiftes: 0 };
    const key = p.soort === 'aangifte' ? 'aangiftes' : 'informatieveGesprekken';
    row[key] += p.aantal;
    politieTotaal[key] += p.aantal;
    politie.set(p.vorm, row);
  }

  const vormOrder = (v: Uitbuitingsvorm) => Uitbuitingsvorm.options.indexOf(v);
  return {
    jaar,
    regio: regio.naam,
    clienten: {
      perCategorie: [...perCategorie.values()],
      totaal,
      leeftijd,
      perVorm: [...perVormClient].map(([vorm, aantal]) => ({ vorm, aantal })).sort((a, b) => vormOrder(a.vorm) - vormOrder(b.vorm)),
      afgesloten: { totaal: bron.afgesloten.reduce((n, a) => n + a.aantal, 0), perReden: [...bron.afgesloten].sort((a, b) => b.aantal - a.aantal) },
      crisisopvangPlaatsingen: bron.crisisopvangPlaatsingen,
    },
    meldingen: {
      totaal: meldingTotaal,
      perGemeenteGroep: monitor.gemeenteGroepen.map((groep) => ({ groep, aantal: perGroep.get(groep)! })),
      // The monitor's order of rows; a row without meldingen is left out.
      perVorm: monitor.meldingRijen.flatMap((r) => perRij.get(r.rij) ?? []),
      preventieveGesprekken,
      informatieverzoeken,
      perConclusie,
      acuut,
    },
    politie: { perVorm: [...politie.values()].sort((a, b) => vormOrder(a.vorm) - vormOrder(b.vorm)), totaal: politieTotaal },
  };
}

/**
 * True when a traject was supported during the period `van`..`tot` (ISO dates, both included):
 * registered by its end and not closed before its start. For a calendar year this is `liepInJaar`.
 */
export function liepInPeriode(traject: { aanmelddatum: IsoDate; afgeslotenOp: IsoDate | null }, van: IsoDate, tot: IsoDate): boolean {
  return traject.aanmelddatum <= tot && (traject.afgeslotenOp === null || traject.afgeslotenOp >= van);
}

/**
 * How one cliënt counts in the period `van`..`tot` (a quarter, for the Regionale Tafel): the rule
 * of `clientInJaar` with the period's dates — new when the deciding first traject was registered
 * in the period. For a calendar year it gives exactly what `clientInJaar` gives.
 */
export function clientInPeriode(trajecten: readonly TrajectFeit[], van: IsoDate, tot: IsoDate, monitor: MonitorIndeling = monitorPolicy.inhoud): ClientInJaar | null {
  const liepen = trajecten.filter((t) => liepInPeriode(t, van, tot));
  if (liepen.length === 0) return null;
  const slachtoffer = liepen.filter((t) => !t.preventief);
  const beslissend = slachtoffer.length > 0 ? slachtoffer : liepen;
  const eerste = beslissend.reduce((a, b) => (b.aanmelddatum < a.aanmelddatum ? b : a));
  const vormen = [...new Set(beslissend.flatMap((t) => t.vormen))];
  return {
    categorie: monitorCategorie({ preventief: slachtoffer.length === 0, vormen }, monitor),
    nieuw: eerste.aanmelddatum >= van,
    minderjarig: eerste.minderjarigBijStart,
    vormen,
  };
}
