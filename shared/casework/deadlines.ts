import type { IsoDate } from './common.schema';
import type { DeadlineState, ProcedureStatus } from './traject.schema';
import { addDays } from './dates';

/** Days before a deadline that count as "binnenkort" (soon). */
export const SOON_DAYS = 14;

/** A span of days, both ends included; null leaves that end open. */
export interface DayRange {
  van: IsoDate | null;
  tot: IsoDate | null;
}

/** The deadline states of open work, from the earliest deadlines to the latest. */
const OPEN_STATES = ['verlopen', 'vandaag', 'binnenkort', 'ok'] as const;
/** A deadline state of open work with a deadline. */
export type OpenDeadlineState = (typeof OPEN_STATES)[number];

/**
 * The deadline rule, written once: which deadlines have `state` on `today` — passed (verlopen:
 * from the day after the deadline), due today, soon (within `soonDays`), or fine. deadlineState
 * reads it for one deadline; the core's lists and dashboard put the same range into SQL.
 */
export function deadlinesWith(state: OpenDeadlineState, today: IsoDate, soonDays = SOON_DAYS): DayRange {
  switch (state) {
    case 'verlopen':
      return { van: null, tot: addDays(today, -1) };
    case 'vandaag':
      return { van: today, tot: today };
    case 'binnenkort':
      return { van: addDays(today, 1), tot: addDays(today, soonDays) };
    case 'ok':
      return { van: addDays(today, soonDays + 1), tot: null };
  }
}

/** True when `day` lies in `range`. */
function inRange(day: IsoDate, range: DayRange): boolean {
  return (range.van === null || day >= range.van) && (range.tot === null || day <= range.tot);
}

/** The state of a deadline on a day: none, done, or the open state whose range holds it (deadlinesWith). */
export function deadlineState(deadline: IsoDate | null | undefined, today: IsoDate, options: { done?: boolean; soonDays?: number } = {}): DeadlineState {
  if (options.done) return 'afgerond';
  if (!deadline) return 'geen';
  return OPEN_STATES.find((state) => inRange(deadline, deadlinesWith(state, today, options.soonDays)))!;
}

/** Final procedure states: their deadline no longer asks for action. */
export const finalProcedureStatuses: readonly ProcedureStatus[] = ['toegekend', 'afgewezen', 'afgerond', 'ingetrokken'];

/** The deadline state of a procedure (a final status counts as done). */
export function procedureDeadlineState(procedure: { status: ProcedureStatus; deadline?: IsoDate | null | undefined }, today: IsoDate): DeadlineState {
  return deadlineState(procedure.deadline, today, { done: finalProcedureStatuses.includes(procedure.status) });
}

/**
 * The reminder days that are due on `today`: today and every day before. A task's reminder day
 * is its reminder, or without one its due date (taken.repo.ts queries open tasks in this range).
 */
export function remindersDue(today: IsoDate): DayRange {
  return { van: null, tot: today };
}
