import { stmt, type Db } from '../db/sql';
import { uuidFromBytes, uuidToBytes } from '../db/ids';
import { actorText, parseActor, type WrittenBy, type WriteContext } from './writeContext';

/**
 * The change log: who changed which record, when, how, and which field NAMES (never values).
 * A service of every area. Each area declares its record kinds and their actions as a type and
 * takes a log typed for them, without editing this module:
 *
 *   export interface CaseworkChangeKinds { traject: 'create' | 'update' | 'transition'; … }
 *   export const { recordChange, changesOf } = changeLog<CaseworkChangeKinds>();
 *
 * The table has no CHECK on entity or action, so a new area needs no migration for them. The
 * log is append-only: no code updates or deletes an event, and migration 0050's triggers refuse
 * it, so the audit trail can hash-chain the rows in `seq` order.
 */

/** Record kinds and, for each, the actions that can happen to it (an interface of string unions). */
export type ChangeKinds<K> = { [E in keyof K]: string };

/** A change event as stored: field NAMES only, never values. */
export interface ChangeEvent<E extends string = string, A extends string = string> extends WrittenBy {
  seq: number;
  at: string;
  entity: E;
  entityId: string;
  action: A;
  fields: string[];
}

/** The change log typed for one area's kinds: an entity or action the area did not declare does not compile. */
export interface AreaChangeLog<K extends ChangeKinds<K>> {
  /**
   * Records that a record changed: who, when, which entity, which field names. Runs inside the
   * caller's transaction, so a change and its event are saved together or not at all.
   */
  recordChange<E extends keyof K & string>(db: Db, ctx: WriteContext, entity: E, entityId: string, action: K[E], fields: readonly string[]): void;
  /** The change events of one record, oldest first. */
  changesOf<E extends keyof K & string>(db: Db, entity: E, entityId: string): Array<ChangeEvent<E, K[E]>>;
}

/** The change log for an area whose kinds are K. */
export function changeLog<K extends ChangeKinds<K>>(): AreaChangeLog<K> {
  return { recordChange, changesOf: changesOf as AreaChangeLog<K>['changesOf'] };
}

// The compact form of migration 0030: time in ms, the record's UUID as 16 bytes, the field
// names as a reference to a shared list in change_fieldsets.
const ENSURE_FIELDSET = 'INSERT INTO change_fieldsets (fields) VALUES (?) ON CONFLICT (fields) DO NOTHING';
const FIELDSET_ID = 'SELECT id FROM change_fieldsets WHERE fields = ?';
const COLUMNS = '(at, actor, entity, entity_id, action, fieldset)';
const ROW = '(?, ?, ?, ?, ?, ?)';
const INSERT_ONE = `INSERT INTO change_events ${COLUMNS} VALUES ${ROW}`;
/** Rows per multi-row INSERT in a batch (6 parameters each, well under SQLite's limit). */
const BATCH_ROWS = 200;
// OR FAIL, plain values and a deferred foreign key: nothing in this statement can abort half-way,
// so SQLite opens no statement journal for it. A statement journal would make FTS5 write its
// pending terms out at every batch (its savepoint handler does that): measured at 100,000
// trajecten, 2,600 extra index segments and ~3 s. A failure still rolls back the whole import.
const INSERT_BATCH = `INSERT OR FAIL INTO change_events ${COLUMNS} VALUES ${Array.from({ length: BATCH_ROWS }, () => ROW).join(', ')}`;

/** A bulk write in progress: pending rows, and the field lists already stored in this transaction. */
interface Batch {
  rows: unknown[][];
  fieldsets: Map<string, number>;
  /** The record ids of the pending rows, 16 bytes each (reused after every flush; binding copies). */
  ids: Buffer;
}
const batches = new WeakMap<Db, Batch>();

let lastTime = { iso: '', ms: 0 };
/** Milliseconds since 1970 of an ISO time; a bulk write gives the same time thousands of times. */
function epochMs(iso: string): number {
  if (iso !== lastTime.iso) lastTime = { iso, ms: Date.parse(iso) };
  if (!Number.isFinite(lastTime.ms)) throw new Error('Not a time');
  return lastTime.ms;
}

let lastActor: { by: WrittenBy; text: string } | undefined;
/** The stored form of who wrote; a bulk write passes the same context thousands of times. */
function actorOf(ctx: WriteContext): string {
  if (lastActor?.by.actor !== ctx.actor || lastActor.by.via !== ctx.via) lastActor = { by: { actor: ctx.actor, via: ctx.via }, text: actorText(ctx) };
  return lastActor.text;
}

/** The number of a field list, stored first if it is new. Runs in the caller's transaction. */
function fieldsetId(db: Db, fields: string): number {
  stmt(db, ENSURE_FIELDSET).run(fields);
  return (stmt(db, FIELDSET_ID).get(fields) as { id: number }).id;
}

function recordChange(db: Db, ctx: WriteContext, entity: string, entityId: string, action: string, fields: readonly string[]): void {
  const names = JSON.stringify([...fields].sort());
  const batch = batches.get(db);
  // Only within one batch (one transaction) is a remembered number certain to exist.
  let fieldset = batch?.fieldsets.get(names);
  if (fieldset === undefined) {
    fieldset = fieldsetId(db, names);
    batch?.fieldsets.set(names, fieldset);
  }
  const id = batch ? uuidToBytes(entityId, batch.ids, batch.rows.length * 16) : uuidToBytes(entityId);
  const row = [epochMs(ctx.now), actorOf(ctx), entity, id, action, fieldset];
  if (!batch) {
    stmt(db, INSERT_ONE).run(row);
    return;
  }
  batch.rows.push(row);
  if (batch.rows.length === BATCH_ROWS) flush(db, batch.rows);
}

function flush(db: Db, rows: unknown[][]): void {
  if (rows.length === BATCH_ROWS) stmt(db, INSERT_BATCH).run(rows.flat());
  else for (const row of rows) stmt(db, INSERT_ONE).run(row);
  rows.length = 0;
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
  const batch: Batch = { rows: [], fieldsets: new Map(), ids: Buffer.alloc(16 * BATCH_ROWS) };
  batches.set(db, batch);
  try {
    const result = fn();
    flush(db, batch.rows);
    return result;
  } finally {
    batches.delete(db);
  }
}

function changesOf(db: Db, entity: string, entityId: string): ChangeEvent[] {
  const rows = db
    .prepare(
      `SELECT e.seq, e.at, e.actor, e.entity, e.entity_id AS entityId, e.action, f.fields
         FROM change_events e JOIN change_fieldsets f ON f.id = e.fieldset
        WHERE e.entity_id = ? AND e.entity = ? ORDER BY e.seq`,
    )
    .all(uuidToBytes(entityId), entity) as Array<{ seq: number; at: number; actor: string; entity: string; entityId: Uint8Array; action: string; fields: string }>;
  return rows.map(({ actor, ...r }) => ({ ...r, ...parseActor(actor), at: new Date(r.at).toISOString(), entityId: uuidFromBytes(r.entityId), fields: JSON.parse(r.fields) as string[] }));
}
