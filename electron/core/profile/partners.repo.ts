import { KkError } from '../../../shared/errors';
import { Partner, PartnerFields, type PartnerCategorie } from '../../../shared/partners/partner.schema';
import type { WriteContext } from '../changelog/writeContext';
import { assertVersion, changedFields, compact, found, parseOrInvalid } from '../db/records';
import { bool, stmt, type Db } from '../db/sql';
import { uuidToBytes } from '../db/ids';
import { recordChange } from './changeKinds';
import { partnerRecordId } from './partnerIds';

interface PartnerRow {
  id: string;
  naam: string;
  categorie: string;
  data: string;
  actief: number;
  buiten_gebruik_op: string | null;
  herkomst: string;
  version: number;
}

const COLUMNS = 'id, naam, categorie, data, actief, buiten_gebruik_op, herkomst, version';

/**
 * Whether anything in the vault refers to this partner: then it may be retired, never removed,
 * so what referred to it keeps its meaning. The profile does (its organisation, now or in an
 * earlier version), and so do the stappenplan's decisions, drafts and register entries (migration
 * 0080) as their recipient. The one definition of "used", for the register's list and for removal alike.
 */
export function partnerInGebruik(db: Db, id: string): boolean {
  const row = stmt(
    db,
    `SELECT EXISTS (SELECT 1 FROM profiel_historie WHERE organisatie = @id)
         OR EXISTS (SELECT 1 FROM verstrekking_besluiten WHERE partner_id = @id)
         OR EXISTS (SELECT 1 FROM verstrekking_concepten WHERE partner_id = @id)
         OR EXISTS (SELECT 1 FROM verstrekkingen_register WHERE partner_id = @id) AS used`,
  ).get({ id }) as { used: number };
  return row.used === 1;
}

/** What a partner's fields are as the repository stores them: everything but id, naam and categorie goes to `data`. */
function fieldsOf(row: PartnerRow): PartnerFields {
  return { ...(JSON.parse(row.data) as object), naam: row.naam, categorie: row.categorie as PartnerCategorie } as PartnerFields;
}

function toPartner(db: Db, row: PartnerRow): Partner {
  return Partner.parse({
    ...fieldsOf(row),
    id: row.id,
    actief: bool(row.actief),
    buitenGebruikSinds: row.buiten_gebruik_op ?? undefined,
    herkomst: row.herkomst === 'eigen' ? 'eigen' : 'register',
    inGebruik: partnerInGebruik(db, row.id),
    version: row.version,
  });
}

function rowOf(db: Db, id: string): PartnerRow {
  return found(stmt(db, `SELECT ${COLUMNS} FROM partners WHERE id = ?`).get(id) as PartnerRow | undefined, 'partner');
}

/** One partner by id; NOT_FOUND when there is none. */
export function getPartner(db: Db, id: string): Partner {
  return toPartner(db, rowOf(db, id));
}

/** Every partner, active ones first, then by name (a register is tens of organisations, not thousands). */
export function listPartners(db: Db): Partner[] {
  const rows = stmt(db, `SELECT ${COLUMNS} FROM partners ORDER BY actief DESC, naam COLLATE NOCASE, id`).all() as PartnerRow[];
  return rows.map((row) => toPartner(db, row));
}

/**
 * The id of a new partner: a slug of its name (`Gemeente Schiedam` → `gemeente-schiedam`),
 * with `-2`, `-3`, … when that is or was taken. Never changed afterwards, also not when the name is.
 */
export function partnerSlug(db: Db, naam: string): string {
  const base =
    naam
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || 'partner';
  // A removed partner's id is not given out again: its change events still name it.
  const taken = (id: string) =>
    stmt(db, 'SELECT 1 FROM partners WHERE id = ?').get(id) !== undefined ||
    stmt(db, "SELECT 1 FROM change_events WHERE entity_id = ? AND entity = 'partner'").get(uuidToBytes(partnerRecordId(id))) !== undefined;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

function write(db: Db, ctx: WriteContext, id: string, fields: PartnerFields, version: number): void {
  const { naam, categorie, ...rest } = compact(fields);
  stmt(db, 'UPDATE partners SET naam = ?, categorie = ?, data = ?, version = ?, updated_at = ? WHERE id = ?').run(naam, categorie, JSON.stringify(rest), version, ctx.now, id);
}

/**
 * Adds a partner (no id) or changes one (id and the version last read; CONFLICT otherwise).
 * The fields are checked again here with the shared schema, whatever the caller checked.
 */
export function savePartner(db: Db, ctx: WriteContext, input: { id?: string | undefined; version?: number | undefined; fields: PartnerFields }): Partner {
  const fields = parseOrInvalid(PartnerFields, input.fields, 'fields');
  if (input.id === undefined) {
    const id = partnerSlug(db, fields.naam);
    const { naam, categorie, ...rest } = compact(fields);
    stmt(db, `INSERT INTO partners (id, naam, categorie, data, actief, herkomst, version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 'eigen', 1, ?, ?)`).run(
      id,
      naam,
      categorie,
      JSON.stringify(rest),
      ctx.now,
      ctx.now,
    );
    recordChange(db, ctx, 'partner', partnerRecordId(id), 'create', Object.keys(compact(fields)));
    return getPartner(db, id);
  }
  if (input.version === undefined) throw new KkError('INVALID_INPUT', 'A change needs the version', { issues: [{ path: 'version', message: 'Laad de partner opnieuw en probeer het nog eens' }] });
  const row = rowOf(db, input.id);
  assertVersion(row.version, input.version);
  const changed = changedFields(compact(fieldsOf(row)) as Record<string, unknown>, compact(fields) as Record<string, unknown>);
  if (changed.length === 0) return toPartner(db, row);
  write(db, ctx, input.id, fields, row.version + 1);
  recordChange(db, ctx, 'partner', partnerRecordId(input.id), 'update', changed);
  return getPartner(db, input.id);
}

/** Retires a partner from a day on: it stays in the register (and in what refers to it) but is no longer offered. */
export function retirePartner(db: Db, ctx: WriteContext, id: string, version: number, datum: string): Partner {
  const row = rowOf(db, id);
  assertVersion(row.version, version);
  if (!bool(row.actief)) return toPartner(db, row);
  stmt(db, 'UPDATE partners SET actief = 0, buiten_gebruik_op = ?, version = ?, updated_at = ? WHERE id = ?').run(datum, row.version + 1, ctx.now, id);
  recordChange(db, ctx, 'partner', partnerRecordId(id), 'retire', ['actief', 'buitenGebruikSinds']);
  return getPartner(db, id);
}

/** Takes a retired partner back into use. */
export function reactivatePartner(db: Db, ctx: WriteContext, id: string, version: number): Partner {
  const row = rowOf(db, id);
  assertVersion(row.version, version);
  if (bool(row.actief)) return toPartner(db, row);
  stmt(db, 'UPDATE partners SET actief = 1, buiten_gebruik_op = NULL, version = ?, updated_at = ? WHERE id = ?').run(row.version + 1, ctx.now, id);
  recordChange(db, ctx, 'partner', partnerRecordId(id), 'reactivate', ['actief', 'buitenGebruikSinds']);
  return getPartner(db, id);
}

/** Removes a partner nothing refers to; a used one is refused with PARTNER_IN_USE (retire it instead). */
export function removePartner(db: Db, ctx: WriteContext, id: string, version: number): void {
  const row = rowOf(db, id);
  assertVersion(row.version, version);
  if (partnerInGebruik(db, id)) throw new KkError('PARTNER_IN_USE', 'The partner is referred to and can only be retired');
  stmt(db, 'DELETE FROM partners WHERE id = ?').run(id);
  recordChange(db, ctx, 'partner', partnerRecordId(id), 'remove', []);
}

/** Throws INVALID_INPUT at `path` unless `id` is an active partner (what a profile or decision may choose). */
export function assertActivePartner(db: Db, id: string, path: string): void {
  const row = stmt(db, 'SELECT actief FROM partners WHERE id = ?').get(id) as { actief: number } | undefined;
  if (!row) throw new KkError('INVALID_INPUT', 'Unknown partner', { issues: [{ path, message: 'Kies een organisatie uit het partnerregister' }] });
  if (!bool(row.actief)) throw new KkError('INVALID_INPUT', 'Retired partner', { issues: [{ path, message: 'Deze organisatie is buiten gebruik. Kies een andere' }] });
}
