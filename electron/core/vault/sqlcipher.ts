import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { KkError } from '../../../shared/errors';
import { LOCK_WAIT_MS, VAULT_CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES } from './constants';
import { toKkError } from './errorMapping';
import { createPrivateFile, pathKind } from './safeFs';

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** SQLCipher 4 uses 4096-byte pages; an encrypted file is always a whole number of them. */
export const SQLCIPHER_PAGE_SIZE = 4096;

/** Options for opening the encrypted database. */
export interface OpenOptions {
  /**
   * A new database: the file is created owner-only with O_EXCL, or is an empty file the caller
   * has just created that way (createVault does, to know which files are its own). A file with
   * content is refused (VAULT_EXISTS), so a create can never open, and then lose, an existing
   * database. Without `create` the file must exist.
   */
  create?: boolean;
  /** Page cache in KiB; defaults to VAULT_CACHE_KIB. The bench compares against SQLite's default. */
  cacheKiB?: number | 'sqlite-default';
  /** Read every page once after opening (`quick_check`), so a damaged file is refused up front. */
  verify?: boolean;
}

/**
 * The raw-key form SQLCipher expects, `x'<64 hex>'`, built byte by byte into a Buffer so the key
 * never becomes an immutable JS string that could not be wiped. The caller zeroes it.
 */
function rawKeyLiteral(dataKey: Buffer): Buffer {
  const out = Buffer.alloc(3 + dataKey.length * 2);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  for (let i = 0; i < dataKey.length; i++) {
    const byte = dataKey[i] ?? 0;
    out[2 + i * 2] = HEX[byte >> 4] ?? 0;
    out[3 + i * 2] = HEX[byte & 15] ?? 0;
  }
  out[out.length - 1] = 0x27;
  return out;
}

/** Reads the first 16 bytes; a plaintext SQLite file starts with `SQLite format 3\0`. */
export function looksLikePlainSqlite(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.equals(PLAIN_SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses what is not an intact SQLCipher file before SQLite sees it: plaintext SQLite
 * (NOT_SQLCIPHER), an empty file or one that is not a whole number of pages (DB_CORRUPT).
 */
export function assertEncryptedFile(path: string): void {
  if (looksLikePlainSqlite(path)) throw new KkError('NOT_SQLCIPHER', 'Database file is plaintext SQLite');
  const size = statSync(path).size;
  if (size === 0 || size % SQLCIPHER_PAGE_SIZE !== 0) throw new KkError('DB_CORRUPT', 'Database file is truncated');
}

/**
 * Opens (or creates) the SQLCipher 4 database with the raw 256-bit data key and the vault's
 * pragmas. Fails closed: plaintext, wrong format, damage and a second opener all throw KkErrors.
 * `locking_mode=EXCLUSIVE` keeps an OS lock for as long as the connection lives: a second
 * process gets VAULT_IN_USE, and a crashed owner's lock disappears with its process.
 * Never open the database file with `fs` while it is open here: POSIX drops every lock a process
 * holds on a file when any descriptor of that file is closed.
 */
export function openEncryptedDatabase(path: string, dataKey: Buffer, options: OpenOptions = {}): Database.Database {
  const kind = pathKind(path);
  if (kind === 'absent' && options.create) {
    // Owner-only from the first byte (SQLite would create it 0644 minus umask); SQLite sees an
    // empty file as a new database.
    try {
      createPrivateFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new KkError('VAULT_EXISTS', 'Database file appeared while creating');
      throw toKkError(error, 'create database file');
    }
  } else if (kind === 'absent') {
    throw new KkError('VAULT_NOT_FOUND', 'Database file not found');
  } else if (kind !== 'file') {
    throw new KkError('VAULT_PATH_INVALID', 'Database path is not a file');
  } else if (!options.create) {
    assertEncryptedFile(path); // safe to read with fs here: SQLite has not opened the file yet
  } else if (statSync(path).size !== 0) {
    throw new KkError('VAULT_EXISTS', 'Database file is not new');
  }

  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: LOCK_WAIT_MS });
  } catch (error) {
    throw toKkError(error, 'open database');
  }
  const literal = rawKeyLiteral(dataKey);
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(literal);
    db.pragma('locking_mode = EXCLUSIVE');
    // The first read proves the key fits this file (SQLITE_NOTADB otherwise) and takes the lock.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new KkError('INTERNAL', 'WAL journal mode could not be set');
    db.pragma('synchronous = FULL');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    db.pragma('foreign_keys = ON');
    // INSERT OR REPLACE removes a conflicting row; only with recursive triggers on does that
    // removal fire the DELETE triggers, so the change log's append-only guard also stops it.
    db.pragma('recursive_triggers = ON');
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
    if (options.cacheKiB !== 'sqlite-default') db.pragma(`cache_size = ${-(options.cacheKiB ?? VAULT_CACHE_KIB)}`);
    if (db.pragma('cipher', { simple: true }) !== 'sqlcipher') throw new KkError('NOT_SQLCIPHER', 'Connection is not using SQLCipher');
    if (options.verify) {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new KkError('DB_CORRUPT', 'quick_check failed');
    }
    // No fs read of the file from here on: closing any descriptor of the file in this process
    // would drop SQLite's POSIX locks and let a second process in (see createVault).
    return db;
  } catch (error) {
    try {
      db.close();
    } catch {
      // Already failing; the close error adds nothing.
    }
    // The key was proven by the key file, so SQLITE_NOTADB here means a damaged file (DB_CORRUPT).
    throw toKkError(error, 'open database');
  } finally {
    literal.fill(0);
  }
}

/** Runs SQLite's full `integrity_check`; true when the answer is exactly `ok`. */
export function integrityOk(db: Database.Database): boolean {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.length === 1 && rows[0]?.integrity_check === 'ok';
}
