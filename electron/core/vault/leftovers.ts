import { lstatSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { log } from '../log';
import { VAULT_FILES } from './constants';
import { fsyncDir } from './safeFs';

/** A snapshot made by `VACUUM INTO` for a backup, and the journals SQLite may leave beside it. */
const SNAPSHOT = /^\.snapshot-[0-9a-f]{12}\.db(-wal|-shm|-journal)?$/;
/** Temp files of `writeFileAtomic` for the files the vault itself writes. */
const VAULT_TEMP = new RegExp(
  `^\\.(${[VAULT_FILES.database, VAULT_FILES.keyFile, VAULT_FILES.settings, VAULT_FILES.unlockAttempts].map((n) => n.replaceAll('.', '\\.')).join('|')})\\.[0-9a-f]{12}\\.tmp$`,
);
/** Temp files of the automatic pre-migration backups in `backups/`. */
const BACKUP_TEMP = /^\.pre-migration-v\d+-to-v\d+-[0-9TZ-]+\.kkbackup\.[0-9a-f]{12}\.tmp$/;

/**
 * A temp file younger than this may belong to a write in progress in another process (settings
 * are written while locked), so it is left alone. Snapshots are only made by the process that
 * holds the database lock, which is the caller, so any snapshot found is stale.
 */
export const TEMP_MIN_AGE_MS = 60_000;

function sweepFolder(dir: string, isLeftover: (name: string, ageMs: number) => boolean, now: number): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0; // no folder, nothing left over
  }
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (!stat.isFile() || !isLeftover(name, now - stat.mtimeMs)) continue;
      rmSync(path, { force: true });
      removed++;
    } catch {
      // A file that vanished or cannot be removed is left for the next open.
    }
  }
  return removed;
}

/**
 * Removes what a crash mid-backup or mid-write can leave in the vault folder: stale encrypted
 * snapshots and atomic-write temp files, matched by our own name patterns only (never anything
 * else a person put there). Call it only while holding the vault open (the database lock), and
 * it never touches the database file itself. Returns the number of files removed.
 */
export function sweepLeftovers(vaultDir: string, now: number = Date.now()): number {
  const removed =
    sweepFolder(vaultDir, (name, age) => SNAPSHOT.test(name) || (VAULT_TEMP.test(name) && age >= TEMP_MIN_AGE_MS), now) +
    sweepFolder(join(vaultDir, VAULT_FILES.backups), (name, age) => BACKUP_TEMP.test(name) && age >= TEMP_MIN_AGE_MS, now);
  if (removed > 0) log.info('vault.leftovers_removed', { count: removed });
  return removed;
}

/**
 * The folder a restore lays a backup out in, beside the vault folder: `<folder>.terugzetten-<12 hex>`
 * while it is laid out and checked, `….klaar` once the restored vault passed its check (only
 * then is the existing vault folder moved aside and this one moved in). The vault folder's own
 * name and its `-bewaard-` siblings never match.
 */
export function restoreStagingName(vaultDir: string, id: string, klaar = false): string {
  return `${resolve(vaultDir)}.terugzetten-${id}${klaar ? '.klaar' : ''}`;
}

/**
 * How long a restore folder must have been untouched before it is taken as left by a crash. A
 * restore writes into it while it lays the backup out; checking a large vault can then read for
 * a few minutes without writing. Only one app runs per vault folder, so this guards against a
 * second host (a test bridge, the preview) restoring at the same moment.
 */
export const RESTORE_STAGING_MIN_AGE_MS = 15 * 60_000;

/** What `cleanRestoreLeftovers` did. */
export interface RestoreCleanup {
  /** Restore folders removed (the vault folder held its vault, so they were never used). */
  removed: number;
  /** True when a checked restore whose last move a crash interrupted was moved into the vault folder. */
  completed: boolean;
  /** Folders that matched the name but not what a restore lays out (left alone, for a person to look at). */
  leftAlone: number;
}

/** Whether `dir` holds only what a restore lays out: regular files, and a `backups` folder of regular files. */
function onlyRestoreFiles(dir: string): { ok: boolean; newestMs: number } {
  let newestMs = lstatSync(dir).mtimeMs;
  for (const name of readdirSync(dir)) {
    const stat = lstatSync(join(dir, name));
    newestMs = Math.max(newestMs, stat.mtimeMs);
    if (stat.isFile()) continue;
    if (stat.isDirectory() && name === VAULT_FILES.backups) {
      const inner = onlyRestoreFiles(join(dir, name));
      if (!inner.ok || readdirSync(join(dir, name)).some((n) => !lstatSync(join(dir, name, n)).isFile())) return { ok: false, newestMs };
      newestMs = Math.max(newestMs, inner.newestMs);
      continue;
    }
    return { ok: false, newestMs };
  }
  return { ok: true, newestMs };
}

/**
 * Cleans up after a restore that a crash or a power cut interrupted (issue 13), at the core's
 * start and before a restore. It looks only at folders named `<vault folder>.terugzetten-<12 hex>`
 * (with `.klaar` when checked) beside the vault folder: our own, by name and by content (files a
 * restore lays out, no links). Never the vault folder, never a `-bewaard-` folder.
 *
 * - The vault folder is missing and a checked (`.klaar`) restore is there: the crash came between
 *   moving the old vault aside and moving the restored one in. The restore is finished: the
 *   checked folder becomes the vault folder (the old vault stays in its `-bewaard-` folder).
 * - The vault folder holds its vault: a restore folder beside it was never moved in (the crash
 *   came while it was laid out or checked); it is removed once it has been untouched for
 *   `RESTORE_STAGING_MIN_AGE_MS`. The backup file is still there to restore from again.
 * - Anything else (no vault and only an unchecked folder, or unexpected content) is left alone.
 */
export function cleanRestoreLeftovers(vaultDir: string, now: number = Date.now()): RestoreCleanup {
  const folder = resolve(vaultDir);
  const parent = dirname(folder);
  const escaped = basename(folder).replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}\\.terugzetten-[0-9a-f]{12}(\\.klaar)?$`);
  const outcome: RestoreCleanup = { removed: 0, completed: false, leftAlone: 0 };
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => pattern.test(n));
  } catch {
    return outcome;
  }
  const staged = names
    .map((name) => {
      const path = join(parent, name);
      try {
        if (!lstatSync(path).isDirectory()) return null;
        return { path, klaar: name.endsWith('.klaar'), ...onlyRestoreFiles(path) };
      } catch {
        return null;
      }
    })
    .filter((s): s is NonNullable<typeof s> => s !== null);
  const ours = staged.filter((s) => s.ok);
  outcome.leftAlone = staged.length - ours.length;

  const folderKind = (() => {
    try {
      return lstatSync(folder).isDirectory() ? 'folder' : 'other';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'other';
    }
  })();
  if (folderKind === 'absent') {
    // The newest checked restore is the one the person asked for last.
    const done = ours.filter((s) => s.klaar && pathKindIsFile(join(s.path, VAULT_FILES.keyFile)) && pathKindIsFile(join(s.path, VAULT_FILES.database))).sort((a, b) => b.newestMs - a.newestMs)[0];
    if (done) {
      try {
        renameSync(done.path, folder);
        fsyncDir(parent);
        outcome.completed = true;
        log.info('vault.restore_completed_after_crash', {});
      } catch (error) {
        log.warn('vault.restore_not_completed', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      }
    }
  }
  const holdsVault = pathKindIsFile(join(folder, VAULT_FILES.keyFile)) || pathKindIsFile(join(folder, VAULT_FILES.database));
  if (holdsVault) {
    for (const s of ours) {
      if (!pathKindIsDir(s.path) || now - s.newestMs < RESTORE_STAGING_MIN_AGE_MS) continue;
      try {
        rmSync(s.path, { recursive: true, force: true });
        outcome.removed++;
      } catch {
        // Left for the next start.
      }
    }
  }
  if (outcome.removed > 0) log.info('vault.restore_leftovers_removed', { count: outcome.removed });
  if (outcome.leftAlone > 0) log.warn('vault.restore_leftovers_unexpected', { count: outcome.leftAlone });
  return outcome;
}

function pathKindIsFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

function pathKindIsDir(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
