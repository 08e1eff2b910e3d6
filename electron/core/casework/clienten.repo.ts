import { KkError } from '../../../shared/errors';
import { Client, ClientFields, naamSleutel, type ClientSummary, type ClientVerwijderReden, type DubbelCheckFields, type DubbelMatch, type DubbelOp } from '../../../shared/casework/client.schema';
import type { Page, PageRequest } from '../../../shared/casework/common.schema';
import type { ClientFilter } from '../../../shared/casework/query.schema';
import { makePseudonym } from '../../../shared/casework/pseudonym';
import { recordChange } from './changeKinds';
import { addClientNames, clientNames, indexClientNames, indexRecord, joinText, reindexRecord, unindexRecord } from './search.repo';
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

/** The duplicate check's lookups: their expressions are those of migration 0090's indexes (a test holds them to it). */
export const duplicateLookups = {
  bsn: `SELECT id, pseudoniem FROM clienten WHERE json_extract(data, '$.bsn') = ?`,
  geboortedatum: `SELECT id, pseudoniem, roepnaam, achternaam FROM clienten WHERE json_extract(data, '$.geboortedatum') = ?`,
} as const;
/** At most this many look-alikes are named (more would not help the person decide). */
const MAX_MATCHES = 10;

/**
 * Existing cliënten that may be the person about to be saved: the same BSN (exactly), or the
 * same name (case, accents and hyphens aside: `naamSleutel`) with the same birth date. Answers
 * with pseudonym codes only; `exceptId` is the cliënt being edited.
 */
export function findDuplicates(db: Db, fields: DubbelCheckFields, exceptId?: string): DubbelMatch[] {
  const found = new Map<string, { pseudoniem: string; op: DubbelOp[] }>();
  const add = (id: string, pseudoniem: string, op: DubbelOp) => {
    if (id === exceptId) return;
    const entry = found.get(id) ?? { pseudoniem, op: [] };
    entry.op.push(op);
    found.set(id, entry);
  };
  if (fields.bsn) for (const r of stmt(db, duplicateLookups.bsn).all(fields.bsn) as Array<{ id: string; pseudoniem: string }>) add(r.id, r.pseudoniem, 'bsn');
  if (fields.geboortedatum) {
    const key = naamSleutel(fields.roepnaam, fields.achternaam);
    for (const r of stmt(db, duplicateLookups.geboortedatum).all(fields.geboortedatum) as Array<{ id: string; pseudoniem: string; roepnaam: string; achternaam: string | null }>) {
      if (naamSleutel(r.roepnaam, r.achternaam) === key) add(r.id, r.pseudoniem, 'naam-geboortedatum');
    }
  }
  return [...found]
    .map(([id, m]) => ({ id, pseudoniem: m.pseudoniem, op: m.op }))
    .sort((a, b) => b.op.length - a.op.length || a.pseudoniem.localeCompare(b.pseudoniem))
    .slice(0, MAX_MATCHES);
}

/** Whether `text` holds one of the words of a name (as the duplicate check compares names). */
function mentions(text: string, name: string | undefined): boolean {
  if (!name) return false;
  const words = ` ${naamSleutel(text)} `;
  return naamSleutel(name)
    .split(' ')
    .filter((w) => w.length >= 2)
    .some((w) => words.includes(` ${w} `));
}

/**
 * Removes a wrongly created cliënt: only one without trajecten (a traject belongs to its cliënt
 * and counts in the monitor; it is closed, not removed). The record goes, with its index rows
 * (terms securely removed) and its names in the quick switcher's index. The change log keeps
 * `remove` with the reason's category; `client_verwijderingen` the day, category and the
 * explanation (needed for "anders"; refused when it holds the cliënt's name). Call inside a transaction.
 */
export function removeClient(db: Db, ctx: WriteContext, id: string, version: number, reden: ClientVerwijderReden, toelichting: string | undefined): { id: string; pseudoniem: string } {
  const current = getClient(db, id);
  assertVersion(current.version, version);
  const trajecten = (stmt(db, 'SELECT count(*) AS n FROM trajecten WHERE client_id = ?').get(id) as { n: number }).n;
  if (trajecten > 0) {
    throw new KkError('INVALID_INPUT', 'Client has trajecten', {
      issues: [
        {
          path: 'id',
          message:
            trajecten === 1
              ? 'Deze cliënt heeft een traject. Een cliënt met een traject kunt u niet verwijderen: het traject hoort bij de cliënt en telt mee in de monitor. Sluit het traject af met een reden.'
              : `Deze cliënt heeft ${trajecten} trajecten. Een cliënt met trajecten kunt u niet verwijderen: de trajecten horen bij de cliënt en tellen mee in de monitor. Sluit de trajecten af met een reden.`,
        },
      ],
    });
  }
  const { id: _id, pseudoniem, version: _v, createdAt: _c, updatedAt: _u, ...rest } = current;
  const fields = ClientFields.parse(rest);
  const text = toelichting?.trim() || undefined;
  if (text && [fields.roepnaam, fields.achternaam].some((n) => mentions(text, n))) {
    throw new KkError('INVALID_INPUT', 'Explanation names the client', { issues: [{ path: 'toelichting', message: 'Schrijf geen naam van de cliënt in de toelichting.' }] });
  }
  const names = clientNames(fields.roepnaam, fields.achternaam);
  const rowid = (stmt(db, "SELECT rowid FROM search_docs WHERE kind = 'client' AND entity_id = ?").get(id) as { rowid: number } | undefined)?.rowid;
  if (rowid !== undefined) stmt(db, `INSERT INTO name_fts (name_fts, rowid, naam) VALUES ('delete', ?, ?)`).run(rowid, names);
  unindexRecord(db, 'client', id, clientIndexText(id, pseudoniem, fields));
  // A cliënt without trajecten has at most a group of 0 here (the counts keep such groups).
  stmt(db, 'DELETE FROM client_trajecten WHERE client_id = ? AND n = 0').run(id);
  stmt(db, 'DELETE FROM clienten WHERE id = ?').run(id);
  stmt(db, 'INSERT INTO client_verwijderingen (client_id, op, reden, toelichting) VALUES (?, ?, ?, ?)').run(id, ctx.now, reden, text ?? null);
  recordChange(db, ctx, 'client', id, 'remove', [`reden:${reden}`]);
  return { id, pseudoniem };
}
