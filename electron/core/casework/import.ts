import { statSync } from 'node:fs';
import { KkError } from '../../../shared/errors';
import { MAX_IMPORT_FILE_BYTES, type ImportResult } from '../../../shared/casework/import.schema';
import { writeClient } from './clienten.repo';
import { insertTraject, type ClientRef } from './trajecten.repo';
import { insertJournaal } from './journaal.repo';
import { insertTaak } from './taken.repo';
import { writeToestemming } from './toestemmingen.repo';
import { writeMelding } from './meldingen.repo';
import { check, fileSource, type Checked, type Valid } from './importSource';
import { importDuplicateCheck } from './importDuplicates';
import { checkInWorker } from './checkInWorker';
import { log } from '../log';
import { progressReporter } from '../callProgress';
import { dutchDateTime, fileSha256, firstImportedAt, recordImport } from './importedFiles.repo';
import { withBatchedChanges } from '../changelog/changeLog';
import { COUNT_RULES, catchUpSql, insertTrigger } from './countRules';
import { inTransaction, type Db } from '../db/sql';
import { type WriteContext } from '../changelog/writeContext';

/**
 * Page cache during an import, in KiB. A 100,000-traject import dirties ~500 MB of pages, more
 * than any cache holds, so they spill to the WAL during the transaction anyway. 48 MiB still
 * holds the pages that inserts in random key order keep coming back to (pseudonym and date
 * indexes); measured at 100,000 trajecten: 16 MiB 245 MB RSS / 33.8 s CPU, 48 MiB 279 MB /
 * 28.9 s, 128 MiB (the vault's normal cache) 363 MB / 27.9 s. The vault's own size comes back afterwards.
 */
export const IMPORT_CACHE_KIB = 48 * 1024;

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
 * The per-row count triggers cost more than the row itself on a bulk insert (each one turns the
 * insert into a multi-statement write). During an import the INSERT count triggers — and
 * nothing else: the change log's append-only triggers stay — are dropped INSIDE the import's
 * transaction, the counts of the new rows are added in one grouped statement of the same count
 * rules, and the triggers are created again before the commit: a failure anywhere rolls all of
 * it back, triggers included, and no other connection can see the vault in between.
 */
function suspendCountTriggers(db: Db): { resume: () => void } {
  const suspended = COUNT_RULES.map((rule) => {
    const trigger = insertTrigger(rule);
    const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(trigger.name);
    if (!exists) throw new KkError('INTERNAL', 'Count triggers missing');
    const after = (db.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${rule.table}`).get() as { n: number }).n;
    return { rule, trigger, after };
  });
  for (const { trigger } of suspended) db.exec(`DROP TRIGGER ${trigger.name}`);
  return {
    resume() {
      // New rows get rowids above the old maximum (rows are appended), so these are exactly the imported ones.
      for (const { rule, trigger, after } of suspended) {
        db.prepare(catchUpSql(rule)).run(after);
        db.exec(trigger.sql);
      }
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


/**
 * Checks every record of the file and hands each one that passed to `accept`, in file order,
 * while none failed. The checking runs on a second thread when it can start (the import then
 * uses both cores), otherwise here; both use the same `check`, so the outcome is the same.
 */
function checkRecords(path: string, accept: (valid: Valid) => void): Checked {
  const inWorker = process.env.KK_IMPORT_ONE_THREAD === '1' ? undefined : checkInWorker(path, accept);
  log.info('import.checked', { thread: inWorker ? 'second' : 'core' });
  return inWorker ?? check(fileSource(path), accept);
}

/** How an import runs: a dry run only checks; `opnieuw` imports a file that was imported before, on purpose. */
export interface ImportOptions {
  dryRun: boolean;
  today: string;
  opnieuw?: boolean;
}

/** Refuses a file that was imported before, naming when (the person may confirm with `opnieuw`). */
function alreadyImported(at: number): KkError {
  return new KkError('ALREADY_IMPORTED', 'This file was imported before', {
    issues: [{ path: '(bestand)', message: `Dit bestand is al ingelezen op ${dutchDateTime(at)}.` }],
  });
}

function importChecked(db: Db, ctx: WriteContext, path: string, size: number, options: ImportOptions): ImportResult {
  const result: ImportResult = { dryRun: options.dryRun, clienten: 0, trajecten: 0, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 };
  // Progress is the window's sign that the work goes on, and main's heartbeat (no time-out while it runs).
  const progress = progressReporter('import.progress');
  const stage = options.dryRun ? 'controleren' : 'inlezen';
  let records = 0;
  const refsCounted = new Set<string>();
  const dubbel = importDuplicateCheck(db, result); // issue 13: look-alike cliënten named in the report
  const tally = (valid: Valid) => {
    dubbel(valid);
    progress.report({ stage, done: ++records });
    if (valid.list === 'meldingen') {
      result.meldingen++;
      return;
    }
    const t = valid.record;
    if (t.clientRef === undefined) result.clienten++;
    else if (!refsCounted.has(t.clientRef)) {
      refsCounted.add(t.clientRef);
      result.clienten++;
    }
    result.trajecten++;
    result.toestemmingen += t.toestemmingen.length;
    result.journaal += t.journaal.length;
    result.taken += t.taken.length;
  };
  // One extra streaming pass for the file's fingerprint. The file could in theory change
  // between this pass and the import's own: the ledger guards against accidents, not against
  // someone rewriting the file under a running import.
  progress.report({ stage: 'lezen', done: 0, total: size }, true);
  const sha256 = fileSha256(path, (bytes) => progress.report({ stage: 'lezen', done: bytes, total: size }));
  if (options.dryRun) {
    const earlier = firstImportedAt(db, sha256);
    // A dry run says the file was imported before, and does not refuse: it writes nothing.
    if (earlier !== null) result.eerderIngelezenOp = new Date(earlier).toISOString();
    const checked = checkRecords(path, tally);
    if (!checked.ok) refuse(checked);
    return result;
  }
  // The cliënten written for a `clientRef` of this file (a few strings each; never stored).
  const refs = new Map<string, ClientRef>();
  const write = (valid: Valid) => {
    tally(valid);
    if (valid.list === 'meldingen') {
      writeMelding(db, ctx, valid.record);
      return;
    }
    const { client, clientRef, fase, afsluitReden, afsluitToelichting, afgeslotenOp, toestemmingen, journaal, taken, ...fields } = valid.record;
    // The check guarantees a ref's first traject carries the cliënt.
    const c = (clientRef !== undefined ? refs.get(clientRef) : undefined) ?? writeClient(db, ctx, client!);
    if (clientRef !== undefined) refs.set(clientRef, c);
    const { id } = insertTraject(db, ctx, c, fields, { fase, afsluitReden: afsluitReden ?? null, afsluitToelichting: afsluitToelichting ?? null, afgeslotenOp: afgeslotenOp ?? null });
    for (const s of toestemmingen) writeToestemming(db, ctx, id, s);
    for (const j of journaal) insertJournaal(db, ctx, { trajectId: id, clientId: c.id, ...j });
    for (const k of taken) insertTaak(db, ctx, { trajectId: id, ...k }, options.today);
  };
  // One pass: each record is checked and, while every record so far passed, written. A file with
  // any problem is refused as a whole: the transaction rolls back, so nothing of it is stored.
  // The ledger is read and written in the same transaction: the file counts as imported exactly
  // when its records are committed, so a retry after an unknown outcome cannot double them.
  withImportSettings(db, () =>
    inTransaction(db, () => {
      const earlier = firstImportedAt(db, sha256);
      if (earlier !== null) {
        if (!options.opnieuw) throw alreadyImported(earlier);
        result.eerderIngelezenOp = new Date(earlier).toISOString();
      }
      const triggers = suspendCountTriggers(db);
      const checked = withBatchedChanges(db, () => checkRecords(path, write));
      if (!checked.ok) refuse(checked);
      progress.report({ stage: 'afronden', done: records }, true);
      triggers.resume();
      recordImport(db, sha256, result, Date.now());
    }),
  );
  return result;
}

/**
 * Imports a casework file from disk (kk, and the app with the path main's file dialog chose) in
 * ONE transaction: every record is checked against the shared schemas and written in the same
 * pass, streamed (only one record is in memory at a time, the file is never held as a tree). Any
 * problem refuses the whole file with its reasons and rolls everything back: all, or none.
 * A file whose bytes were imported before is refused (ALREADY_IMPORTED, with the date) unless
 * `opnieuw` says the person means it. The errors never name the path (it may name a person).
 */
export function importFile(db: Db, ctx: WriteContext, path: string, options: ImportOptions): ImportResult {
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new KkError('NOT_FOUND', 'The import file cannot be read');
  }
  if (size > MAX_IMPORT_FILE_BYTES) throw new KkError('INVALID_INPUT', 'The import file is larger than 512 MB', { issues: [{ path: '(bestand)', message: 'Het bestand is groter dan 512 MB' }] });
  return importChecked(db, ctx, path, size, options);
}
