import { BesluitRecord } from '../../../shared/verstrekkingen/besluit.schema';
import { found } from '../db/records';
import { int, stmt, type Db } from '../db/sql';

// The decision records (migration 0080): written once, read many times, never changed. The
// columns beside `record` are what the gate and the searches look up without parsing it.

/** Stores a decision record in the caller's transaction: the record, and its engine reasoning beside it. */
export function insertBesluit(db: Db, record: BesluitRecord, clientId: string): void {
  const { redenering, bronnen, regels, situatie, ...samenvatting } = record;
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
    JSON.stringify(samenvatting),
  );
  stmt(db, 'INSERT INTO verstrekking_onderbouwing (besluit_id, data) VALUES (?, ?)').run(record.id, JSON.stringify({ redenering, bronnen, regels, situatie }));
}

const SELECT_RECORD = 'SELECT b.record, o.data FROM verstrekking_besluiten b JOIN verstrekking_onderbouwing o ON o.besluit_id = b.id';

function toRecord(row: { record: string; data: string }): BesluitRecord {
  return BesluitRecord.parse({ ...(JSON.parse(row.record) as object), ...(JSON.parse(row.data) as object) });
}

/** A decision record, or undefined when the vault has no decision with this id. */
export function findBesluit(db: Db, id: string): BesluitRecord | undefined {
  const row = stmt(db, `${SELECT_RECORD} WHERE b.id = ?`).get(id) as { record: string; data: string } | undefined;
  return row ? toRecord(row) : undefined;
}

/** A decision record, or NOT_FOUND. */
export function readBesluit(db: Db, id: string): BesluitRecord {
  return found(findBesluit(db, id), 'decision');
}

/** The decisions of a traject, newest first. */
export function besluitenVan(db: Db, trajectId: string): BesluitRecord[] {
  return (stmt(db, `${SELECT_RECORD} WHERE b.traject_id = ? ORDER BY b.genomen_op DESC, b.id DESC`).all(trajectId) as Array<{ record: string; data: string }>).map(toRecord);
}

/** The decision that corrects (replaces) this one, if any. */
export function vervangenDoor(db: Db, id: string): string | undefined {
  return (stmt(db, 'SELECT id FROM verstrekking_besluiten WHERE vervangt = ?').get(id) as { id: string } | undefined)?.id;
}

/** A short reference for the cover and the register: `VK-` and 12 characters of the id's random part. Unique with the id. */
export function referentieVan(id: string): string {
  return `VK-${id.replaceAll('-', '').slice(-12).toUpperCase()}`;
}
