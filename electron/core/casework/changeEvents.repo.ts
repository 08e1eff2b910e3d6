import { stmt, type Db, type WriteContext } from './support';

/** The kinds of records that change events name. */
export type Entity = 'client' | 'traject' | 'journaal' | 'taak' | 'toestemming' | 'melding' | 'view';
/** What happened to a record. */
export type ChangeAction = 'create' | 'update' | 'transition' | 'delete' | 'withdraw' | 'complete' | 'convert';

/** A change event as stored: field NAMES only, never values. */
export interface ChangeEvent {
  seq: number;
  at: string;
  actor: string;
  entity: Entity;
  entityId: string;
  action: ChangeAction;
  fields: string[];
}

/**
 * Records that a record changed: who, when, which entity, which field names. Runs inside the
 * caller's transaction, so a change and its event are saved together or not at all.
 */
export function recordChange(db: Db, ctx: WriteContext, entity: Entity, entityId: string, action: ChangeAction, fields: readonly string[]): void {
  const row = [ctx.now, ctx.actor, entity, entityId, action, JSON.stringify([...fields].sort())];
  const batch = batches.get(db);
  if (!batch) {
    stmt(db, INSERT_ONE).run(row);
    return;
  }
  batch.push(row);
  if (batch.length === BATCH_ROWS) flush(db, batch);
}

const INSERT_ONE = 'INSERT INTO change_events (at, actor, entity, entity_id, action, fields) VALUES (?, ?, ?, ?, ?, ?)';
/** Rows per multi-row INSERT in a batch (6 parameters each, well under SQLite's limit). */
const BATCH_ROWS = 200;
const INSERT_BATCH = `INSERT INTO change_events (at, actor, entity, entity_id, action, fields) VALUES ${Array.from({ length: BATCH_ROWS }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}`;
const batches = new WeakMap<Db, unknown[][]>();

function flush(db: Db, batch: unknown[][]): void {
  if (batch.length === BATCH_ROWS) stmt(db, INSERT_BATCH).run(batch.flat());
  else for (const row of batch) stmt(db, INSERT_ONE).run(row);
  batch.length = 0;
}

/**
 * Runs `fn` (a bulk write, INSIDE its transaction) with change events written in multi-row
 * inserts: the same rows in the same order, fewer statements. Events still pending when `fn`
 * returns are written before this returns, so they commit with the records; when `fn` throws,
 * the pending ones are dropped with the rolled-back transaction.
 */
export function withBatchedChanges<T>(db: Db, fn: () => T): T {
  if (!db.inTransaction) throw new Error('withBatchedChanges needs a transaction');
  if (batches.has(db)) return fn();
  const batch: unknown[][] = [];
  batches.set(db, batch);
  try {
    const result = fn();
    flush(db, batch);
    return result;
  } finally {
    batches.delete(db);
  }
}

/** The change events of one record, oldest first. */
export function changesOf(db: Db, entity: Entity, entityId: string): ChangeEvent[] {
  const rows = db
    .prepare('SELECT seq, at, actor, entity, entity_id AS entityId, action, fields FROM change_events WHERE entity = ? AND entity_id = ? ORDER BY seq')
    .all(entity, entityId) as Array<Omit<ChangeEvent, 'fields'> & { fields: string }>;
  return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) as string[] }));
}
