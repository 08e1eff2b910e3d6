import { useT } from '../../i18n/useT';
import { relativeDay } from '../../components/relativeDay';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectBackupActions, selectBackupStatus } from './backupSelectors';
import { backupView } from './backupReminder';
import './backup.css';

/**
 * The calm reminder in the frame's header (on every screen, never in the way), only once the set number of days has passed without a backup:
 * one line on how long ago, and the way to make one. No pop-up, no count-down, nothing that
 * blocks work; it goes away by itself once a backup is made.
 */
export function BackupReminder() {
  const { t } = useT();
  const status = useAppStore(selectBackupStatus);
  const { openBackupFromReminder } = useAppStoreShallow(selectBackupActions);
  if (!status) return null;
  const { laatste, herinneren } = backupView(status);
  if (!herinneren) return null;
  const words = laatste ? relativeDay(-laatste.dagenGeleden) : null;
  return (
    <div className="kk-backup-nudge" data-testid="backup-reminder">
      <span className="kk-backup-nudge__text">{words ? t('backup.nudge.ago', { wanneer: t(words.key, words.vars) }) : t('backup.nudge.never')}</span>
      <button type="button" className="kk-link-button kk-backup-nudge__action" onClick={openBackupFromReminder}>
        {t('backup.nudge.action')}
      </button>
    </div>
  );
}
