import { daysBetween, localToday } from '../../../shared/casework/dates';
import type { BackupStatus } from '../../../shared/ipc/vault.contract';

/** What the screens say about backups: the day of the last one and how long ago, and whether to remind. */
export interface BackupView {
  /** The last backup's local day (`YYYY-MM-DD`) and whole days since; null: never made. */
  laatste: { dag: string; dagenGeleden: number } | null;
  /** True when the person should be reminded: the set number of days has passed without a backup. */
  herinneren: boolean;
}

/**
 * Reads the status in the person's own calendar: the core keeps times in UTC, so a backup at
 * 00:30 in the Netherlands is "vandaag", not yesterday. The reminder counts from the last
 * backup, or, when there has never been one, from the day the vault was made (a new, empty
 * vault is not nagged on its first day). A display rule only: it decides nothing in the core.
 */
export function backupView(status: BackupStatus, now: Date = new Date()): BackupView {
  const today = localToday(now);
  const dayOf = (iso: string) => localToday(new Date(iso));
  const laatste = status.laatsteBackup ? { dag: dayOf(status.laatsteBackup), dagenGeleden: daysBetween(dayOf(status.laatsteBackup), today) } : null;
  const vanaf = status.laatsteBackup ?? status.kluisSinds;
  const herinneren = vanaf !== null && daysBetween(dayOf(vanaf), today) >= status.herinnerNaDagen;
  return { laatste, herinneren };
}

/** Parses the reminder field: a whole number 1–365, else null. */
export function parseReminderDays(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 365 ? n : null;
}
