import type { EventPayload } from '../../../shared/ipc/events';

const STAPPEN = ['kopie', 'schrijven', 'controleren'] as const;

/**
 * How far a backup is, 0–100, from the core's last `backup.progress`: the three steps (copy and
 * hash the vault, write the file, read it back) each move about the same bytes, so each counts
 * for a third. Whole percents, rounded down: 100 only once the read-back is done.
 */
export function backupPercent(progress: EventPayload<'backup.progress'>): number {
  const fraction = progress.totaal > 0 ? Math.min(progress.klaar / progress.totaal, 1) : 0;
  return Math.floor(((STAPPEN.indexOf(progress.stap) + fraction) / STAPPEN.length) * 100);
}
