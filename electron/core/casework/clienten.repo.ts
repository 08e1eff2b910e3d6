import { KkError } from '../../../shared/errors';
import { Client, ClientFields, type ClientSummary } from '../../../shared/casework/client.schema';
import type { Page, PageRequest } from '../../../shared/casework/common.schema';
import type { ClientFilter } from '../../../shared/casework/query.schema';
import { makePseudonym } from '../../../shared/casework/pseudonym';
import { recordChange } from './changeKinds';
import { addClientNames, clientNames, indexClientNames, indexRecord, joinText, reindexRecord } from './search.repo';
import { pagePlan, stmt, type Db } from '../db/sql';
import { applyPatch, assertVersion, changedFields, compact, definedKeys, found, parseOrInvalid } from '../db/records';
import { type WriteContext } from '../changelog/writeContext';

type ClientRow = { id: string; pseudoniem: string; data: string; version: number; created_at: string; updated_at: string };

function toClient(row: ClientRow): Client {
  return Client.parse({ ...(JSON.parse(row.data) as object), id: row.id, pseudoniem: row.pseudoniem, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at });
}

/** The text the index keeps for a cliënt: names and pseudonym as the name part, notes as text. */
function clientIndexText(id: string, pseudoniem: string, f: ClientFields) {
  return {
    naam: joinText(f.roepnaam, f.achternaam, pseudoniem),
    tekst: joinText(f.notities, f.gezondheid, f.strafrechtelijk, f.geboorteland, f.nationaliteit, f.taal.talen.join(' '), f.contactpersonen.map((c) => `${c.naam} ${c.relatie}`).join(' ')),
    trajectId: null,
    clientId: id,
  };
}

/** The text the index should hold for a stored cliënt (used to verify and rebuild the index). */
export function clientIndexTextOf(db: Db, id: string) {
  const { id: _id, pseudoniem, version: _v, createdAt: _c, updatedAt: _u, ...fields } = getClient(db, id);
  return clientIndexText(id, pseudoniem, ClientFields.parse(fields));
}

/** A fresh pseudonym code that no cliënt has yet (the UNIQUE index is the final guard). */
export function freshPseudonym(db: Db, ctx: WriteContext): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = makePseudonym(ctx.randomBytes);
    if (!stmt(db, 'SELECT 1 FROM clienten WHERE pseudoniem = ?').get(code)) return code;
  }
  throw new KkError('INTERNAL', 'No free pseudonym code');
}

/** Stores a new cliënt (fields already parsed) with a new pseudonym code and returns it. Call inside a transaction. */
export function insertClient(db: Db, ctx: WriteContext, fields: ClientFields): Client {
  return getClient(db, writeClient(db, ctx, fields).id);
}

/** Stores a new cliënt and returns only its id and code (bulk import and seed skip the read-back). */
export function writeClient(db: Db, ctx: WriteContext, fields: ClientFields): { id: string; pseudoniem: string } {
  const id = ctx.newId();
  const pseudoniem = freshPseudonym(db, ctx);
  stmt(db, 'INSERT INTO clienten (id, pseudoniem, roepnaam, achternaam, data, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)').run(
    id,
    pseudoniem,
    fields.roepnaam,
    fields.achternaam ?? null,
    // JSON leaves out undefined fields, as `compact` would.
    JSON.stringify(fields),
    ctx.now,
    ctx.now,
  );
  const rowid = indexRecord(db, 'client', id, clientIndexText(id, pseudoniem, fields));
  addClientNames(db, rowid, clientNames(fields.roepnaam, fields.achternaam));
  recordChange(db, ctx, 'client', id, 'create', definedKeys(fields));
  return { id, pseudoniem };
}

/** One cliënt, or NOT_FOUND. */
export function getClient(db: Db, id: string): Client {
  return toClient(found(stmt(db, 'SELECT id, pseudoniem, data, version, created_at, updated_at FROM clienten WHERE id = ?').get(id) as ClientRow | undefined, 'client'));
}

/** Changes fields of a cliënt after checking the version; the merged record must pass the full schema. */
export function updateClient(db: Db, ctx: WriteContext, id: string, version: number, patch: Record<string, unknown>): Client {
  const current = getClient(db, id);
  assertVersion(current.version, version);
  const { id: _id, pseudoniem, version: _v, createdAt: _c, updatedAt: _u, ...before } = current;
  const merged = parseOrInvalid(ClientFields, applyPatch(before, patch), 'fields');
  const data = compact(merged);
  const fields = changedFields(before, data as Record<string, unknown>);
  if (fields.length === 0) return current;
  stmt(db, 'UPDATE clienten SET roepnaam = ?, achternaam = ?, data = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
    merged.roepnaam,
    merged.achternaam ?? null,
    JSON.stringify(data),
    ctx.now,
    id,
  );
  const old = ClientFields.parse(before);
  reindexRecord(db, 'client', id, clientIndexText(id, pseudoniem, old), clientIndexText(id, pseudoniem, merged));
  indexClientNames(db, id, clientNames(old.roepnaam, old.achternaam), clientNames(merged.roepnaam, merged.achternaam));
  recordChange(db, ctx, 'client', id, 'update', fields);
  return getClient(db, id);
}

/** One page of cliënten. */
export function listClienten(db: Db, filter: ClientFilter, page: PageRequest): Page<ClientSummary> {
  const total = (stmt(db, 'SELECT count(*) AS n FROM clienten').get() as { n: number }).n;
  const plan = pagePlan(total, page.offset, page.limit);
  const dir = (filter.richting === 'asc') !== plan.reverse ? 'ASC' : 'DESC';
  const order = `ORDER BY ${filter.sort === 'pseudoniem' ? 'c.pseudoniem' : 'c.updated_at'} ${dir}, c.id ${dir}`;
  // Page over the index first, then fetch only the page's rows (see listTrajecten).
  const items = stmt(
    db,
    `WITH page AS (SELECT c.id FROM clienten c ${order} LIMIT ? OFFSET ?)
     SELECT c.id, c.pseudoniem, c.roepnaam, c.achternaam, c.updated_at AS updatedAt,
            (SELECT count(*) FROM trajecten t WHERE t.client_id = c.id AND t.fase <> 'afgesloten') AS openTrajecten
       FROM page CROSS JOIN clienten c ON c.id = page.id ${order}`,
  ).all(plan.limit, plan.offset) as ClientSummary[];
  if (plan.reverse) items.reverse();
  return { items, total, offset: page.offset, limit: page.limit };
}
