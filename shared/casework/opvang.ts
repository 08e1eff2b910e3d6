import type { IsoDate } from './common.schema';
import type { OpvangSoort } from './traject.schema';
import { addMonths } from './dates';

/** Crisisopvang is meant for at most this many months. */
export const CRISISOPVANG_MAX_MONTHS = 3;

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
