import type { EventPayload } from '../../../shared/ipc/events';
import type { BackupStatus } from '../../../shared/ipc/vault.contract';
import { toApiError, type ApiError } from '../../platform/api';
import { caseSlice } from '../../store/caseData';
import { idleWrite, type WriteState } from '../../store/writeState';

/** The backup just made in this session, as main reported it (the file's name, never its path). */
export interface BackupGemaakt {
  naam: string;
  bytes: number;
  gemaaktOp: string;
}

export interface BackupSlice {
  /** When the last backup was made and when to remind; read from the vault each time it opens. */
  backupStatus: BackupStatus | null;
  backupStatusError: ApiError | null;
  /**
   * Making a backup: busy, the refusal, what was made, or that the person cancelled the dialog;
   * while busy, the last `backup.progress` the core sent (null before the first and once done).
   */
  backupWrite: WriteState & { gemaakt: BackupGemaakt | null; geannuleerd: boolean; progress: EventPayload<'backup.progress'> | null };
  reminderWrite: WriteState & { saved: boolean };
  /** The new recovery key, shown once; wiped when the person confirms it is stored, and on lock. */
  newRecoveryKey: string | null;
  recoveryKeyWrite: WriteState & { done: boolean };
  /** The person came from the reminder in the menu: the backup button takes focus when Settings opens. */
  backupFocus: boolean;
  loadBackupStatus(): Promise<void>;
  /** Main shows the save dialog; the core writes and checks the file. True when a backup was made. */
  makeBackup(): Promise<boolean>;
  saveBackupReminder(dagen: number): Promise<boolean>;
  replaceRecoveryKey(passphrase: string): Promise<boolean>;
  confirmNewRecoveryKeyStored(): void;
  /** From the reminder in the menu: to Settings, with focus on "Back-up maken". */
  openBackupFromReminder(): void;
  backupFocusTaken(): void;
  resetBackupFeedback(): void;
}

const idleBackup = { ...idleWrite, gemaakt: null, geannuleerd: false, progress: null };

/**
 * Backups and the recovery key, while the vault is open. Case data (dropped on lock): the backup
 * status is read from the vault, and a new recovery key is a secret that must not outlive the lock.
 */
export const backupSlice = caseSlice<BackupSlice>()(
  () => ({
    backupStatus: null as BackupStatus | null,
    backupStatusError: null as ApiError | null,
    backupWrite: idleBackup as BackupSlice['backupWrite'],
    reminderWrite: { ...idleWrite, saved: false } as BackupSlice['reminderWrite'],
    newRecoveryKey: null as string | null,
    recoveryKeyWrite: { ...idleWrite, done: false } as BackupSlice['recoveryKeyWrite'],
    backupFocus: false,
  }),
  (api) => (set, get, store) => {
    store.subscribe((state, previous) => {
      if (state.vaultPhase === 'unlocked' && previous.vaultPhase !== 'unlocked') void get().loadBackupStatus();
    });

    return {
      async loadBackupStatus() {
        try {
          set({ backupStatus: await api.call('backup.status', {}), backupStatusError: null });
        } catch (error) {
          // The reminder is a help, never a gate: without the status the app works as before.
          set({ backupStatusError: toApiError(error) });
        }
      },

      async makeBackup() {
        set({ backupWrite: { ...idleBackup, busy: true } });
        // The core reports its steps while it writes; only this backup's (while busy) are shown.
        const offProgress = api.on('backup.progress', (progress) => {
          const state = get().backupWrite;
          if (state.busy) set({ backupWrite: { ...state, progress } });
        });
        try {
          const { backup } = await api.call('backup.save', {});
          if (backup === null) {
            set({ backupWrite: { ...idleBackup, geannuleerd: true } });
            return false;
          }
          set({ backupWrite: { ...idleBackup, gemaakt: backup } });
          await get().loadBackupStatus();
          return true;
        } catch (error) {
          set({ backupWrite: { ...idleBackup, error: toApiError(error) } });
          return false;
        } finally {
          offProgress();
        }
      },

      async saveBackupReminder(dagen) {
        set({ reminderWrite: { ...idleWrite, busy: true, saved: false } });
        try {
          const status = await api.call('backup.setReminder', { dagen });
          set({ backupStatus: status, reminderWrite: { ...idleWrite, saved: true } });
          return true;
        } catch (error) {
          set({ reminderWrite: { busy: false, error: toApiError(error), saved: false } });
          return false;
        }
      },

      async replaceRecoveryKey(passphrase) {
        set({ recoveryKeyWrite: { ...idleWrite, busy: true, done: false } });
        try {
          const { recoveryKey } = await api.call('vault.replaceRecoveryKey', { passphrase });
          set({ newRecoveryKey: recoveryKey, recoveryKeyWrite: { ...idleWrite, done: false } });
          return true;
        } catch (error) {
          set({ recoveryKeyWrite: { busy: false, error: toApiError(error), done: false } });
          return false;
        }
      },

      confirmNewRecoveryKeyStored() {
        set({ newRecoveryKey: null, recoveryKeyWrite: { ...idleWrite, done: true } });
      },

      openBackupFromReminder() {
        set({ backupFocus: true });
        get().navigate('settings');
      },

      backupFocusTaken() {
        set({ backupFocus: false });
      },

      resetBackupFeedback() {
        set({ backupWrite: idleBackup, reminderWrite: { ...idleWrite, saved: false }, recoveryKeyWrite: { ...idleWrite, done: false } });
      },
    };
  },
);
