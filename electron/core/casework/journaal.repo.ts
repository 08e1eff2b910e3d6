import type { IsoDate, Page, PageRequest } from '../../../shared/casework/common.schema';
import type { JournaalEntry, JournaalSoort } from '../../../shared/casework/traject.schema';
import { recordChange } from './changeKinds';
import { indexRecord, reindexRecord, unindexRecord } from './search.repo';
import { stmt, type Db } from '../db/sql';
import { assertVersion, found } from '../db/records';
import { type WriteContext } from '../changelog/writeContext';

const COLUMNS = 'id, traject_id AS trajectId, datum, soort, tekst, version, created_at AS createdAt, updated_at AS updatedAt';

/** Adds a journal entry to a traject (the traject must exist; the caller checks). Call inside a transaction. */
export function insertJournaal(db: Db, ctx: WriteContext, entry: { trajectId: string; clientId: string; datum: IsoDate; soort: JournaalSoort; tekst: string }): JournaalEntry {
  const id = ctx.newId();
  stmt(db, 'INSERT INTO journaal (id, traject_id, datum, soort, tekst, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)').run(
    id,
    entry.trajectId,
    entry.datum,
    entry.soort,
    entry.tekst,
    ctx.now,
    ctx.now,
  );
  indexRecord(db, 'journaal', id, { naam: '', tekst: entry.tekst, trajectId: entry.trajectId, clientId: entry.clientId });
  recordChange(db, ctx, 'journaal', id, 'create', ['datum', 'soort', 'tekst']);
  return { id, trajectId: entry.trajectId, datum: entry.datum, soort: entry.soort, tekst: entry.tekst, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
}

/** One journal entry, or NOT_FOUND. */
export function getJournaal(db: Db, id: string): JournaalEntry {
  return found(stmt(db, `SELECT ${COLUMNS} FROM journaal WHERE id = ?`).get(id) as JournaalEntry | undefined, 'journal entry');
}

/** The text the index should hold for a stored journal entry (used to verify and rebuild the index). */
export function journaalIndexTextOf(db: Db, id: string) {
  const entry = getJournaal(db, id);
  const clientId = (stmt(db, 'SELECT client_id FROM trajecten WHERE id = ?').get(entry.trajectId) as { client_id: string }).client_id;
  return { naam: '', tekst: entry.tekst, trajectId: entry.trajectId, clientId };
}

/** Corrects a journal entry; the index is rewritten so the old words are no longer found. */
export function updateJournaal(db: Db, ctx: WriteContext, id: string, version: number, change: { soort?: JournaalSoort | undefined; tekst?: string | undefined }): JournaalEntry {
  const current = getJournaal(db, id);
  assertVersion(current.version, version);
  const soort = change.soort ?? current.soort;
  const tekst = change.tekst ?? current.tekst;
  const fields = [...(soort !== current.soort ? ['soort'] : []), ...(tekst !== current.tekst ? ['tekst'] : [])];
  if (fields.length === 0) return current;
  stmt(db, 'UPDATE journaal SET soort = ?, tekst = ?, version = version + 1, updated_at = ? WHERE id = ?').run(soort, tekst, ctx.now, id);
  const clientId = (stmt(db, 'SELECT client_id FROM trajecten WHERE id = ?').get(current.trajectId) as { client_id: string }).client_id;
  reindexRecord(db, 'journaal', id, { naam: '', tekst: current.tekst, trajectId: current.trajectId, clientId }, { naam: '', tekst, trajectId: current.trajectId, clientId });
  recordChange(db, ctx, 'journaal', id, 'update', fields);
  return getJournaal(db, id);
}

/** Removes a journal entry and its index entry. */
export function deleteJournaal(db: Db, ctx: WriteContext, id: string, version: number): void {
  const current = getJournaal(db, id);
  assertVersion(current.version, version);
  stmt(db, 'DELETE FROM journaal WHERE id = ?').run(id);
  unindexRecord(db, 'journaal', id, { naam: '', tekst: current.tekst, trajectId: null, clientId: null });
  recordChange(db, ctx, 'journaal', id, 'delete', []);
}

/** One page of a traject's journal, newest first. */
export function listJournaal(db: Db, trajectId: string, page: PageRequest): Page<JournaalEntry> {
  const total = (stmt(db, 'SELECT count(*) AS n FROM journaal WHERE traject_id = ?').get(trajectId) as { n: number }).n;
  const items = stmt(db, `SELECT ${COLUMNS} FROM journaal WHERE traject_id = ? ORDER BY datum DESC, created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
    trajectId,
    page.limit,
    page.offset,
  ) as JournaalEntry[];
  return { items, total, offset: page.offset, limit: page.limit };
}
