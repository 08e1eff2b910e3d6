import raw from '../../resources/opvang.json';
import type { IsoDate } from './common.schema';
import type { OpvangSoort } from './traject.schema';
import { addMonths, ageOn } from './dates';
import { loadPolicy } from '../policy/loadPolicy';
import type { PolicyBron } from '../policy/policy.schema';
import { OpvangFile, type Geslacht, type OpvangRegel } from './opvang.schema';

/** The opvang rules with their version and sources, validated at load: a broken file stops Ketenkluis at start. */
export const opvangPolicy: OpvangFile = loadPolicy(OpvangFile, raw, 'resources/opvang.json');

function rule<R extends OpvangRegel['regel']>(soort: OpvangSoort, regel: R, regels: readonly OpvangRegel[]): Extract<OpvangRegel, { regel: R }> | undefined {
  return regels.find((r): r is Extract<OpvangRegel, { regel: R }> => r.opvang === soort && r.regel === regel);
}

/** Crisisopvang is meant for at most this many months (resources/opvang.json). */
export const CRISISOPVANG_MAX_MONTHS: number = rule('crisisopvang', 'maximumduur', opvangPolicy.inhoud.regels)!.maanden;

/** The last day within the crisisopvang limit for a stay that started on `start`. */
export function crisisopvangGrens(start: IsoDate): IsoDate {
  return addMonths(start, CRISISOPVANG_MAX_MONTHS);
}

/**
 * True when a crisisopvang stay lasts more than 3 months: its end (or today, while it runs)
 * is after the limit. Other kinds of opvang have no such limit.
 */
export function crisisopvangTeLang(opvang: { soort: OpvangSoort; start: IsoDate; eind?: IsoDate | null | undefined }, today: IsoDate): boolean {
  if (opvang.soort !== 'crisisopvang') return false;
  const until = opvang.eind ?? today;
  return until > crisisopvangGrens(opvang.start);
}

/** True while a stay runs on `today` (started, and not yet ended). */
export function opvangLoopt(opvang: { start: IsoDate; eind?: IsoDate | null | undefined }, today: IsoDate): boolean {
  return opvang.start <= today && (!opvang.eind || opvang.eind >= today);
}

/**
 * The day a running stay ends or must end: its planned end, or for crisisopvang the 3-month
 * limit when that comes first. Null for a stay without end and without limit.
 */
export function opvangEinde(opvang: { soort: OpvangSoort; start: IsoDate; eind?: IsoDate | null | undefined }): IsoDate | null {
  const limit = opvang.soort === 'crisisopvang' ? crisisopvangGrens(opvang.start) : null;
  if (opvang.eind && limit) return opvang.eind < limit ? opvang.eind : limit;
  return opvang.eind ?? limit;
}

/** A length of stay as people say it: whole months, and "ruim" when some days are left over. */
export interface Duur {
  maanden: number;
  ruim: boolean;
}

/** Whole calendar months from `from` to `to` (as addMonths counts them), and whether days are left over. */
export function duurTussen(from: IsoDate, to: IsoDate): Duur {
  let maanden = 0;
  while (addMonths(from, maanden + 1) <= to) maanden += 1;
  return { maanden, ruim: addMonths(from, maanden) < to };
}

/** Which rule a placement breaks, and how it is put on screen (one text per code, in both languages). */
export type OpvangBezwaarCode =
  | 'geslacht'
  | 'geslacht-onbekend'
  | 'leeftijd'
  | 'leeftijd-minderjarig'
  | 'leeftijd-onbekend'
  | 'duur-loopt'
  | 'duur-duurde'
  | 'duur-gepland';

/**
 * A rule of resources/opvang.json that a placement breaks (`zeker`), or may break because a
 * fact is not known (`zeker: false`: "niet bekend of …"). `reden` is the Dutch text; the screen
 * words the same from `code` and the figures, in the user's language.
 */
export interface OpvangBezwaar {
  regel: OpvangRegel['regel'];
  code: OpvangBezwaarCode;
  zeker: boolean;
  reden: string;
  bron: PolicyBron;
  /** Minimum age of the rule (leeftijd codes). */
  minimum?: number;
  /** The cliënt's age on the first day of the stay (code `leeftijd`). */
  leeftijd?: number;
  /** Maximum months of the rule (duur codes). */
  max?: number;
  /** How long the stay runs, ran or is planned (duur codes). */
  duur?: Duur;
  /** The planned end (code `duur-gepland`). */
  eind?: IsoDate;
}

/** What opvangBezwaren needs to know about the cliënt. */
export interface OpvangClient {
  geslacht: Geslacht;
  geboortedatum?: IsoDate | null | undefined;
  /** Of the traject; null when not known. */
  minderjarigBijStart: boolean | null;
}

/** "3 maanden", "ruim 3 maanden", "1 maand" (Dutch, for `reden`). */
export function duurTekst(duur: Duur): string {
  return `${duur.ruim ? 'ruim ' : ''}${duur.maanden} ${duur.maanden === 1 ? 'maand' : 'maanden'}`;
}

function datumTekst(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y}`;
}

/** The Dutch text of a bezwaar, from its code and figures (the screen's Dutch table says the same). */
function reden(b: Omit<OpvangBezwaar, 'reden'>): string {
  const voorVrouwen = 'Crisisopvang is voor personen die zich identificeren als vrouw (en hun kinderen).';
  const vanafLeeftijd = `Crisisopvang is voor vrouwen van ${b.minimum} jaar en ouder (en hun kinderen).`;
  const hooguit = `Crisisopvang duurt hooguit ${b.max} maanden:`;
  switch (b.code) {
    case 'geslacht':
      return `${voorVrouwen} Deze cliënt staat niet als vrouw vastgelegd.`;
    case 'geslacht-onbekend':
      return `Niet bekend of de cliënt zich identificeert als vrouw. ${voorVrouwen}`;
    case 'leeftijd':
      return `${vanafLeeftijd} De cliënt was ${b.leeftijd} jaar op de eerste dag van deze opvang.`;
    case 'leeftijd-minderjarig':
      return `${vanafLeeftijd} De cliënt was minderjarig bij de start van het traject, en de geboortedatum is niet bekend.`;
    case 'leeftijd-onbekend':
      return `Niet bekend of de cliënt ${b.minimum} jaar of ouder is. ${vanafLeeftijd}`;
    case 'duur-loopt':
      return `${hooguit} deze loopt al ${duurTekst(b.duur!)}.`;
    case 'duur-duurde':
      return `${hooguit} deze duurde ${duurTekst(b.duur!)}.`;
    case 'duur-gepland':
      return `${hooguit} deze is gepland tot ${datumTekst(b.eind!)}, dat is ${duurTekst(b.duur!)}.`;
  }
}

/**
 * The rules of resources/opvang.json that one stay breaks, each with a Dutch reason and its
 * source. A rule whose fact is not known (gender `onbekend`, no birth date and minor-at-start
 * not known) gives a "niet bekend of …" flag rather than silence. The age counts on the stay's
 * first day; without a birth date, a cliënt who was a minor at the traject's start is flagged as
 * possibly too young. The duration counts to the end, or to `today` while the stay runs; a
 * planned end beyond the limit is flagged as planned. Never refuses anything: the coordinator
 * decides.
 */
export function opvangBezwaren(
  opvang: { soort: OpvangSoort; start: IsoDate; eind?: IsoDate | null | undefined },
  client: OpvangClient,
  today: IsoDate,
  regels: readonly OpvangRegel[] = opvangPolicy.inhoud.regels,
): OpvangBezwaar[] {
  const out: Array<Omit<OpvangBezwaar, 'reden'>> = [];

  const geslacht = rule(opvang.soort, 'geslacht', regels);
  if (geslacht) {
    if (client.geslacht === 'onbekend') out.push({ regel: 'geslacht', code: 'geslacht-onbekend', zeker: false, bron: geslacht.bron });
    else if (!(geslacht.geslachten as readonly string[]).includes(client.geslacht)) out.push({ regel: 'geslacht', code: 'geslacht', zeker: true, bron: geslacht.bron });
  }

  const leeftijd = rule(opvang.soort, 'minimumleeftijd', regels);
  if (leeftijd) {
    const base = { regel: 'minimumleeftijd' as const, bron: leeftijd.bron, minimum: leeftijd.jaren };
    if (client.geboortedatum) {
      const age = ageOn(client.geboortedatum, opvang.start);
      if (age < leeftijd.jaren) out.push({ ...base, code: 'leeftijd', zeker: true, leeftijd: age });
    } else if (client.minderjarigBijStart === true) {
      out.push({ ...base, code: 'leeftijd-minderjarig', zeker: false });
    } else if (client.minderjarigBijStart === null || leeftijd.jaren > 18) {
      // An adult at the traject's start is 18 or older; that proves nothing for a higher minimum.
      out.push({ ...base, code: 'leeftijd-onbekend', zeker: false });
    }
  }

  const duur = rule(opvang.soort, 'maximumduur', regels);
  if (duur) {
    const until = opvang.eind ?? today;
    if (until > addMonths(opvang.start, duur.maanden)) {
      const base = { regel: 'maximumduur' as const, zeker: true, bron: duur.bron, max: duur.maanden, duur: duurTussen(opvang.start, until) };
      if (!opvang.eind) out.push({ ...base, code: 'duur-loopt' });
      else if (opvang.eind <= today) out.push({ ...base, code: 'duur-duurde' });
      else out.push({ ...base, code: 'duur-gepland', eind: opvang.eind });
    }
  }

  return out.map((b) => ({ ...b, reden: reden(b) }));
}
