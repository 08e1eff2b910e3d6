import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { KkError, type FieldIssue } from '../../../shared/errors';
import { ImportFile, ImportTraject, type ImportResult } from '../../../shared/casework/import.schema';
import { MeldingFields } from '../../../shared/casework/melding.schema';
import { dutchFieldIssues, dutchIssueText } from '../../../shared/casework/issueText';
import { writeClient } from './clienten.repo';
import { insertTraject } from './trajecten.repo';
import { insertJournal } from './journaal.repo';
import { insertTask } from './taken.repo';
import { writeToestemming } from './toestemmingen.repo';
import { writeMelding } from './meldingen.repo';
import { scanJsonLayout } from './jsonRecords';
import { JsonStreamShapeError, streamJsonRecords } from './jsonStream';
import { withBatchedChanges } from './changeEvents.repo';
import { inTransaction, type Db, type WriteContext } from './support';

/** At most this many reasons are returned; more would not help a person fix the file. */
export const MAX_IMPORT_ISSUES = 200;

/**
 * Page cache during an import, in KiB. A 100,000-traject import dirties ~500 MB of pages, more
 * than any cache holds, so they spill to the WAL during the transaction anyway. 48 MiB still
 * holds the pages that inserts in random key order keep coming back to (pseudonym and date
 * indexes); measured at 100,000 trajecten: 16 MiB 245 MB RSS / 33.8 s CPU, 48 MiB 279 MB /
 * 28.9 s, 128 MiB (the vault's normal cache) 363 MB / 27.9 s. The vault's own size comes back afterwards.
 */
export const IMPORT_CACHE_KIB = 48 * 1024;

/** The outer shape of an import file; the records are checked one by one after it (same rules as ImportFile). */
const ImportEnvelope = z.strictObject({
  format: ImportFile.shape.format,
  versie: ImportFile.shape.versie,
  trajecten: z.array(z.unknown()).max(250_000).default([]),
  meldingen: z.array(z.unknown()).max(500_000).default([]),
});

const NOT_JSON: FieldIssue = { path: '(bestand)', message: 'Dit is geen geldig JSON-bestand' };
class NotJson extends Error {}

/** Dutch messages for every schema problem (schema-set messages, already Dutch, take precedence). */
const DUTCH = { error: dutchIssueText } as const;

type ListName = 'trajecten' | 'meldingen';
const LISTS: readonly ListName[] = ['trajecten', 'meldingen'];
type Visit = (list: ListName, index: number, record: unknown) => void;

/**
 * An import file that can be walked record by record, as often as needed, without holding the
 * parsed file: `scan` calls `visit` for every record (parsed on its own) and returns the other
 * top-level values with placeholder lists of the right length, for the envelope check.
 */
interface RecordSource {
  scan(visit: Visit): { envelope: unknown; count: Record<ListName, number> };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new NotJson();
  }
}

/** A placeholder of the right length, so the envelope check sees the count (not the records). */
const placeholder = (n: number) => new Array<null>(n).fill(null);

/** An import file given as text (the app sends the file's text); opened on the first scan. */
function textSource(text: string): RecordSource {
  let opened: RecordSource | undefined;
  return { scan: (visit) => (opened ??= openText(text)).scan(visit) };
}

function openText(text: string): RecordSource {
  const layout = scanJsonLayout(text, LISTS);
  if (!layout) {
    // Not the plain shape the scanner knows: parse it whole (still checked the same way).
    const json = parseJson(text);
    const lists = (json ?? {}) as Record<ListName, unknown>;
    return {
      scan(visit) {
        const count = { trajecten: 0, meldingen: 0 };
        for (const list of LISTS) {
          const records = lists[list];
          if (!Array.isArray(records)) continue;
          count[list] = records.length;
          records.forEach((r, i) => visit(list, i, r));
        }
        return { envelope: json, count };
      },
    };
  }
  return {
    scan(visit) {
      const envelope: Record<string, unknown> = {};
      for (const [key, [start, end]] of layout.values) Object.defineProperty(envelope, key, { value: parseJson(text.slice(start, end)), enumerable: true, writable: true, configurable: true });
      const count = { trajecten: 0, meldingen: 0 };
      for (const list of LISTS) {
        const elements = layout.arrays.get(list);
        if (!elements) continue;
        envelope[list] = placeholder(elements.length);
        count[list] = elements.length;
        elements.forEach(([start, end], i) => visit(list, i, parseJson(text.slice(start, end))));
      }
      return { envelope, count };
    },
  };
}

/**
 * An import file on disk (kk): streamed in chunks on every scan, so neither the text nor the
 * records are ever held whole. A file of another shape falls back to reading it as text.
 */
function fileSource(path: string): RecordSource {
  let fallback: RecordSource | undefined;
  return {
    scan(visit) {
      if (fallback) return fallback.scan(visit);
      const envelope: Record<string, unknown> = {};
      const count = { trajecten: 0, meldingen: 0 };
      const lists = new Set<ListName>();
      let visited = 0;
      try {
        for (const item of streamJsonRecords(path, LISTS)) {
          // An own property even for "__proto__", so the strict envelope check refuses it.
          if (item.kind === 'value') Object.defineProperty(envelope, item.key, { value: parseJson(item.json), enumerable: true, writable: true, configurable: true });
          else if (item.kind === 'list') lists.add(item.list as ListName);
          else {
            const list = item.list as ListName;
            visited++;
            visit(list, count[list]++, parseJson(item.json));
          }
        }
      } catch (error) {
        if (!(error instanceof JsonStreamShapeError)) throw error;
        // Broken after records were seen: not valid JSON. Before any: maybe another valid shape.
        if (visited > 0) throw new NotJson();
        fallback = textSource(readFileSync(path, 'utf8'));
        return fallback.scan(visit);
      }
      for (const list of lists) envelope[list] = placeholder(count[list]);
      return { envelope, count };
    },
  };
}

type Checked = { ok: true; count: Record<ListName, number> } | { ok: false; issues: FieldIssue[]; total: number };
type Valid = { list: 'trajecten'; record: ImportTraject } | { list: 'meldingen'; record: MeldingFields };

const RECORD_SCHEMA = { trajecten: ImportTraject, meldingen: MeldingFields } as const;

/**
 * Checks every record, then the envelope; nothing is kept but the reasons (capped). Each record
 * that passes is handed to `accept` while no problem has been found yet, so a caller can write
 * in the same pass; after the first problem only the checking goes on, for the full list of reasons.
 */
function check(source: RecordSource, accept: (valid: Valid) => void = () => undefined): Checked {
  try {
    const issues: FieldIssue[] = [];
    let total = 0;
    const { envelope, count } = source.scan((list, i, record) => {
      const r = RECORD_SCHEMA[list].safeParse(record, DUTCH);
      if (r.success) {
        if (total === 0) accept({ list, record: r.data } as Valid);
        return;
      }
      const found = dutchFieldIssues(r.error.issues, [list, i]);
      total += found.length;
      for (const issue of found) if (issues.length < MAX_IMPORT_ISSUES) issues.push(issue);
    });
    const outer = ImportEnvelope.safeParse(envelope, DUTCH);
    if (!outer.success) {
      // The wrong kind of file: its records' reasons would only be noise.
      const reasons = dutchFieldIssues(outer.error.issues, []);
      return { ok: false, issues: reasons.slice(0, MAX_IMPORT_ISSUES), total: reasons.length };
    }
    return total > 0 ? { ok: false, issues, total } : { ok: true, count };
  } catch (error) {
    if (error instanceof NotJson) return { ok: false, issues: [NOT_JSON], total: 1 };
    throw error;
  }
}

/** Throws the refusal of a file that did not pass the check. */
function refuse(checked: Extract<Checked, { ok: false }>): never {
  throw new KkError('INVALID_INPUT', `Import refused: ${checked.total} problem(s)`, { issues: checked.issues });
}

/** The total number of problems of a refused import (the issues list is capped at MAX_IMPORT_ISSUES). */
export function refusedTotal(error: KkError): number | undefined {
  const m = /^Import refused: (\d+) problem/.exec(error.message);
  return m ? Number(m[1]) : undefined;
}

/**
 * Checks a whole import file against the shared schemas, record by record. Every problem is
 * reported by record (index and field path) with a Dutch message that never repeats the value.
 */
export function validateImport(text: string): { ok: true; trajecten: number; meldingen: number } | { ok: false; issues: FieldIssue[]; total: number } {
  const r = check(textSource(text));
  return r.ok ? { ok: true, ...r.count } : r;
}

/**
 * The per-row count triggers cost more than the row itself on a bulk insert (each one turns the
 * insert into a multi-statement write). During an import they are dropped INSIDE the import's
 * transaction, the counts of the new rows are added in one grouped statement, and the triggers
 * are created again from their stored SQL before the commit: a failure anywhere rolls all of it
 * back, triggers included, and no other connection can see the vault in between.
 */
const COUNT_TRIGGERS = ['trajecten_tel_insert', 'meldingen_tel_insert'] as const;

function suspendCountTriggers(db: Db): { resume: () => void } {
  const sqlOf = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (${COUNT_TRIGGERS.map(() => '?').join(', ')})`).all(...COUNT_TRIGGERS) as Array<{ name: string; sql: string }>;
  if (sqlOf.length !== COUNT_TRIGGERS.length) throw new KkError('INTERNAL', 'Count triggers missing');
  const maxRow = (table: string) => (db.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${table}`).get() as { n: number }).n;
  const after = { trajecten: maxRow('trajecten'), meldingen: maxRow('meldingen') };
  for (const t of sqlOf) db.exec(`DROP TRIGGER ${t.name}`);
  return {
    resume() {
      // New rows get rowids above the old maximum (rows are appended), so these are exactly the imported ones.
      db.prepare(
        `INSERT INTO traject_tellingen (fase, preventief, vormen, minderjarig, aanmeldjaar, sluitjaar, n)
         SELECT fase, preventief, vormen, minderjarig, CAST(substr(aanmelddatum, 1, 4) AS INTEGER), coalesce(CAST(substr(afgesloten_op, 1, 4) AS INTEGER), 0), count(*)
           FROM trajecten WHERE rowid > ? GROUP BY 1, 2, 3, 4, 5, 6
         ON CONFLICT DO UPDATE SET n = n + excluded.n`,
      ).run(after.trajecten);
      db.prepare(
        `INSERT INTO melding_tellingen (jaar, gemeente, vorm, minderjarig, preventief_gesprek, informatieverzoek, conclusie, acuut, n)
         SELECT CAST(substr(datum, 1, 4) AS INTEGER), gemeente, vorm, coalesce(minderjarig, -1), preventief_gesprek, informatieverzoek, coalesce(conclusie, ''), acuut, count(*)
           FROM meldingen WHERE rowid > ? GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         ON CONFLICT DO UPDATE SET n = n + excluded.n`,
      ).run(after.meldingen);
      for (const t of sqlOf) db.exec(t.sql);
    },
  };
}

/**
 * Runs `fn` with a smaller page cache and without an automatic checkpoint at its commit, and
 * puts the vault's own settings back afterwards. An import's commit would otherwise copy its
 * ~500 MB of WAL into the main file (~4 s at 100,000 trajecten) before the call returns; the
 * WAL is on disk and durable at the commit already, and the core checkpoints when idle (and
 * SQLite does when the vault is closed), so that work moves out of the person's wait.
 */
function withImportSettings<T>(db: Db, fn: () => T): T {
  const previousCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    return withImportCache(db, fn);
  } finally {
    db.pragma(`wal_autocheckpoint = ${Math.trunc(Number(previousCheckpoint))}`);
  }
}

/** Runs `fn` with a smaller page cache, and puts the vault's own size back afterwards. */
function withImportCache<T>(db: Db, fn: () => T): T {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  const previousKiB = previous < 0 ? -previous : (previous * (db.pragma('page_size', { simple: true }) as number)) / 1024;
  if (previousKiB <= IMPORT_CACHE_KIB) return fn();
  db.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}

function importChecked(db: Db, ctx: WriteContext, source: RecordSource, options: { dryRun: boolean; today: string }): ImportResult {
  const result: ImportResult = { dryRun: options.dryRun, clienten: 0, trajecten: 0, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 };
  const tally = (valid: Valid) => {
    if (valid.list === 'meldingen') {
      result.meldingen++;
      return;
    }
    const t = valid.record;
    result.clienten++;
    result.trajecten++;
    result.toestemmingen += t.toestemmingen.length;
    result.journaal += t.journaal.length;
    result.taken += t.taken.length;
  };
  if (options.dryRun) {
    const checked = check(source, tally);
    if (!checked.ok) refuse(checked);
    return result;
  }
  const write = (valid: Valid) => {
    tally(valid);
    if (valid.list === 'meldingen') {
      writeMelding(db, ctx, valid.record);
      return;
    }
    const { client, fase, afsluitReden, afsluitToelichting, afgeslotenOp, toestemmingen, journaal, taken, ...fields } = valid.record;
    const c = writeClient(db, ctx, client);
    const { id } = insertTraject(db, ctx, c, fields, { fase, afsluitReden: afsluitReden ?? null, afsluitToelichting: afsluitToelichting ?? null, afgeslotenOp: afgeslotenOp ?? null });
    for (const s of toestemmingen) writeToestemming(db, ctx, id, s);
    for (const j of journaal) insertJournal(db, ctx, { trajectId: id, clientId: c.id, ...j });
    for (const k of taken) insertTask(db, ctx, { trajectId: id, ...k }, options.today);
  };
  // One pass: each record is checked and, while every record so far passed, written. A file with
  // any problem is refused as a whole: the transaction rolls back, so nothing of it is stored.
  withImportSettings(db, () =>
    inTransaction(db, () => {
      const triggers = suspendCountTriggers(db);
      const checked = withBatchedChanges(db, () => check(source, write));
      if (!checked.ok) refuse(checked);
      triggers.resume();
    }),
  );
  return result;
}

/**
 * Imports a casework file in ONE transaction: every record is checked against the shared schemas
 * and written in the same pass, one record at a time (the file is never held as a tree). Any
 * problem refuses the whole file with its reasons and rolls everything back: all, or none.
 */
export function importJson(db: Db, ctx: WriteContext, text: string, options: { dryRun: boolean; today: string }): ImportResult {
  return importChecked(db, ctx, textSource(text), options);
}

/** Imports a casework file from disk (kk), streamed: only one record is in memory at a time. */
export function importFile(db: Db, ctx: WriteContext, path: string, options: { dryRun: boolean; today: string }): ImportResult {
  return importChecked(db, ctx, fileSource(path), options);
}
