import type Database from 'better-sqlite3-multiple-ciphers';
import { KkError } from '../../../shared/errors';
import { BACKUP_REMINDER_DAYS, type BackupStatus } from '../../../shared/ipc/vault.contract';
import { toKkError } from './errorMapping';

/*
 * When the last backup was made and after how many days the app reminds the person, kept in the
 * vault's own `meta` table: they describe this vault (a restored vault brings its reminder along),
 * hold nothing personal, and are read only while it is open, which is when the reminder shows.
 */

const LAST_BACKUP = 'last_backup_at';
const REMINDER_DAYS = 'backup_reminder_days';
const CREATED = 'created_at';

function hasMeta(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
}

function metaValue(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

function setMeta(db: Database.Database, key: string, value: string): void {
  try {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  } catch (error) {
    throw toKkError(error, 'write meta');
  }
}

/** A stored timestamp, or null when it is missing or not a time (a damaged value never blocks the screen). */
function isoOrNull(value: string | null): string | null {
  return value !== null && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

/** The backup facts of an open vault: the last backup (null: never), when the vault was made, the reminder. */
export function readBackupInfo(db: Database.Database): BackupStatus {
  if (!hasMeta(db)) return { laatsteBackup: null, kluisSinds: null, herinnerNaDagen: BACKUP_REMINDER_DAYS.standaard };
  const days = Number(metaValue(db, REMINDER_DAYS));
  const valid = Number.isInteger(days) && days >= BACKUP_REMINDER_DAYS.min && days <= BACKUP_REMINDER_DAYS.max;
  return {
    laatsteBackup: isoOrNull(metaValue(db, LAST_BACKUP)),
    kluisSinds: isoOrNull(metaValue(db, CREATED)),
    herinnerNaDagen: valid ? days : BACKUP_REMINDER_DAYS.standaard,
  };
}

/** Records that a verified backup of this vault exists from `at` (ISO time). A vault without `meta` (test migrations) records nothing. */
export function recordBackup(db: Database.Database, at: string): void {
  if (hasMeta(db)) setMeta(db, LAST_BACKUP, at);
}

/** Sets after how many days without a backup the app reminds the person. */
export function setReminderDays(db: Database.Database, days: number): BackupStatus {
  if (!Number.isInteger(days) || days < BACKUP_REMINDER_DAYS.min || days > BACKUP_REMINDER_DAYS.max) {
    throw new KkError('INVALID_INPUT', 'Reminder days out of range', { issues: [{ path: 'dagen', message: 'Kies een aantal dagen van 1 tot en met 365.' }] });
  }
  if (!hasMeta(db)) throw new KkError('INTERNAL', 'This vault has no meta table');
  setMeta(db, REMINDER_DAYS, String(days));
  return readBackupInfo(db);
}
