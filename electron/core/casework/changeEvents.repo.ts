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
  stmt(db, 'INSERT INTO change_events (at, actor, entity, entity_id, action, fields) VALUES (?, ?, ?, ?, ?, ?)').run(ctx.now, ctx.actor, entity, entityId, action, JSON.stringify([...fields].sort()));
}

/** The change events of one record, oldest first. */
export function changesOf(db: Db, entity: Entity, entityId: string): ChangeEvent[] {
  const rows = db
    .prepare('SELECT seq, at, actor, entity, entity_id AS entityId, action, fields FROM change_events WHERE entity = ? AND entity_id = ? ORDER BY seq')
    .all(entity, entityId) as Array<Omit<ChangeEvent, 'fields'> & { fields: string }>;
  return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) as string[] }));
}
