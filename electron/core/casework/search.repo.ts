import type { QuickSwitchHit, SearchHit, SearchKind } from '../../../shared/casework/query.schema';
import type { Fase } from '../../../shared/casework/traject.schema';
import { looksLikePseudonym, normalisePseudonymPrefix } from '../../../shared/casework/pseudonym';
import { stmt, type Db } from '../db/sql';

/** What goes into the index for one record: a name part (quick switcher) and a text part. */
export interface IndexText {
  naam: string;
  tekst: string;
  trajectId: string | null;
  clientId: string | null;
}

function docRow(db: Db, kind: SearchKind, entityId: string): number | undefined {
  return (stmt(db, 'SELECT rowid FROM search_docs WHERE kind = ? AND entity_id = ?').get(kind, entityId) as { rowid: number } | undefined)?.rowid;
}

/** Puts a new record into the full-text index and returns its index rowid. Call inside the transaction that writes the record. */
export function indexRecord(db: Db, kind: SearchKind, entityId: string, text: IndexText): number {
  const rowid = Number(stmt(db, 'INSERT INTO search_docs (kind, entity_id, traject_id, client_id) VALUES (?, ?, ?, ?)').run(kind, entityId, text.trajectId, text.clientId).lastInsertRowid);
  stmt(db, 'INSERT INTO search_fts (rowid, naam, tekst) VALUES (?, ?, ?)').run(rowid, text.naam, text.tekst);
  return rowid;
}

/** The names the quick switcher finds a cliënt by (not the code: codes are found by range). */
export function clientNames(roepnaam: string, achternaam: string | null | undefined): string {
  return joinText(roepnaam, achternaam);
}

/** Re-indexes a cliënt's names for the quick switcher (old names securely removed). */
export function indexClientNames(db: Db, clientId: string, previous: string, next: string): void {
  const rowid = docRow(db, 'client', clientId);
  if (rowid === undefined) return;
  if (previous === next) return;
  stmt(db, `INSERT INTO name_fts (name_fts, rowid, naam) VALUES ('delete', ?, ?)`).run(rowid, previous);
  addClientNames(db, rowid, next);
}

/** Indexes the names of a new cliënt under the index rowid its record got from `indexRecord`. */
export function addClientNames(db: Db, rowid: number, names: string): void {
  stmt(db, 'INSERT INTO name_fts (rowid, naam) VALUES (?, ?)').run(rowid, names);
}

function deleteTerms(db: Db, rowid: number, previous: IndexText): void {
  // FTS5 'delete' with exactly the text that was indexed; with secure-delete on, the terms
  // leave the index pages. `previous` is rebuilt from the stored record by the same function
  // that built the indexed text, so the two always agree.
  stmt(db, `INSERT INTO search_fts (search_fts, rowid, naam, tekst) VALUES ('delete', ?, ?, ?)`).run(rowid, previous.naam, previous.tekst);
}

/** Replaces the indexed text of a record: the old terms are securely removed, the new ones added. */
export function reindexRecord(db: Db, kind: SearchKind, entityId: string, previous: IndexText, next: IndexText): void {
  const rowid = docRow(db, kind, entityId);
  if (rowid === undefined) {
    indexRecord(db, kind, entityId, next);
    return;
  }
  stmt(db, 'UPDATE search_docs SET traject_id = ?, client_id = ? WHERE rowid = ?').run(next.trajectId, next.clientId, rowid);
  if (previous.naam === next.naam && previous.tekst === next.tekst) return;
  deleteTerms(db, rowid, previous);
  stmt(db, 'INSERT INTO search_fts (rowid, naam, tekst) VALUES (?, ?, ?)').run(rowid, next.naam, next.tekst);
}

/** Removes a record from the index; its terms are securely removed. */
export function unindexRecord(db: Db, kind: SearchKind, entityId: string, previous: IndexText): void {
  const rowid = docRow(db, kind, entityId);
  if (rowid === undefined) return;
  deleteTerms(db, rowid, previous);
  stmt(db, 'DELETE FROM search_docs WHERE rowid = ?').run(rowid);
}

/** Joins non-empty parts into one text for the index. */
export function joinText(...parts: Array<string | null | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}

/**
 * Turns what a person typed into a safe FTS5 query: words only, each quoted (so no FTS syntax
 * can be injected) and used as a prefix, all required. Null when nothing searchable remains.
 */
export function toMatchQuery(input: string, column?: 'naam' | 'tekst'): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  if (words.length === 0) return null;
  const terms = words.map((w) => `"${w}"*`).join(' ');
  return column ? `{${column}} : (${terms})` : terms;
}

type HitRow = { kind: SearchKind; entityId: string; trajectId: string | null; clientId: string | null };

/**
 * Full-text search, newest records first (FTS5 walks rowids backwards without sorting, so the
 * cost stays flat however many records match). Hits carry a label, never the matched text.
 */
export function searchQuery(db: Db, q: string, kinds: readonly SearchKind[] | undefined, limit: number): SearchHit[] {
  const match = toMatchQuery(q);
  if (!match) return [];
  const wanted = kinds && kinds.length > 0 ? kinds : null;
  const rows = stmt(
    db,
    `SELECT d.kind, d.entity_id AS entityId, d.traject_id AS trajectId, d.client_id AS clientId
       FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
      WHERE search_fts MATCH ? AND (? IS NULL OR d.kind IN (SELECT value FROM json_each(?)))
      ORDER BY f.rowid DESC LIMIT ?`,
  ).all(match, wanted ? 1 : null, JSON.stringify(wanted ?? []), limit) as HitRow[];
  return rows.map((r) => ({ kind: r.kind, id: r.entityId, trajectId: r.trajectId, clientId: r.clientId, label: labelFor(db, r) }));
}

function labelFor(db: Db, hit: HitRow): string {
  switch (hit.kind) {
    case 'client': {
      const c = stmt(db, 'SELECT pseudoniem FROM clienten WHERE id = ?').get(hit.entityId) as { pseudoniem: string } | undefined;
      return c ? `Cliënt ${c.pseudoniem}` : 'Cliënt';
    }
    case 'traject': {
      const t = stmt(db, 'SELECT c.pseudoniem, t.fase FROM trajecten t JOIN clienten c ON c.id = t.client_id WHERE t.id = ?').get(hit.entityId) as
        | { pseudoniem: string; fase: Fase }
        | undefined;
      return t ? `Traject ${t.pseudoniem} (${t.fase})` : 'Traject';
    }
    case 'journaal': {
      const j = stmt(db, 'SELECT c.pseudoniem, j.datum FROM journaal j JOIN trajecten t ON t.id = j.traject_id JOIN clienten c ON c.id = t.client_id WHERE j.id = ?').get(hit.entityId) as
        | { pseudoniem: string; datum: string }
        | undefined;
      return j ? `Journaal ${j.pseudoniem} ${j.datum}` : 'Journaal';
    }
    case 'melding': {
      const m = stmt(db, 'SELECT datum FROM meldingen WHERE id = ?').get(hit.entityId) as { datum: string } | undefined;
      return m ? `Melding ${m.datum}` : 'Melding';
    }
  }
}

type ClientRow = { id: string; pseudoniem: string; roepnaam: string; achternaam: string | null };

/**
 * Quick switcher: by pseudonym prefix (an index range) or by name (the name column of the
 * index). Each cliënt comes with its trajecten, open ones first.
 */
export function quickSwitch(db: Db, q: string, limit: number): QuickSwitchHit[] {
  let clients: ClientRow[];
  if (looksLikePseudonym(q) && /^kk/i.test(q.trim())) {
    const prefix = normalisePseudonymPrefix(q);
    clients = stmt(db, 'SELECT id, pseudoniem, roepnaam, achternaam FROM clienten WHERE pseudoniem >= ? AND pseudoniem < ? ORDER BY pseudoniem LIMIT ?').all(
      prefix,
      `${prefix}\uffff`,
      limit,
    ) as ClientRow[];
  } else {
    const match = toMatchQuery(q);
    if (!match) return [];
    clients = stmt(
      db,
      `SELECT c.id, c.pseudoniem, c.roepnaam, c.achternaam
         FROM name_fts f JOIN search_docs d ON d.rowid = f.rowid JOIN clienten c ON c.id = d.entity_id
        WHERE name_fts MATCH ?
        ORDER BY f.rowid DESC LIMIT ?`,
    ).all(match, limit) as ClientRow[];
  }
  const hits: QuickSwitchHit[] = [];
  for (const c of clients) {
    const naam = [c.roepnaam, c.achternaam].filter(Boolean).join(' ');
    hits.push({ kind: 'client', id: c.id, clientId: c.id, pseudoniem: c.pseudoniem, naam, fase: null });
    const trajecten = stmt(db, `SELECT id, fase FROM trajecten WHERE client_id = ? ORDER BY (fase = 'afgesloten'), aanmelddatum DESC LIMIT 3`).all(c.id) as Array<{ id: string; fase: Fase }>;
    for (const t of trajecten) hits.push({ kind: 'traject', id: t.id, clientId: c.id, pseudoniem: c.pseudoniem, naam, fase: t.fase });
    if (hits.length >= limit) break;
  }
  return hits.slice(0, limit);
}
