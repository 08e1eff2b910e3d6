import type Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, promises as fsPromises, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { KkError } from '../../../shared/errors';
import { VAULT_FILES } from './constants';
import { toKkError } from './errorMapping';
import { createFileExclusive, createPrivateFile, ensurePrivateDir, fsyncDir, writeFileAtomic } from './safeFs';
import { assertEncryptedFile, integrityOk, openEncryptedDatabase } from './sqlcipher';

/** First bytes of every backup file. */
const MAGIC = Buffer.from('KKBACKUP', 'latin1');
/** Bumped when the backup layout changes. */
export const BACKUP_FORMAT_VERSION = 1;
const MAX_HEADER_BYTES = 64 * 1024;
/**
 * The largest backup file restore will read (2 GiB − 1, the most Node reads into one Buffer).
 * Checked before reading, so a huge or endless file is refused instead of exhausting memory.
 */
export const MAX_BACKUP_BYTES = 2 ** 31 - 1;

const Part = z.object({ length: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
const BackupHeader = z
  .object({
    format: z.literal('ketenkluis-backup'),
    version: z.literal(BACKUP_FORMAT_VERSION),
    createdAt: z.string(),
    schemaVersion: z.number().int().nonnegative(),
    keyFile: Part,
    database: Part,
  })
  .strict();
type BackupHeader = z.infer<typeof BackupHeader>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Removes a temp database and any journal SQLite left beside it. */
function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * `VACUUM INTO` a new file that is owner-only from the start: SQLite accepts an existing empty
 * target, so the file is made first with mode 0600 rather than fixed with chmod afterwards.
 */
export function vacuumInto(db: Database.Database, target: string): void {
  createPrivateFile(target);
  db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
}

/**
 * Copies the open vault into an encrypted snapshot: `VACUUM INTO` a temp file inside the vault
 * folder (SQLite3MultipleCiphers encrypts the target with the same cipher and key), then reopens
 * the copy with the data key and runs `integrity_check`. Never writes plaintext: a copy that
 * starts with the SQLite header is refused and deleted.
 */
function encryptedSnapshot(db: Database.Database, vaultDir: string, dataKey: Buffer): Buffer {
  const temp = join(vaultDir, `.snapshot-${randomBytes(6).toString('hex')}.db`);
  try {
    vacuumInto(db, temp);
    assertEncryptedFile(temp);
    const copy = openEncryptedDatabase(temp, dataKey);
    try {
      if (!integrityOk(copy)) throw new KkError('BACKUP_INVALID', 'Snapshot failed integrity_check');
      copy.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      copy.close();
    }
    assertEncryptedFile(temp);
    return readFileSync(temp);
  } catch (error) {
    throw toKkError(error, 'snapshot');
  } finally {
    removeDatabaseFiles(temp);
  }
}

/**
 * Writes a verified backup file: magic, format header, the key file and the encrypted database.
 * The file is written atomically (owner-only) and read back and checked before returning.
 * The backup opens with the same passphrase (or recovery key) as the vault it came from.
 */
export function writeBackup(db: Database.Database, vaultDir: string, dataKey: Buffer, outFile: string): BackupHeader {
  const database = encryptedSnapshot(db, vaultDir, dataKey);
  let keyFile: Buffer;
  try {
    keyFile = readFileSync(join(vaultDir, VAULT_FILES.keyFile));
  } catch (error) {
    throw toKkError(error, 'read key file');
  }
  const header: BackupHeader = {
    format: 'ketenkluis-backup',
    version: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    schemaVersion: Number(db.pragma('user_version', { simple: true })),
    keyFile: { length: keyFile.length, sha256: sha256(keyFile) },
    database: { length: database.length, sha256: sha256(database) },
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  try {
    writeFileAtomic(outFile, Buffer.concat([MAGIC, length, headerBytes, keyFile, database]));
  } catch (error) {
    throw toKkError(error, 'write backup');
  }
  readBackup(outFile); // read back: what is on disk must parse and match its hashes
  return header;
}

/** A parsed backup file. */
export interface BackupContents {
  header: BackupHeader;
  keyFile: Buffer;
  database: Buffer;
}

/** Reads and checks a backup file; BACKUP_INVALID for anything incomplete or altered. */
export function readBackup(file: string, maxBytes: number = MAX_BACKUP_BYTES): BackupContents {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new KkError('BACKUP_INVALID', 'Backup is not a regular file');
    if (stat.size > maxBytes) throw new KkError('BACKUP_INVALID', 'Backup file is larger than any backup can be');
    bytes = readFileSync(file);
  } catch (error) {
    const mapped = toKkError(error, 'read backup');
    throw mapped.code === 'INTERNAL' || mapped.code === 'READ_ONLY' ? new KkError('BACKUP_INVALID', 'Backup file cannot be read') : mapped;
  }
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new KkError('BACKUP_INVALID', 'Not a Ketenkluis backup');
  }
  const headerLength = bytes.readUInt32BE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerLength > MAX_HEADER_BYTES || headerStart + headerLength > bytes.length) throw new KkError('BACKUP_INVALID', 'Backup header truncated');
  let header: BackupHeader;
  try {
    header = BackupHeader.parse(JSON.parse(bytes.subarray(headerStart, headerStart + headerLength).toString('utf8')));
  } catch {
    throw new KkError('BACKUP_INVALID', 'Backup header damaged');
  }
  const keyStart = headerStart + headerLength;
  const dbStart = keyStart + header.keyFile.length;
  const end = dbStart + header.database.length;
  if (end !== bytes.length) throw new KkError('BACKUP_INVALID', 'Backup length does not match its header');
  const keyFile = bytes.subarray(keyStart, dbStart);
  const database = bytes.subarray(dbStart, end);
  if (sha256(keyFile) !== header.keyFile.sha256 || sha256(database) !== header.database.sha256) {
    throw new KkError('BACKUP_INVALID', 'Backup checksum mismatch');
  }
  return { header, keyFile, database };
}

/** True when `dir` is missing or an empty folder: the only places a restore may write. */
export function isEmptyOrMissing(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return statSync(dir).isDirectory() && readdirSync(dir).length === 0;
}

/** How strict a restore is about the folder it lays a vault into. */
export interface LayOutRules {
  /**
   * True (`kk restore`): the folder must be missing or empty. False (the app's own vault folder):
   * files that are not a vault's (settings.json, the unlock counter) may stay; the caller has
   * checked there is no vault there, and the exclusive creates below refuse one that appears.
   */
  emptyFolder: boolean;
}

/**
 * Lays the backup's files into a NEW vault folder and returns how to take them out again. Never
 * over an existing vault: the key file is created exclusively first (the claim, as a new vault's
 * is), then the database, each written to a temp file in the folder and linked into place, so a
 * file that is there already, or appears meanwhile, is VAULT_EXISTS and nothing of it is touched.
 * The caller then opens and verifies the vault, and calls `undo` if that fails, which removes
 * only what was not in the folder before.
 */
export function layOutBackup(contents: BackupContents, targetDir: string, rules: LayOutRules = { emptyFolder: true }): { undo: () => void } {
  if (rules.emptyFolder && !isEmptyOrMissing(targetDir)) throw new KkError('VAULT_EXISTS', 'Restore target is not empty');
  const created = !existsSync(targetDir);
  const before = new Set(created ? [] : readdirSync(targetDir));
  const keyPath = join(targetDir, VAULT_FILES.keyFile);
  const databasePath = join(targetDir, VAULT_FILES.database);
  let madeKey = false;
  try {
    ensurePrivateDir(targetDir);
    if (!createFileExclusive(keyPath, contents.keyFile)) throw new KkError('VAULT_EXISTS', 'A key file is already there');
    madeKey = true;
    if (!createFileExclusive(databasePath, contents.database)) throw new KkError('VAULT_EXISTS', 'A database is already there');
  } catch (error) {
    // Only what this call made: a file another creator linked meanwhile is theirs.
    if (created) rmSync(targetDir, { recursive: true, force: true });
    else if (madeKey) rmSync(keyPath, { force: true });
    throw toKkError(error, 'restore');
  }
  return { undo: () => undoRestore(targetDir, created, before) };
}

function undoRestore(targetDir: string, created: boolean, before: ReadonlySet<string>): void {
  if (created) {
    rmSync(targetDir, { recursive: true, force: true });
    return;
  }
  // The folder was there before: remove only what the restore (or its unlock) put there.
  for (const name of readdirSync(targetDir)) if (!before.has(name)) rmSync(join(targetDir, name), { recursive: true, force: true });
}

/** What a backup written in steps reports while it runs: which step, and bytes done of the total where known. */
export interface BackupProgress {
  stap: 'kopie' | 'schrijven' | 'controleren';
  klaar: number;
  totaal: number;
}

/** Lets other calls of the core run between chunks (a backup of a large vault must not hold the core). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** SHA-256 and length of a file, read in chunks with the event loop free between them. */
async function hashFile(path: string, onBytes: (done: number) => void): Promise<{ length: number; sha256: string }> {
  const hash = createHash('sha256');
  let length = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    length += (chunk as Buffer).length;
    onBytes(length);
  }
  return { length, sha256: hash.digest('hex') };
}

/**
 * Checks a written backup file without holding the core: the magic, the header, and the SHA-256 of
 * the key file and of the database part, read in chunks. BACKUP_INVALID for anything that differs.
 */
async function verifyBackupFile(file: string, expected: BackupHeader, onBytes: (done: number) => void): Promise<void> {
  const handle = await fsPromises.open(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length + 4);
    await handle.read(head, 0, head.length, 0);
    if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new KkError('BACKUP_INVALID', 'Written backup has no magic');
    const headerLength = head.readUInt32BE(MAGIC.length);
    if (headerLength > MAX_HEADER_BYTES) throw new KkError('BACKUP_INVALID', 'Written backup header too long');
    const headerBytes = Buffer.alloc(headerLength);
    await handle.read(headerBytes, 0, headerLength, head.length);
    const header = BackupHeader.parse(JSON.parse(headerBytes.toString('utf8')));
    if (JSON.stringify(header) !== JSON.stringify(expected)) throw new KkError('BACKUP_INVALID', 'Written backup header differs');
    const keyStart = head.length + headerLength;
    const parts = [
      { start: keyStart, part: header.keyFile },
      { start: keyStart + header.keyFile.length, part: header.database },
    ];
    const { size } = await handle.stat();
    if (size !== keyStart + header.keyFile.length + header.database.length) throw new KkError('BACKUP_INVALID', 'Written backup has the wrong length');
    const chunk = Buffer.alloc(1 << 20);
    let done = 0;
    for (const { start, part } of parts) {
      const hash = createHash('sha256');
      for (let at = 0; at < part.length; ) {
        const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, part.length - at), start + at);
        if (bytesRead === 0) throw new KkError('BACKUP_INVALID', 'Written backup ends early');
        hash.update(chunk.subarray(0, bytesRead));
        at += bytesRead;
        done += bytesRead;
        onBytes(done);
      }
      if (hash.digest('hex') !== part.sha256) throw new KkError('BACKUP_INVALID', 'Written backup does not match its checksum');
    }
  } finally {
    await handle.close();
  }
}

/**
 * Puts a finished temp file in place under `outFile`, never over an existing file: a hard link
 * (which fails when the name is taken) where the file system has them, otherwise (FAT/exFAT
 * sticks) a check and a rename. The temp file is gone afterwards either way.
 */
async function publishNoReplace(temp: string, outFile: string): Promise<void> {
  try {
    await fsPromises.link(temp, outFile);
    await fsPromises.rm(temp, { force: true });
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new KkError('BACKUP_EXISTS', 'Backup target already exists');
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
  }
  if (existsSync(outFile)) throw new KkError('BACKUP_EXISTS', 'Backup target already exists');
  await fsPromises.rename(temp, outFile);
}

/**
 * The backup of the app (issue 13), written in steps so that a large vault does not hold the core:
 * only the consistent copy of the database (`VACUUM INTO`, encrypted, and its integrity_check) runs
 * in one go; hashing, writing and the read-back check run in 1 MiB chunks with other calls served
 * in between, reporting `onProgress`. The same file as `writeBackup`: written to an owner-only temp
 * file beside the target, fsynced, put in place without replacing anything, fsynced folder, read
 * back and checked. On any failure nothing is left: not the temp file, not a half-written backup.
 */
export async function writeBackupInSteps(db: Database.Database, vaultDir: string, dataKey: Buffer, outFile: string, onProgress: (p: BackupProgress) => void = () => undefined): Promise<BackupHeader> {
  const snapshot = join(vaultDir, `.snapshot-${randomBytes(6).toString('hex')}.db`);
  const temp = join(dirname(outFile), `.${basename(outFile)}.${randomBytes(6).toString('hex')}.tmp`);
  let published = false;
  try {
    onProgress({ stap: 'kopie', klaar: 0, totaal: 0 });
    try {
      vacuumInto(db, snapshot);
      assertEncryptedFile(snapshot);
      const copy = openEncryptedDatabase(snapshot, dataKey);
      try {
        if (!integrityOk(copy)) throw new KkError('BACKUP_INVALID', 'Snapshot failed integrity_check');
        copy.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        copy.close();
      }
      assertEncryptedFile(snapshot);
    } catch (error) {
      throw toKkError(error, 'snapshot');
    }
    // Read while the vault is surely open; from here on other calls run between the steps.
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    await breathe();
    const snapshotSize = statSync(snapshot).size;
    const keyFile = await fsPromises.readFile(join(vaultDir, VAULT_FILES.keyFile));
    const database = await hashFile(snapshot, (done) => onProgress({ stap: 'kopie', klaar: done, totaal: snapshotSize }));
    const header: BackupHeader = {
      format: 'ketenkluis-backup',
      version: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      schemaVersion,
      keyFile: { length: keyFile.length, sha256: sha256(keyFile) },
      database,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length);
    const total = MAGIC.length + 4 + headerBytes.length + keyFile.length + database.length;

    // Owner-only from its first byte, and never an existing file.
    const handle = await fsPromises.open(temp, 'wx', 0o600);
    try {
      let at = 0;
      const put = async (bytes: Buffer) => {
        for (let off = 0; off < bytes.length; ) {
          const { bytesWritten } = await handle.write(bytes, off, bytes.length - off, at);
          off += bytesWritten;
          at += bytesWritten;
        }
        onProgress({ stap: 'schrijven', klaar: at, totaal: total });
      };
      await put(Buffer.concat([MAGIC, length, headerBytes, keyFile]));
      for await (const chunk of createReadStream(snapshot, { highWaterMark: 1 << 20 })) await put(chunk as Buffer);
      if (at !== total) throw new KkError('BACKUP_INVALID', 'Snapshot changed while it was written');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await publishNoReplace(temp, outFile);
    published = true;
    fsyncDir(dirname(outFile));
    // Read back: what is on disk must parse and match its hashes.
    await verifyBackupFile(outFile, header, (done) => onProgress({ stap: 'controleren', klaar: done, totaal: keyFile.length + database.length }));
    return header;
  } catch (error) {
    await fsPromises.rm(temp, { force: true }).catch(() => undefined);
    // A backup we put in place and could not prove is ours to take back; a file that was there is never touched.
    if (published) await fsPromises.rm(outFile, { force: true }).catch(() => undefined);
    throw error instanceof KkError ? error : toKkError(error, 'write backup');
  } finally {
    removeDatabaseFiles(snapshot);
  }
}
