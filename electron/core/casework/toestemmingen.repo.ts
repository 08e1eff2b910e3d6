import { KkError } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/casework/common.schema';
import type { Toestemming, ToestemmingFields } from '../../../shared/casework/traject.schema';
import { toestemmingStatus } from '../../../shared/casework/consent';
import { recordChange } from './changeKinds';
import { bool, int, stmt, withoutNulls, type Db } from '../db/sql';
import { definedKeys, found } from '../db/records';
import { type WriteContext } from '../changelog/writeContext';

type Row = {
  id: string;
  trajectId: string;
  doel: Toestemming['doel'];
  ontvanger: string;
  vanaf: string;
  tot: string | null;
  schriftelijk: number;
  gegevenDoor: Toestemming['gegevenDoor'];
  toelichting: string | null;
  ingetrokkenOp: string | null;
  createdAt: string;
  geboortedatum: string | null;
};

const SELECT = `SELECT s.id, s.traject_id AS trajectId, s.doel, s.ontvanger, s.vanaf, s.tot, s.schriftelijk, s.gegeven_door AS gegevenDoor,
       s.toelichting, s.ingetrokken_op AS ingetrokkenOp, s.created_at AS createdAt, json_extract(c.data, '$.geboortedatum') AS geboortedatum
  FROM toestemmingen s JOIN trajecten t ON t.id = s.traject_id JOIN clienten c ON c.id = t.client_id`;

function toToestemming(row: Row, today: IsoDate): Toestemming {
  const { geboortedatum, schriftelijk, ingetrokkenOp, ...rest } = row;
  const base = { ...withoutNulls(rest), schriftelijk: bool(schriftelijk), ingetrokkenOp };
  return { ...base, status: toestemmingStatus(base, { geboortedatum }, today) } as Toestemming;
}

/** Records a consent for a traject and returns it with its state today. Call inside a transaction. */
export function insertToestemming(db: Db, ctx: WriteContext, trajectId: string, fields: ToestemmingFields & { ingetrokkenOp?: IsoDate | undefined }, today: IsoDate): Toestemming {
  return getToestemming(db, writeToestemming(db, ctx, trajectId, fields), today);
}

/** Records a consent and returns its id (bulk import and seed skip the read-back). */
export function writeToestemming(db: Db, ctx: WriteContext, trajectId: string, fields: ToestemmingFields & { ingetrokkenOp?: IsoDate | undefined }): string {
  const id = ctx.newId();
  if (fields.tot && fields.tot < fields.vanaf) throw new KkError('INVALID_INPUT', 'Invalid consent period', { issues: [{ path: 'fields.tot', message: 'De einddatum ligt voor de begindatum' }] });
  stmt(db, 'INSERT INTO toestemmingen (id, traject_id, doel, ontvanger, vanaf, tot, schriftelijk, gegeven_door, toelichting, ingetrokken_op, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    trajectId,
    fields.doel,
    fields.ontvanger,
    fields.vanaf,
    fields.tot ?? null,
    int(fields.schriftelijk),
    fields.gegevenDoor,
    fields.toelichting ?? null,
    fields.ingetrokkenOp ?? null,
    ctx.now,
  );
  recordChange(db, ctx, 'toestemming', id, 'create', definedKeys(fields));
  return id;
}

/** One consent with its state today, or NOT_FOUND. */
export function getToestemming(db: Db, id: string, today: IsoDate): Toestemming {
  return toToestemming(found(stmt(db, `${SELECT} WHERE s.id = ?`).get(id) as Row | undefined, 'consent'), today);
}

/**
 * Records the withdrawal of a consent on a day. From that day the consent no longer counts;
 * a second withdrawal keeps the first date (the earliest withdrawal is what binds).
 */
export function withdrawToestemming(db: Db, ctx: WriteContext, id: string, datum: IsoDate, today: IsoDate): Toestemming {
  const current = getToestemming(db, id, today);
  if (current.ingetrokkenOp !== null && current.ingetrokkenOp <= datum) return current;
  stmt(db, 'UPDATE toestemmingen SET ingetrokken_op = ? WHERE id = ?').run(datum, id);
  recordChange(db, ctx, 'toestemming', id, 'withdraw', ['ingetrokkenOp']);
  return getToestemming(db, id, today);
}

/** The consents of a traject with their state today, newest first. */
export function listToestemmingenOf(db: Db, trajectId: string, today: IsoDate): Toestemming[] {
  return (stmt(db, `${SELECT} WHERE s.traject_id = ? ORDER BY s.vanaf DESC, s.id`).all(trajectId) as Row[]).map((r) => toToestemming(r, today));
}
