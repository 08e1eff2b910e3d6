import { KkError, type ErrorCode } from '../../../shared/errors';

/** Error codes of the operating system and SQLite that have their own meaning for a person. */
const CODE_MAP: Record<string, ErrorCode> = {
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
  SQLITE_FULL: 'DISK_FULL',
  EACCES: 'READ_ONLY',
  EPERM: 'READ_ONLY',
  EROFS: 'READ_ONLY',
  SQLITE_READONLY: 'READ_ONLY',
  SQLITE_READONLY_DIRECTORY: 'READ_ONLY',
  SQLITE_READONLY_DBMOVED: 'READ_ONLY',
  SQLITE_CANTOPEN: 'READ_ONLY',
  SQLITE_PERM: 'READ_ONLY',
  // A read-only database file or folder: SQLite fails to take its file lock or to open the WAL
  // for writing, which surfaces as an I/O error rather than as SQLITE_READONLY.
  SQLITE_IOERR_LOCK: 'READ_ONLY',
  SQLITE_IOERR_RDLOCK: 'READ_ONLY',
  SQLITE_CANTOPEN_ISDIR: 'VAULT_PATH_INVALID',
  EISDIR: 'VAULT_PATH_INVALID',
  ENOTDIR: 'VAULT_PATH_INVALID',
  SQLITE_BUSY: 'VAULT_IN_USE',
  SQLITE_LOCKED: 'VAULT_IN_USE',
  SQLITE_CORRUPT: 'DB_CORRUPT',
  SQLITE_NOTADB: 'DB_CORRUPT',
  SQLITE_IOERR_SHORT_READ: 'DB_CORRUPT',
};

/** SQLite's extended codes (SQLITE_CORRUPT_INDEX, SQLITE_BUSY_SNAPSHOT, …) by their primary code. */
const PREFIX_MAP: Array<[string, ErrorCode]> = [
  ['SQLITE_CORRUPT', 'DB_CORRUPT'],
  ['SQLITE_READONLY', 'READ_ONLY'],
  ['SQLITE_FULL', 'DISK_FULL'],
  ['SQLITE_BUSY', 'VAULT_IN_USE'],
];

function codeOf(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/**
 * Turns an error from fs or SQLite into a KkError with a stable code. The technical message
 * names the code and the operation only, never a path (paths can hold a person's name) or SQL.
 * KkErrors pass through unchanged; anything unknown becomes INTERNAL.
 */
export function toKkError(error: unknown, operation: string): KkError {
  if (error instanceof KkError) return error;
  const code = codeOf(error);
  if (code) {
    const mapped = CODE_MAP[code] ?? PREFIX_MAP.find(([prefix]) => code.startsWith(prefix))?.[1];
    if (mapped) return new KkError(mapped, `${operation}: ${code}`, { cause: error });
  }
  return new KkError('INTERNAL', `${operation}: ${code ?? (error instanceof Error ? error.name : typeof error)}`, { cause: error });
}
