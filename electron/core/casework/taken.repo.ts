import type { IsoDate, Page, PageRequest } from '../../../shared/casework/common.schema';
import type { Task } from '../../../shared/casework/traject.schema';
import { deadlineState, deadlinesWith, remindersDue } from '../../../shared/casework/deadlines';
import { dayRangeSql } from './dayRange';
import { recordChange } from './changeKinds';
import { stmt, type Db } from '../db/sql';
import { found } from '../db/records';
import { type WriteContext } from '../changelog/writeContext';

type TaskRow = Omit<Task, 'state'>;
/** A task's reminder day: its reminder, or without one its due date (the one place this is written). */
const REMINDER_DAY = 'coalesce(k.herinnering, k.deadline)';
const COLUMNS = 'k.id, k.traject_id AS trajectId, k.titel, k.deadline, k.herinnering, k.afgerond_op AS afgerondOp, k.created_at AS createdAt';

function withState<T extends TaskRow>(row: T, today: IsoDate): T & { state: Task['state'] } {
  return { ...row, state: deadlineState(row.deadline, today, { done: row.afgerondOp !== null }) };
}

/** Adds a task to a traject. Call inside a transaction. */
export function insertTaak(db: Db, ctx: WriteContext, task: { trajectId: string; titel: string; deadline: IsoDate; herinnering?: IsoDate | undefined; afgerond?: boolean }, today: IsoDate): Task {
  const id = ctx.newId();
  const afgerondOp = task.afgerond ? ctx.now : null;
  stmt(db, 'INSERT INTO taken (id, traject_id, titel, deadline, herinnering, afgerond_op, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    task.trajectId,
    task.titel,
    task.deadline,
    task.herinnering ?? null,
    afgerondOp,
    ctx.now,
  );
  recordChange(db, ctx, 'taak', id, 'create', ['titel', 'deadline', ...(task.herinnering ? ['herinnering'] : [])]);
  return withState({ id, trajectId: task.trajectId, titel: task.titel, deadline: task.deadline, herinnering: task.herinnering ?? null, afgerondOp, createdAt: ctx.now }, today);
}

/** Marks a task done (once; completing twice keeps the first moment). */
export function completeTaak(db: Db, ctx: WriteContext, id: string, today: IsoDate): Task {
  const row = found(stmt(db, `SELECT ${COLUMNS} FROM taken k WHERE k.id = ?`).get(id) as TaskRow | undefined, 'task');
  if (row.afgerondOp !== null) return withState(row, today);
  stmt(db, 'UPDATE taken SET afgerond_op = ? WHERE id = ?').run(ctx.now, id);
  recordChange(db, ctx, 'taak', id, 'complete', ['afgerondOp']);
  return withState({ ...row, afgerondOp: ctx.now }, today);
}

/**
 * Corrects a task's title, due date or reminder day (`herinnering: null` removes the reminder;
 * a field left out stays). A correction that changes nothing records nothing. Returns the task
 * and whether it changed, so the caller marks its traject as changed only then. Call inside a transaction.
 */
export function updateTaak(db: Db, ctx: WriteContext, id: string, change: { titel?: string | undefined; deadline?: IsoDate | undefined; herinnering?: IsoDate | null | undefined }, today: IsoDate): { task: Task; changed: boolean } {
  const row = found(stmt(db, `SELECT ${COLUMNS} FROM taken k WHERE k.id = ?`).get(id) as TaskRow | undefined, 'task');
  const next: TaskRow = {
    ...row,
    ...(change.titel !== undefined ? { titel: change.titel } : {}),
    ...(change.deadline !== undefined ? { deadline: change.deadline } : {}),
    ...(change.herinnering !== undefined ? { herinnering: change.herinnering } : {}),
  };
  const fields = (['titel', 'deadline', 'herinnering'] as const).filter((k) => next[k] !== row[k]);
  if (fields.length === 0) return { task: withState(row, today), changed: false };
  stmt(db, 'UPDATE taken SET titel = ?, deadline = ?, herinnering = ? WHERE id = ?').run(next.titel, next.deadline, next.herinnering, id);
  recordChange(db, ctx, 'taak', id, 'update', fields);
  return { task: withState(next, today), changed: true };
}

/** The tasks of one traject: open ones by due date, then done ones. */
export function listTakenOf(db: Db, trajectId: string, today: IsoDate): Task[] {
  const rows = stmt(db, `SELECT ${COLUMNS} FROM taken k WHERE k.traject_id = ? ORDER BY (k.afgerond_op IS NOT NULL), k.deadline, k.id`).all(trajectId) as TaskRow[];
  return rows.map((r) => withState(r, today));
}

/** Open tasks whose due date has passed (deadline state "verlopen"), oldest first. */
export function listOverdue(db: Db, today: IsoDate, page: PageRequest): Page<Task & { pseudoniem: string }> {
  const overdue = dayRangeSql('k.deadline', deadlinesWith('verlopen', today));
  const total = (stmt(db, `SELECT count(*) AS n FROM taken k WHERE k.afgerond_op IS NULL AND ${overdue.sql}`).get(...overdue.params) as { n: number }).n;
  const rows = stmt(
    db,
    `SELECT ${COLUMNS}, t.pseudoniem FROM taken k JOIN trajecten t ON t.id = k.traject_id
      WHERE k.afgerond_op IS NULL AND ${overdue.sql} ORDER BY k.deadline, k.id LIMIT ? OFFSET ?`,
  ).all(...overdue.params, page.limit, page.offset) as Array<TaskRow & { pseudoniem: string }>;
  return { items: rows.map((r) => withState(r, today)), total, offset: page.offset, limit: page.limit };
}

/** Open tasks whose reminder day (or, without one, due date) is today or earlier (remindersDue). */
export function listReminders(db: Db, today: IsoDate, page: PageRequest): Page<Task & { pseudoniem: string }> {
  const due = dayRangeSql(REMINDER_DAY, remindersDue(today));
  const total = (stmt(db, `SELECT count(*) AS n FROM taken k WHERE k.afgerond_op IS NULL AND ${due.sql}`).get(...due.params) as { n: number }).n;
  const rows = stmt(
    db,
    `SELECT ${COLUMNS}, t.pseudoniem FROM taken k JOIN trajecten t ON t.id = k.traject_id
      WHERE k.afgerond_op IS NULL AND ${due.sql} ORDER BY ${REMINDER_DAY}, k.id LIMIT ? OFFSET ?`,
  ).all(...due.params, page.limit, page.offset) as Array<TaskRow & { pseudoniem: string }>;
  return { items: rows.map((r) => withState(r, today)), total, offset: page.offset, limit: page.limit };
}
