import type { IsoDate } from './common.schema';
import type { DeadlineState, ProcedureStatus } from './traject.schema';
import { daysBetween } from './dates';

/** Days before a deadline that count as "binnenkort" (soon). */
export const SOON_DAYS = 14;

/**
 * The state of a deadline on a day: none, done, passed (verlopen: the day after the deadline),
 * due today, soon (within `soonDays`), or fine.
 */
export function deadlineState(deadline: IsoDate | null | undefined, today: IsoDate, options: { done?: boolean; soonDays?: number } = {}): DeadlineState {
  if (options.done) return 'afgerond';
  if (!deadline) return 'geen';
  const days = daysBetween(today, deadline);
  if (days < 0) return 'verlopen';
  if (days === 0) return 'vandaag';
  if (days <= (options.soonDays ?? SOON_DAYS)) return 'binnenkort';
  return 'ok';
}

/** True when the deadline has passed and the work is not done. */
export function isOverdue(deadline: IsoDate | null | undefined, today: IsoDate, done = false): boolean {
  return deadlineState(deadline, today, { done }) === 'verlopen';
}

/** Final procedure states: their deadline no longer asks for action. */
export const finalProcedureStatuses: readonly ProcedureStatus[] = ['toegekend', 'afgewezen', 'afgerond', 'ingetrokken'];

/** The deadline state of a procedure (a final status counts as done). */
export function procedureDeadlineState(procedure: { status: ProcedureStatus; deadline?: IsoDate | null | undefined }, today: IsoDate): DeadlineState {
  return deadlineState(procedure.deadline, today, { done: finalProcedureStatuses.includes(procedure.status) });
}

/** True when a task's reminder (or, without one, its due date) has come. */
export function reminderDue(task: { deadline: IsoDate; herinnering?: IsoDate | null | undefined; done: boolean }, today: IsoDate): boolean {
  if (task.done) return false;
  return (task.herinnering ?? task.deadline) <= today;
}
