import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { log } from '../log';
import { VAULT_FILES } from './constants';

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
