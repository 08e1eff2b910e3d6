import { BesluitRecord } from '../../../shared/verstrekkingen/besluit.schema';
import { found } from '../db/records';
import { int, stmt, type Db } from '../db/sql';

// The decision records (migration 0080): written once, read many times, never changed. The
// columns beside `record` are what the gate and the searches look up without parsing it.

/** Stores a decision record in the caller's transaction. */
export function insertBesluit(db: Db, record: BesluitRecord, clientId: string): void {
  stmt(
    db,
    `INSERT INTO verstrekking_besluiten (id, referentie, genomen_op, traject_id, client_id, pseudoniem, partner_id, doel, uitkomst, grondslag, velden, vier_ogen, herbeoordeling_op, ruleset_versie, vervangt, record)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.id,
    record.referentie,
    Date.parse(record.genomenOp),
    record.trajectId,
    clientId,
    record.pseudoniem,
    record.ontvanger.partnerId,
    record.doel,
    record.uitkomst,
    record.grondslag ?? null,
    JSON.stringify(record.velden),
    int(record.vierOgen),
    record.herbeoordelingOp,
    record.ruleSetVersie,
    record.vervangt ?? null,
    JSON.stringify(record),
  );
}

/** A decision record, or undefined when the vault has no decision with this id. */
export function findBesluit(db: Db, id: string): BesluitRecord | undefined {
  const row = stmt(db, 'SELECT record FROM verstrekking_besluiten WHERE id = ?').get(id) as { record: string } | undefined;
  return row ? BesluitRecord.parse(JSON.parse(row.record)) : undefined;
}

/** A decision record, or NOT_FOUND. */
export function readBesluit(db: Db, id: string): BesluitRecord {
  return found(findBesluit(db, id), 'decision');
}

/** The decisions of a traject, newest first. */
export function besluitenVan(db: Db, trajectId: string): BesluitRecord[] {
  return (stmt(db, 'SELECT record FROM verstrekking_besluiten WHERE traject_id = ? ORDER BY genomen_op DESC, id DESC').all(trajectId) as Array<{ record: string }>).map((r) =>
    BesluitRecord.parse(JSON.parse(r.record)),
  );
}

/** The decision that corrects (replaces) this one, if any. */
export function vervangenDoor(db: Db, id: string): string | undefined {
  return (stmt(db, 'SELECT id FROM verstrekking_besluiten WHERE vervangt = ?').get(id) as { id: string } | undefined)?.id;
}

/** A short reference for the cover and the register: `VK-` and 12 characters of the id's random part. Unique with the id. */
export function referentieVan(id: string): string {
  return `VK-${id.replaceAll('-', '').slice(-12).toUpperCase()}`;
}
