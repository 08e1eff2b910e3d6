import { MeldingFields, type Melding, type MeldingSummary } from '../../../shared/casework/melding.schema';
import type { Page, PageRequest } from '../../../shared/casework/common.schema';
import type { MeldingFilter } from '../../../shared/casework/query.schema';
import { routeringsAdvies } from '../../../shared/casework/meldroute';
import type { Regio } from '../../../shared/casework/gemeenten.schema';
import { recordChange } from './changeKinds';
import { indexRecord, joinText, reindexRecord } from './search.repo';
import { bool, int, pagePlan, stmt, type Db } from '../db/sql';
import { applyPatch, assertVersion, changedFields, compact, definedKeys, found, parseOrInvalid } from '../db/records';
import { type WriteContext } from '../changelog/writeContext';

type Row = { id: string; data: string; traject_id: string | null; version: number; created_at: string; updated_at: string };

/** A stored melding as the screens get it, without the advice (which depends on the region). */
export type MeldingRecord = Omit<Melding, 'advies'>;

function toRecord(row: Row): MeldingRecord {
  const f = JSON.parse(row.data) as MeldingFields;
  return {
    id: row.id,
    datum: f.datum,
    kanaal: f.kanaal,
    anoniem: f.anoniem,
    melderType: f.melderType,
    melderContact: f.melderContact ?? null,
    gemeente: f.gemeente,
    vorm: f.vorm,
    minderjarig: f.minderjarig,
    preventiefGesprek: f.preventiefGesprek,
    informatieverzoek: f.informatieverzoek,
    signaal: f.signaal ?? null,
    conclusie: f.conclusie,
    acuut: f.acuut,
    terugkoppeling: f.terugkoppeling ?? null,
    notities: f.notities ?? null,
    trajectId: row.traject_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(f: MeldingFields): unknown[] {
  return [
    f.datum,
    f.kanaal,
    int(f.anoniem),
    f.melderType,
    f.gemeente,
    f.vorm,
    f.minderjarig === null ? null : int(f.minderjarig),
    int(f.preventiefGesprek),
    int(f.informatieverzoek),
    f.conclusie,
    int(f.acuut),
    int(f.terugkoppeling !== undefined),
    JSON.stringify(compact(f)),
  ];
}

function meldingIndexText(id: string, f: MeldingFields, trajectId: string | null) {
  return {
    naam: joinText(f.melderContact?.naam, f.melderContact?.organisatie),
    tekst: joinText(f.signaal, f.notities, f.terugkoppeling?.toelichting),
    trajectId,
    clientId: null,
  };
}

/** The text the index should hold for a stored melding (used to verify and rebuild the index). */
export function meldingIndexTextOf(db: Db, id: string) {
  const current = storedFields(db, id);
  return meldingIndexText(id, current.fields as MeldingFields, current.trajectId);
}

/** Stores a melding (fields already parsed) and returns it with the advice of the meldroute of `regio`. Call inside a transaction. */
export function insertMelding(db: Db, ctx: WriteContext, fields: MeldingFields, regio: Regio): Melding {
  return getMelding(db, writeMelding(db, ctx, fields), regio);
}

/** Stores a melding and returns its id (bulk import and seed skip the read-back). */
export function writeMelding(db: Db, ctx: WriteContext, fields: MeldingFields): string {
  const id = ctx.newId();
  stmt(
    db,
    `INSERT INTO meldingen (datum, kanaal, anoniem, melder_type, gemeente, vorm, minderjarig, preventief_gesprek, informatieverzoek, conclusie, acuut,
       teruggekoppeld, data, id, traject_id, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, ?)`,
  ).run(...columns(fields), id, ctx.now, ctx.now);
  indexRecord(db, 'melding', id, meldingIndexText(id, fields, null));
  recordChange(db, ctx, 'melding', id, 'create', definedKeys(fields));
  return id;
}

/** One melding without advice, or NOT_FOUND (for work that needs only its facts, such as turning it into a traject). */
export function getMeldingRecord(db: Db, id: string): MeldingRecord {
  return toRecord(found(stmt(db, 'SELECT id, data, traject_id, version, created_at, updated_at FROM meldingen WHERE id = ?').get(id) as Row | undefined, 'melding'));
}

/** One melding with the routing advice of the meldroute of `regio` (the vault profile's region), or NOT_FOUND. */
export function getMelding(db: Db, id: string, regio: Regio): Melding {
  const m = getMeldingRecord(db, id);
  return { ...m, advies: routeringsAdvies(m, regio) };
}

/** The stored fields of a melding. */
function storedFields(db: Db, id: string): { fields: Record<string, unknown>; version: number; trajectId: string | null } {
  const row = found(stmt(db, 'SELECT data, version, traject_id FROM meldingen WHERE id = ?').get(id) as { data: string; version: number; traject_id: string | null } | undefined, 'melding');
  return { fields: JSON.parse(row.data) as Record<string, unknown>, version: row.version, trajectId: row.traject_id };
}

/** Changes a melding after checking its version; the merged record must pass the full schema. The advice is that of the meldroute of `regio`. */
export function updateMelding(db: Db, ctx: WriteContext, id: string, version: number, patch: Record<string, unknown>, regio: Regio): Melding {
  const current = storedFields(db, id);
  assertVersion(current.version, version);
  const merged = parseOrInvalid(MeldingFields, applyPatch(current.fields, patch), 'fields');
  const fields = changedFields(current.fields, compact(merged) as Record<string, unknown>);
  if (fields.length === 0) return getMelding(db, id, regio);
  stmt(
    db,
    `UPDATE meldingen SET datum = ?, kanaal = ?, anoniem = ?, melder_type = ?, gemeente = ?, vorm = ?, minderjarig = ?, preventief_gesprek = ?,
       informatieverzoek = ?, conclusie = ?, acuut = ?, teruggekoppeld = ?, data = ?, version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(...columns(merged), ctx.now, id);
  reindexRecord(db, 'melding', id, meldingIndexText(id, current.fields as MeldingFields, current.trajectId), meldingIndexText(id, merged, current.trajectId));
  recordChange(db, ctx, 'melding', id, 'update', fields);
  return getMelding(db, id, regio);
}

/** Links a melding to the traject it became. */
export function linkMeldingToTraject(db: Db, ctx: WriteContext, id: string, trajectId: string): void {
  stmt(db, 'UPDATE meldingen SET traject_id = ?, version = version + 1, updated_at = ? WHERE id = ?').run(trajectId, ctx.now, id);
  const current = storedFields(db, id);
  const text = meldingIndexText(id, current.fields as MeldingFields, trajectId);
  reindexRecord(db, 'melding', id, text, text);
  recordChange(db, ctx, 'melding', id, 'convert', ['trajectId']);
}

/** One page of meldingen under a filter. */
export function listMeldingen(db: Db, filter: MeldingFilter, page: PageRequest): Page<MeldingSummary> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    where.push(sql);
    params.push(value);
  };
  if (filter.vanaf) add('m.datum >= ?', filter.vanaf);
  if (filter.tot) add('m.datum <= ?', filter.tot);
  if (filter.vorm) add('m.vorm = ?', filter.vorm);
  if (filter.conclusie === 'open') where.push('m.conclusie IS NULL');
  else if (filter.conclusie) add('m.conclusie = ?', filter.conclusie);
  if (filter.gemeente) add('m.gemeente = ?', filter.gemeente);
  if (filter.zonderTerugkoppeling !== undefined) add('m.teruggekoppeld = ?', int(!filter.zonderTerugkoppeling));
  if (filter.minderjarig !== undefined) add('m.minderjarig = ?', int(filter.minderjarig));
  if (filter.acuut !== undefined) add('m.acuut = ?', int(filter.acuut));
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const column = filter.sort === 'bijgewerkt' ? 'm.updated_at' : 'm.datum';
  const total = (stmt(db, `SELECT count(*) AS n FROM meldingen m ${whereSql}`).get(...params) as { n: number }).n;
  const plan = pagePlan(total, page.offset, page.limit);
  const dir = (filter.richting === 'asc') !== plan.reverse ? 'ASC' : 'DESC';
  const order = `ORDER BY ${column} ${dir}, m.id ${dir}`;
  const rows = stmt(
    db,
    `WITH page AS (SELECT m.id FROM meldingen m ${whereSql} ${order} LIMIT ? OFFSET ?)
     SELECT m.id, m.datum, m.kanaal, m.anoniem, m.melder_type AS melderType, m.gemeente, m.vorm, m.minderjarig, m.conclusie, m.acuut,
            m.teruggekoppeld, m.traject_id AS trajectId, t.pseudoniem AS trajectPseudoniem
       FROM page CROSS JOIN meldingen m ON m.id = page.id LEFT JOIN trajecten t ON t.id = m.traject_id
       ${order}`,
  ).all(...params, plan.limit, plan.offset) as Array<Record<string, unknown>>;
  if (plan.reverse) rows.reverse();
  return {
    items: rows.map((r) => ({
      ...(r as unknown as MeldingSummary),
      anoniem: bool(r.anoniem),
      minderjarig: r.minderjarig === null ? null : bool(r.minderjarig),
      acuut: bool(r.acuut),
      teruggekoppeld: bool(r.teruggekoppeld),
    })),
    total,
    offset: page.offset,
    limit: page.limit,
  };
}
