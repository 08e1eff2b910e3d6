import type { AppState } from '../../store/appStore';

// Named selectors of backups, the recovery key and the restore (use the object ones with useShallow).
export const selectBackupStatus = (s: AppState) => s.backupStatus;
export const selectBackupWrite = (s: AppState) => s.backupWrite;
export const selectReminderWrite = (s: AppState) => s.reminderWrite;
export const selectNewRecoveryKey = (s: AppState) => s.newRecoveryKey;
export const selectRecoveryKeyWrite = (s: AppState) => s.recoveryKeyWrite;
export const selectBackupFocus = (s: AppState) => s.backupFocus;
export const selectRestore = (s: AppState) => s.restore;
/** Backup actions as one object. */
export const selectBackupActions = (s: AppState) => ({
  makeBackup: s.makeBackup,
  saveBackupReminder: s.saveBackupReminder,
  replaceRecoveryKey: s.replaceRecoveryKey,
  confirmNewRecoveryKeyStored: s.confirmNewRecoveryKeyStored,
  openBackupFromReminder: s.openBackupFromReminder,
  backupFocusTaken: s.backupFocusTaken,
  resetBackupFeedback: s.resetBackupFeedback,
  restoredNoticeSeen: s.restoredNoticeSeen,
});
/** Restore actions as one object. */
export const selectRestoreActions = (s: AppState) => ({
  openRestore: s.openRestore,
  closeRestore: s.closeRestore,
  chooseRestoreFile: s.chooseRestoreFile,
  restoreBackup: s.restoreBackup,
});
