import type Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { KkError } from '../../../shared/errors';
import { checkPassphrase } from '../../../shared/vault/passphrasePolicy';
import { migrate } from '../db/migrate';
import type { Migration } from '../db/migration';
import { migrations as defaultMigrations } from '../db/migrations';
import { log } from '../log';
import { isEmptyOrMissing, layOutBackup, readBackup, writeBackup, writeBackupInSteps, type BackupContents, type BackupProgress, type LayOutRules } from './backup';
import { recordBackup } from './backupInfo';
import { DIR_MODE, FILE_MODE, VAULT_FILES } from './constants';
import { toKkError } from './errorMapping';
import {
  createKeyFile,
  KEY_FILE_VERSION,
  newKeyFile,
  parseKeyFile,
  passphraseSection,
  readKeyFile,
  recoverySection,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  writeKeyFile,
  type KeyFile,
} from './keyFile';
import { generateRecoveryKey, parseRecoveryKey } from './recoveryKey';
import { cleanRestoreLeftovers, restoreStagingName, sweepLeftovers } from './leftovers';
import { createFileExclusive, createPrivateFile, ensurePrivateDir, fsyncDir, pathKind } from './safeFs';
import { assertEncryptedFile, integrityOk, openEncryptedDatabase, type OpenOptions } from './sqlcipher';
import { UnlockThrottle } from './unlockThrottle';

/** An unlocked vault: the open database and the data key (zeroed by `closeVault`). */
export interface OpenVault {
  readonly dir: string;
  readonly vaultId: string;
  readonly db: Database.Database;
  readonly dataKey: Buffer;
}

/** Options shared by the vault operations; tests pass their own migration list. */
export interface VaultOptions {
  migrations?: readonly Migration[];
  cacheKiB?: OpenOptions['cacheKiB'];
}

/** Paths of the vault files in `dir`. */
export function vaultPaths(dir: string) {
  return {
    database: join(dir, VAULT_FILES.database),
    keyFile: join(dir, VAULT_FILES.keyFile),
    backups: join(dir, VAULT_FILES.backups),
  };
}

/**
 * True when `dir` holds a vault (its key file or its database). "Cannot look" is never "no
 * vault": a folder this process may not search is VAULT_UNREADABLE, a file where the folder
 * should be is VAULT_PATH_INVALID.
 */
export function vaultExists(dir: string): boolean {
  const kind = pathKind(dir);
  if (kind === 'absent') return false;
  if (kind !== 'folder') throw new KkError('VAULT_PATH_INVALID', 'Vault folder path is not a folder');
  const p = vaultPaths(dir);
  return pathKind(p.keyFile) !== 'absent' || pathKind(p.database) !== 'absent';
}

/** True when a vault file is at `path`; VAULT_PATH_INVALID when something else (a folder) is. */
function hasFile(path: string): boolean {
  const kind = pathKind(path);
  if (kind === 'absent') return false;
  if (kind !== 'file') throw new KkError('VAULT_PATH_INVALID', 'A vault file path is not a file');
  return true;
}

/** Refuses a weak passphrase with WEAK_PASSPHRASE; the reasons travel as codes, never the value. */
export function assertPassphraseAcceptable(passphrase: string, field = 'passphrase'): void {
  const verdict = checkPassphrase(passphrase);
  if (!verdict.acceptable) {
    throw new KkError('WEAK_PASSPHRASE', `Passphrase refused: ${verdict.reasons.join(',')}`, {
      issues: verdict.reasons.map((reason) => ({ path: field, message: reason })),
    });
  }
}

function assertVaultFilesPresent(dir: string): void {
  if (!vaultExists(dir)) throw new KkError('VAULT_NOT_FOUND', 'No vault in this folder');
  const p = vaultPaths(dir);
  const hasKey = hasFile(p.keyFile);
  const hasDb = hasFile(p.database);
  if (!hasKey && !hasDb) throw new KkError('VAULT_NOT_FOUND', 'No vault in this folder');
  if (!hasKey) throw new KkError('KEYFILE_MISSING', 'Key file not found');
  if (!hasDb) throw new KkError('VAULT_NOT_FOUND', 'Database file not found');
}

/** Closes the database and wipes the data key. Safe to call twice. */
export function closeVault(vault: OpenVault): void {
  try {
    if (vault.db.open) vault.db.close();
  } finally {
    vault.dataKey.fill(0);
  }
}

/** Opens the database with an unwrapped key, verifies it, and migrates (with a verified backup first). */
function openWithDataKey(dir: string, keyFile: KeyFile, dataKey: Buffer, options: VaultOptions): OpenVault {
  const p = vaultPaths(dir);
  let db: Database.Database | undefined;
  try {
    db = openEncryptedDatabase(p.database, dataKey, { verify: true, cacheKiB: options.cacheKiB });
    const opened = db;
    migrate(opened, options.migrations ?? defaultMigrations, {
      beforeMigrate: (from, to) => {
        ensurePrivateDir(p.backups);
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file = join(p.backups, `pre-migration-v${from}-to-v${to}-${stamp}.kkbackup`);
        writeBackup(opened, dir, dataKey, file);
        log.info('migration.backup_written', { from, to });
      },
    });
    // Now that this process holds the database, whatever a crash left behind is stale.
    sweepLeftovers(dir);
    return { dir, vaultId: keyFile.vaultId, db, dataKey };
  } catch (error) {
    if (db?.open) db.close();
    dataKey.fill(0);
    throw toKkError(error, 'unlock');
  }
}

/** SQLite's side files; one left beside a missing database may still hold a vault's last writes. */
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** True when `dir` holds a vault, or the side files of one whose database is gone. */
function vaultOrItsTracesAt(dir: string): boolean {
  if (vaultExists(dir)) return true;
  const database = vaultPaths(dir).database;
  return SIDE_FILES.some((suffix) => pathKind(database + suffix) !== 'absent');
}

/**
 * Refuses (VAULT_EXISTS) a folder that holds a vault or what one left behind: a new vault, made
 * or restored, never goes there. The early check of `createVault` and of a restore; their
 * exclusive creates are what make it safe against one appearing meanwhile.
 */
export function assertRoomForNewVault(dir: string): void {
  if (vaultExists(dir)) throw new KkError('VAULT_EXISTS', 'A vault already exists here');
  if (vaultOrItsTracesAt(dir)) throw new KkError('VAULT_EXISTS', 'Database side files of an earlier vault are present');
}

/**
 * Creates a new vault in `dir` (missing or without vault files) and leaves it unlocked.
 * Returns the recovery key in printable form; it is shown once and never stored.
 *
 * Never destroys a vault: the key file is created exclusively (link, not rename) and so is the
 * database (O_EXCL), so of two creators at once exactly one gets past the key file and the other
 * gets VAULT_EXISTS; a failed create removes only the files this call made.
 */
export async function createVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<{ vault: OpenVault; recoveryKey: string }> {
  assertPassphraseAcceptable(passphrase);
  // A cheap early refusal; the exclusive creates below are what make it safe.
  assertRoomForNewVault(dir);
  const p = vaultPaths(dir);
  try {
    ensurePrivateDir(dir);
    // mkdir's mode only applies to a folder it creates; an existing folder is narrowed here.
    chmodSync(dir, DIR_MODE);
  } catch (error) {
    throw toKkError(error, 'create vault folder');
  }
  const dataKey = randomBytes(32);
  const recovery = generateRecoveryKey();
  let keyFile: KeyFile;
  try {
    keyFile = await newKeyFile(dataKey, passphrase, recovery.bytes);
  } catch (error) {
    dataKey.fill(0);
    throw toKkError(error, 'create key file');
  } finally {
    recovery.bytes.fill(0);
  }
  const made = { keyFile: false, database: false };
  let db: Database.Database | undefined;
  try {
    // The key file is the claim: whoever links it first owns this create.
    if (!createKeyFile(p.keyFile, keyFile)) throw new KkError('VAULT_EXISTS', 'A key file appeared while creating');
    made.keyFile = true;
    try {
      createPrivateFile(p.database);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new KkError('VAULT_EXISTS', 'A database appeared while creating');
      throw error;
    }
    made.database = true;
    db = openEncryptedDatabase(p.database, dataKey, { create: true, cacheKiB: options.cacheKiB });
    chmodSync(p.database, FILE_MODE);
    migrate(db, options.migrations ?? defaultMigrations);
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get()) {
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('vault_id', keyFile.vaultId);
    }
    // Fail closed on the new file itself: close (writing everything into the main file), check the
    // header on disk is not plaintext, then reopen. Reading the file while SQLite holds it open
    // would release SQLite's locks, hence the close first.
    db.close();
    assertEncryptedFile(p.database);
    db = openEncryptedDatabase(p.database, dataKey, { cacheKiB: options.cacheKiB });
    log.info('vault.created', {});
    return { vault: { dir, vaultId: keyFile.vaultId, db, dataKey }, recoveryKey: recovery.printable };
  } catch (error) {
    if (db?.open) db.close();
    dataKey.fill(0);
    // Remove only what this call made, so a retry can start clean; a file that was there before
    // (another creator's, or an existing vault's) is never touched. The side files checked absent
    // above came from this call's own connection.
    if (made.database) for (const suffix of ['', ...SIDE_FILES]) rmSync(p.database + suffix, { force: true });
    if (made.keyFile) rmSync(p.keyFile, { force: true });
    throw toKkError(error, 'create vault');
  }
}

/**
 * Unlocks with the passphrase. Failures are counted and slowed down: a wrong passphrase is
 * WRONG_PASSPHRASE (with retryAfterSeconds once a wait starts); an attempt during the wait is
 * TOO_MANY_ATTEMPTS, refused before the passphrase is even tried.
 */
export async function unlockVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<OpenVault> {
  assertVaultFilesPresent(dir);
  // Read (and checksum) the key file first: damage is reported as such and never counted.
  const keyFile = readKeyFile(vaultPaths(dir).keyFile);
  const dataKey = await unwrapCounted(dir, 'WRONG_PASSPHRASE', () => unwrapWithPassphrase(keyFile, passphrase));
  const vault = openWithDataKey(dir, keyFile, dataKey, options);
  upgradeKeyFile(dir, keyFile);
  return vault;
}

/**
 * Unwraps with the attempt counted in advance (see UnlockThrottle.beginAttempt): parallel
 * attempts, in this process or others, can never get more tries than the slow-down allows.
 */
async function unwrapCounted(dir: string, code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY', unwrap: () => Promise<Buffer> | Buffer): Promise<Buffer> {
  const attempt = new UnlockThrottle(dir).beginAttempt();
  let key: Buffer;
  try {
    key = await unwrap();
  } catch (error) {
    if (error instanceof KkError && error.code === code) {
      const wait = attempt.failed();
      log.warn('vault.unlock_failed', { code, wait });
      throw new KkError(code, error.message, wait > 0 ? { retryAfterSeconds: wait } : {});
    }
    attempt.cancelled();
    throw error;
  }
  try {
    attempt.succeeded();
  } catch (error) {
    key.fill(0);
    throw error;
  }
  return key;
}

/**
 * Rewrites a key file of an older version in the current one (with its checksum) after it has
 * proven itself by unlocking. Only if the file is still what was read, so a passphrase changed
 * meanwhile by another process is not undone. A failure changes nothing: the old file still opens.
 */
function upgradeKeyFile(dir: string, read: KeyFile): void {
  if (read.version >= KEY_FILE_VERSION) return;
  const path = vaultPaths(dir).keyFile;
  try {
    const now = readKeyFile(path);
    if (JSON.stringify(now) !== JSON.stringify(read)) return;
    writeKeyFile(path, read);
    log.info('vault.keyfile_upgraded', { from: read.version, to: KEY_FILE_VERSION });
  } catch (error) {
    log.warn('vault.keyfile_upgrade_failed', { code: toKkError(error, 'upgrade key file').code });
  }
}

/**
 * Sets a new passphrase after checking the current one. The data key stays the same, so the
 * database is not touched; only the key file is rewritten (atomically, fresh salt).
 */
export async function changePassphrase(dir: string, current: string, next: string): Promise<void> {
  assertPassphraseAcceptable(next, 'next');
  assertVaultFilesPresent(dir);
  const p = vaultPaths(dir);
  const keyFile = readKeyFile(p.keyFile);
  const dataKey = await unwrapCounted(dir, 'WRONG_PASSPHRASE', () => unwrapWithPassphrase(keyFile, current));
  try {
    const passphrase = await passphraseSection(dataKey, next, keyFile.vaultId);
    writeKeyFile(p.keyFile, { ...keyFile, passphrase });
    log.info('vault.passphrase_changed', {});
  } catch (error) {
    throw toKkError(error, 'change passphrase');
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Unlocks with the recovery key and sets a new passphrase. The database is opened (and so
 * verified and locked) before the key file is rewritten; the recovery key stays valid.
 */
export async function recoverVault(dir: string, recoveryKeyText: string, next: string, options: VaultOptions = {}): Promise<OpenVault> {
  assertPassphraseAcceptable(next, 'next');
  assertVaultFilesPresent(dir);
  const p = vaultPaths(dir);
  const keyFile = readKeyFile(p.keyFile);
  const dataKey = await unwrapCounted(dir, 'WRONG_RECOVERY_KEY', () => {
    const recoveryKey = parseRecoveryKey(recoveryKeyText);
    try {
      return unwrapWithRecoveryKey(keyFile, recoveryKey);
    } finally {
      recoveryKey.fill(0);
    }
  });
  const vault = openWithDataKey(dir, keyFile, dataKey, options);
  try {
    const passphrase = await passphraseSection(vault.dataKey, next, keyFile.vaultId);
    writeKeyFile(p.keyFile, { ...keyFile, passphrase });
    log.info('vault.recovered', {});
    return vault;
  } catch (error) {
    closeVault(vault);
    throw toKkError(error, 'recover');
  }
}

const RESTORE_DAMAGE = new Set(['DB_CORRUPT', 'KEYFILE_DAMAGED', 'KEYFILE_MISSING', 'NOT_SQLCIPHER']);

/** Result of a full check. */
export interface CheckReport {
  schemaVersion: number;
  integrity: 'ok';
  pages: number;
}

/** Runs the full `integrity_check` on an open vault; DB_CORRUPT when it is not clean. */
export function checkVault(vault: OpenVault): CheckReport {
  try {
    if (!integrityOk(vault.db)) throw new KkError('DB_CORRUPT', 'integrity_check failed');
    return {
      schemaVersion: Number(vault.db.pragma('user_version', { simple: true })),
      integrity: 'ok',
      pages: Number(vault.db.pragma('page_count', { simple: true })),
    };
  } catch (error) {
    throw toKkError(error, 'check');
  }
}

/** Writes a verified, encrypted backup of an open vault to `outFile` (never over a file) and records its time in the vault. */
export function backupVault(vault: OpenVault, outFile: string): { bytes: number; createdAt: string } {
  if (existsSync(outFile)) throw new KkError('BACKUP_EXISTS', 'Backup target already exists');
  try {
    ensurePrivateDir(dirname(outFile));
  } catch (error) {
    throw toKkError(error, 'backup folder');
  }
  const header = writeBackup(vault.db, vault.dir, vault.dataKey, outFile);
  // Only a backup that was written, read back and checked counts as the last one.
  recordBackup(vault.db, header.createdAt);
  log.info('vault.backup_written', {});
  return { bytes: statSync(outFile).size, createdAt: header.createdAt };
}

/**
 * The backup of the app (issue 13): as `backupVault`, but written in steps (`writeBackupInSteps`)
 * so the core keeps serving other calls while a large vault is copied, written and checked, with
 * progress. The time is recorded only for a backup that was written, read back and checked (and
 * only while the vault is still open then).
 */
export async function backupVaultInSteps(vault: OpenVault, outFile: string, onProgress?: (p: BackupProgress) => void): Promise<{ bytes: number; createdAt: string }> {
  if (existsSync(outFile)) throw new KkError('BACKUP_EXISTS', 'Backup target already exists');
  try {
    ensurePrivateDir(dirname(outFile));
  } catch (error) {
    throw toKkError(error, 'backup folder');
  }
  const header = await writeBackupInSteps(vault.db, vault.dir, vault.dataKey, outFile, onProgress);
  // Locked meanwhile (the person or the auto-lock): the file is whole and checked, only its time is not kept.
  if (vault.db.open) recordBackup(vault.db, header.createdAt);
  log.info('vault.backup_written', {});
  return { bytes: statSync(outFile).size, createdAt: header.createdAt };
}

/**
 * The backup's key file, and the data key unwrapped from it with the passphrase, before anything
 * is laid out: a wrong passphrase is WRONG_PASSPHRASE with nothing created, and a key file that
 * does not parse is the backup's damage (BACKUP_INVALID). The caller zeroes the key.
 */
async function unwrapBackupKey(contents: BackupContents, passphrase: string): Promise<{ keyFile: KeyFile; dataKey: Buffer }> {
  let keyFile: KeyFile;
  try {
    keyFile = parseKeyFile(contents.keyFile.toString('utf8'));
  } catch (error) {
    throw error instanceof KkError && error.code === 'KEYFILE_DAMAGED' ? new KkError('BACKUP_INVALID', error.message) : error;
  }
  return { keyFile, dataKey: await unwrapWithPassphrase(keyFile, passphrase) };
}

/**
 * Lays a read backup into `targetDir`, opens it with the data key, runs `integrity_check` and
 * records the backup's time as this vault's last backup; on any failure takes out again what it
 * laid there. Takes ownership of `dataKey` (zeroed on failure, held by the vault otherwise).
 */
function restoreContents(contents: BackupContents, keyFile: KeyFile, dataKey: Buffer, targetDir: string, rules: LayOutRules, options: VaultOptions): OpenVault {
  let undo: () => void;
  try {
    ({ undo } = layOutBackup(contents, targetDir, rules));
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
  let vault: OpenVault | undefined;
  try {
    vault = openWithDataKey(targetDir, keyFile, dataKey, options);
    checkVault(vault);
    recordBackup(vault.db, contents.header.createdAt);
    return vault;
  } catch (error) {
    if (vault) closeVault(vault);
    else dataKey.fill(0);
    undo();
    // Damage inside the backup is the backup's fault, not the (new) vault's.
    if (error instanceof KkError && RESTORE_DAMAGE.has(error.code)) throw new KkError('BACKUP_INVALID', error.message);
    throw error;
  }
}

/**
 * Restores a backup into a new (missing or empty) folder and proves it: the restored vault is
 * opened with the passphrase and passes `integrity_check`, or it is removed again.
 * Returns the restored vault, unlocked.
 */
export async function restoreVault(inFile: string, targetDir: string, passphrase: string, options: VaultOptions = {}): Promise<OpenVault> {
  const contents = readBackup(inFile);
  if (!isEmptyOrMissing(targetDir)) throw new KkError('VAULT_EXISTS', 'Restore target is not empty');
  const { keyFile, dataKey } = await unwrapBackupKey(contents, passphrase);
  return restoreContents(contents, keyFile, dataKey, targetDir, { emptyFolder: true }, options);
}

/** What a restore into the app's vault folder did. */
export interface RestoreOutcome {
  vault: OpenVault;
  /** The name of the folder beside the vault folder where the vault that was there is kept; null when there was none. */
  bewaardAls: string | null;
}

/** A name beside `dir` that is free, for keeping a vault aside: `<name>-bewaard-2026-05-10-143000`. */
function freeAsideName(dir: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
  const base = `${dir}-bewaard-${stamp}`;
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (pathKind(candidate) === 'absent') return candidate;
  }
  throw new KkError('VAULT_EXISTS', 'No free name beside the vault folder');
}

/**
 * Restores a backup into the app's vault folder `vaultDir` as a NEW vault, and opens it.
 *
 * - No vault there: the backup is laid out with the exclusive creates of a new vault (files that
 *   are not a vault's, such as settings.json, stay), opened, checked, or taken out again.
 * - A vault there: refused (VAULT_EXISTS, nothing touched) unless `opzij`. Then the backup is
 *   first laid out and verified in a new folder beside it; only then is the existing vault folder
 *   renamed, whole, to a free `<folder>-bewaard-<time>` beside it (never overwritten, never
 *   deleted), and the verified folder takes its place. A failure on the way puts it back.
 *
 * A backup that is damaged, incomplete or not a Ketenkluis backup is BACKUP_INVALID and a wrong
 * passphrase WRONG_PASSPHRASE, both before anything is created.
 */
export async function restoreIntoVaultFolder(
  inFile: string,
  vaultDir: string,
  passphrase: string,
  choice: { opzij: boolean; now?: Date },
  options: VaultOptions = {},
): Promise<RestoreOutcome> {
  const contents = readBackup(inFile);
  // Without a trailing separator, so the folders made beside it are beside it, not inside.
  const folder = resolve(vaultDir);
  // What an earlier restore left when a crash interrupted it: finished or removed first.
  cleanRestoreLeftovers(folder);
  const occupied = vaultOrItsTracesAt(folder);
  if (occupied && !choice.opzij) throw new KkError('VAULT_EXISTS', 'A vault already exists in the vault folder');
  const { keyFile, dataKey } = await unwrapBackupKey(contents, passphrase);
  if (!occupied) {
    return { vault: restoreContents(contents, keyFile, dataKey, folder, { emptyFolder: false }, options), bewaardAls: null };
  }

  // Verified beside the vault folder first (same parent: the renames below stay atomic). Once
  // checked, the folder is renamed to `….klaar`: after a crash, the next start knows from the name
  // alone whether it may finish this restore or must remove it (cleanRestoreLeftovers).
  const id = randomBytes(6).toString('hex');
  const laying = restoreStagingName(folder, id);
  const staging = restoreStagingName(folder, id, true);
  const key = Buffer.alloc(dataKey.length);
  dataKey.copy(key);
  try {
    closeVault(restoreContents(contents, keyFile, dataKey, laying, { emptyFolder: true }, options));
  } catch (error) {
    key.fill(0);
    throw error;
  }
  try {
    renameSync(laying, staging);
    fsyncDir(dirname(folder));
  } catch (error) {
    key.fill(0);
    rmSync(laying, { recursive: true, force: true });
    throw toKkError(error, 'mark restore checked');
  }
  let aside: string;
  try {
    aside = freeAsideName(folder, choice.now ?? new Date());
    renameSync(folder, aside);
  } catch (error) {
    key.fill(0);
    rmSync(staging, { recursive: true, force: true });
    throw toKkError(error, 'keep vault aside');
  }
  try {
    renameSync(staging, folder);
  } catch (error) {
    key.fill(0);
    // Back as it was: the existing vault in its place, the verified copy gone.
    try {
      renameSync(aside, folder);
      rmSync(staging, { recursive: true, force: true });
    } catch (undoError) {
      log.error('vault.restore_undo_failed', { code: toKkError(undoError, 'undo').code });
    }
    throw toKkError(error, 'move restored vault');
  }
  fsyncDir(dirname(folder));
  // The settings (language, auto-lock) are the person's, not the vault's: they stay.
  try {
    const settings = join(aside, VAULT_FILES.settings);
    if (pathKind(settings) === 'file') createFileExclusive(join(folder, VAULT_FILES.settings), readFileSync(settings));
  } catch (error) {
    log.warn('vault.restore_settings_not_copied', { code: toKkError(error, 'copy settings').code });
  }
  log.info('vault.restored_beside', {});
  // The verified copy, opened where it now lives with the key that opened it there.
  return { vault: openWithDataKey(folder, keyFile, key, options), bewaardAls: basename(aside) };
}

/**
 * Replaces the recovery key after checking the passphrase (counted and slowed down like an
 * unlock): a new random key wraps the data key, the key file is rewritten atomically with only
 * that section new, so the old recovery key no longer opens this vault. The database is not
 * touched. Returns the new key in printable form, to be shown once; it is never stored.
 */
export async function replaceRecoveryKey(dir: string, passphrase: string): Promise<string> {
  assertVaultFilesPresent(dir);
  const p = vaultPaths(dir);
  const keyFile = readKeyFile(p.keyFile);
  const dataKey = await unwrapCounted(dir, 'WRONG_PASSPHRASE', () => unwrapWithPassphrase(keyFile, passphrase));
  const next = generateRecoveryKey();
  try {
    writeKeyFile(p.keyFile, { ...keyFile, recovery: recoverySection(dataKey, next.bytes, keyFile.vaultId) });
    log.info('vault.recovery_key_replaced', {});
    return next.printable;
  } catch (error) {
    throw toKkError(error, 'replace recovery key');
  } finally {
    dataKey.fill(0);
    next.bytes.fill(0);
  }
}
