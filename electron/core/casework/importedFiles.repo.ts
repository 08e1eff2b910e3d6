import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { ImportResult } from '../../../shared/casework/import.schema';
import { stmt, type Db } from '../db/sql';

/*
 * The ledger of imported files (migration 0040): the SHA-256 of each imported file's bytes,
 * when, and what was written. No path, no file name. It lets an import refuse a file that was
 * imported before, unless the person confirms.
 */

/** Bytes read per step while fingerprinting; the file is never held whole. */
const HASH_CHUNK_BYTES = 1024 * 1024;

/**
 * The SHA-256 of the file's bytes, in one streaming pass (measured: well under a second for the
 * 100,000-traject bench file). `onRead` is told the bytes read so far, to report progress.
 * Synchronous like the rest of an import: no other call may run on the core in between.
 */
export function fileSha256(path: string, onRead: (bytes: number) => void = () => undefined): Buffer {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(HASH_CHUNK_BYTES);
  const fd = openSync(path, 'r');
  try {
    let total = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
      total += n;
      onRead(total);
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest();
}

/** When a file with this hash was first imported (ms since 1970), or null when never. */
export function firstImportedAt(db: Db, sha256: Buffer): number | null {
  const row = stmt(db, 'SELECT min(imported_at) AS at FROM import_files WHERE sha256 = ?').get(sha256) as { at: number | null };
  return row.at;
}

/** Records an import; call it inside the import's transaction, so the row exists exactly when the import committed. */
export function recordImport(db: Db, sha256: Buffer, result: ImportResult, at: number): void {
  stmt(
    db,
    `INSERT INTO import_files (sha256, imported_at, trajecten, clienten, meldingen, journaal, taken, toestemmingen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(sha256, at, result.trajecten, result.clienten, result.meldingen, result.journaal, result.taken, result.toestemmingen);
}

/** "02-12-2026 om 14:05" in this computer's time zone (the core runs on the person's own machine). */
export function dutchDateTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}-${two(d.getMonth() + 1)}-${d.getFullYear()} om ${two(d.getHours())}:${two(d.getMinutes())}`;
}
