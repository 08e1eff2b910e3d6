import type { QuickSwitchHit, SearchHit, SearchKind, SearchResult, SearchSnippet } from '../../../shared/casework/query.schema';
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

/** The words of a search, as FTS5's unicode61 tokenizer would split them (at most 8). */
function queryWords(input: string): string[] {
  return input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
}

/**
 * Turns what a person typed into a safe FTS5 query: words only, each quoted (so no FTS syntax
 * can be injected) and used as a prefix, all required. Null when nothing searchable remains.
 */
export function toMatchQuery(input: string, column?: 'naam' | 'tekst'): string | null {
  const words = queryWords(input);
  if (words.length === 0) return null;
  const terms = words.map((w) => `"${w}"*`).join(' ');
  return column ? `{${column}} : (${terms})` : terms;
}

/** A word as the index compares it (remove_diacritics 2, case folded). */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const SNIPPET_BEFORE = 30;
const SNIPPET_TOTAL = 90;
const MAX_WORD = 40;

/**
 * A few words around the first word of `text` that a search word is a prefix of (as the index
 * matches), or null. Whitespace becomes single spaces; the window starts and ends on whole
 * words, with "…" where the text goes on, and never holds more than about 90 characters.
 */
export function snippetAround(text: string, q: string): SearchSnippet | null {
  const terms = queryWords(q).map(fold);
  if (terms.length === 0) return null;
  const flat = text.replace(/\s+/gu, ' ').trim();
  for (const m of flat.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0]);
    if (!terms.some((term) => word.startsWith(term))) continue;
    const at = m.index;
    const treffer = m[0].slice(0, MAX_WORD);
    let from = Math.max(0, at - SNIPPET_BEFORE);
    // Start on a whole word: skip the rest of a word the window cut into.
    if (from > 0) {
      const space = flat.indexOf(' ', from - 1);
      from = space === -1 || space >= at ? at : space + 1;
    }
    const room = Math.max(0, SNIPPET_TOTAL - (at - from) - treffer.length);
    const after = at + treffer.length;
    let to = Math.min(flat.length, after + room);
    // End on a whole word: drop a word the window cut into.
    if (to < flat.length) {
      const space = flat.lastIndexOf(' ', to);
      to = space > after ? space : after;
    }
    return {
      voor: `${from > 0 ? '…' : ''}${flat.slice(from, at)}`,
      treffer,
      na: `${flat.slice(after, to).trimEnd()}${to < flat.length ? ' …' : ''}`,
    };
  }
  return null;
}

type HitRow = { kind: SearchKind; entityId: string; trajectId: string | null; clientId: string | null };

// How much a match in the name column weighs against one in the text column (bm25 weights).
const NAME_WEIGHT = 4;
/** How many of the newest matches are ranked by relevance (all of them, up to this many). */
export const RANK_WINDOW = 3000;

/**
 * Full-text search, the most relevant first (FTS5's bm25; newest first among equals; a word
 * with more than RANK_WINDOW matches is ranked among its newest ones), and the number of all
 * matches. The index is contentless, so FTS5 cannot cut snippets: they are cut
 * here from the stored record (see `hitFor`), a short window around the first match.
 */
export function searchQuery(db: Db, q: string, kinds: readonly SearchKind[] | undefined, limit: number): SearchResult {
  const match = toMatchQuery(q);
  if (!match) return { hits: [], totaal: 0 };
  const rank = `bm25(search_fts, ${NAME_WEIGHT}, 1)`;
  let totaal: number;
  let rows: HitRow[];
  if (!kinds || kinds.length === 0) {
    // FTS5 ranks and cuts the page inside the index; only the page's rows are joined. (Joining
    // every match before sorting costs ten times more on a vault of 100,000 trajecten.)
    totaal = (stmt(db, 'SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?').get(match) as { n: number }).n;
    // A very common word is ranked among its newest RANK_WINDOW matches: ranking costs a few
    // microseconds per match, and beyond some thousands of matches the person narrows the words.
    rows = stmt(
      db,
      `SELECT d.kind, d.entity_id AS entityId, d.traject_id AS trajectId, d.client_id AS clientId
         FROM (SELECT rowid, r FROM (SELECT rowid, ${rank} AS r FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW})
                ORDER BY r, rowid DESC LIMIT ?) f
         JOIN search_docs d ON d.rowid = f.rowid
        ORDER BY f.r, f.rowid DESC`,
    ).all(match, limit) as HitRow[];
  } else {
    const wanted = JSON.stringify(kinds);
    const where = 'search_fts MATCH ? AND d.kind IN (SELECT value FROM json_each(?))';
    totaal = (stmt(db, `SELECT count(*) AS n FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE ${where}`).get(match, wanted) as { n: number }).n;
    rows = stmt(
      db,
      `SELECT d.kind, d.entity_id AS entityId, d.traject_id AS trajectId, d.client_id AS clientId
         FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
        WHERE ${where} ORDER BY ${rank}, f.rowid DESC LIMIT ?`,
    ).all(match, wanted, limit) as HitRow[];
  }
  return { hits: rows.map((r) => hitFor(db, r, q)), totaal };
}

/** The first snippet found in the texts, in their order. */
function firstSnippet(texts: ReadonlyArray<string | null | undefined>, q: string): SearchSnippet | null {
  for (const text of texts) {
    const found = text ? snippetAround(text, q) : null;
    if (found) return found;
  }
  return null;
}

/**
 * A hit with what the list shows of it. Snippets come only from the free text the record's own
 * screen shows as text: a journal entry's text; a melding's signal, notes and feedback note; a
 * traject's notes, closing note and procedure notes. Never from a name (the index's name column:
 * cliënt and reporter names) and never from a cliënt's fields (health, criminal record, contact
 * persons: a cliënt hit shows its code only).
 */
function hitFor(db: Db, hit: HitRow, q: string): SearchHit {
  const base = { kind: hit.kind, id: hit.entityId, trajectId: hit.trajectId, clientId: hit.clientId, pseudoniem: null, datum: null, fase: null, snippet: null };
  switch (hit.kind) {
    case 'client': {
      const c = stmt(db, 'SELECT pseudoniem FROM clienten WHERE id = ?').get(hit.entityId) as { pseudoniem: string } | undefined;
      return { ...base, pseudoniem: c?.pseudoniem ?? null };
    }
    case 'traject': {
      const t = stmt(db, 'SELECT pseudoniem, fase, notities, afsluit_toelichting FROM trajecten WHERE id = ?').get(hit.entityId) as
        | { pseudoniem: string; fase: Fase; notities: string | null; afsluit_toelichting: string | null }
        | undefined;
      if (!t) return base;
      const procedures = (stmt(db, 'SELECT toelichting FROM traject_procedures WHERE traject_id = ? ORDER BY pos').all(hit.entityId) as Array<{ toelichting: string | null }>).map((p) => p.toelichting);
      return { ...base, pseudoniem: t.pseudoniem, fase: t.fase, snippet: firstSnippet([t.notities, t.afsluit_toelichting, ...procedures], q) };
    }
    case 'journaal': {
      const j = stmt(db, 'SELECT t.pseudoniem, j.datum, j.tekst FROM journaal j JOIN trajecten t ON t.id = j.traject_id WHERE j.id = ?').get(hit.entityId) as
        | { pseudoniem: string; datum: string; tekst: string }
        | undefined;
      return j ? { ...base, pseudoniem: j.pseudoniem, datum: j.datum, snippet: snippetAround(j.tekst, q) } : base;
    }
    case 'melding': {
      const m = stmt(
        db,
        `SELECT m.datum, t.pseudoniem, json_extract(m.data, '$.signaal') AS signaal, json_extract(m.data, '$.notities') AS notities,
                json_extract(m.data, '$.terugkoppeling.toelichting') AS toelichting
           FROM meldingen m LEFT JOIN trajecten t ON t.id = m.traject_id WHERE m.id = ?`,
      ).get(hit.entityId) as { datum: string; pseudoniem: string | null; signaal: string | null; notities: string | null; toelichting: string | null } | undefined;
      return m ? { ...base, pseudoniem: m.pseudoniem, datum: m.datum, snippet: firstSnippet([m.signaal, m.notities, m.toelichting], q) } : base;
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
