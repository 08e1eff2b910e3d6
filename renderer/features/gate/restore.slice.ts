import type { StateCreator } from 'zustand';
import { toApiError, type ApiClient, type ApiError } from '../../platform/api';
import type { AppState } from '../../store/appStore';

/** The backup file main chose: a one-time token, the name and the size (never the path). */
export interface ChosenBackup {
  token: string;
  name: string;
  size: number;
}

/** The restore form on the locked screens, and what a finished restore did. */
export interface RestoreState {
  /** The unlock or first-run screen shows the restore form instead of its own. */
  open: boolean;
  chosen: ChosenBackup | null;
  busy: boolean;
  error: ApiError | null;
  /** What the last restore did, shown once in Settings: where the previous vault was kept (null: there was none). */
  restored: { bewaardAls: string | null } | null;
}

export interface RestoreSlice {
  restore: RestoreState;
  openRestore(): void;
  closeRestore(): void;
  /** Main shows the open dialog; a cancel keeps the earlier choice. True when a file was chosen now. */
  chooseRestoreFile(): Promise<boolean>;
  /** Restores the chosen backup as a new vault and opens it; true when the vault is open. */
  restoreBackup(passphrase: string, opzij: boolean): Promise<boolean>;
  restoredNoticeSeen(): void;
}

const closed: RestoreState = { open: false, chosen: null, busy: false, error: null, restored: null };

/**
 * Restoring a backup from the locked screens. Not case data: it runs while the vault is locked
 * and holds a file's name and size and a folder name. After a restore the vault is open and the
 * person lands in Settings, where the backup section says what happened.
 */
export function createRestoreSlice(api: ApiClient): StateCreator<AppState, [], [], RestoreSlice> {
  return (set, get, store) => {
    // A lock ends whatever a restore left to show.
    store.subscribe((state, previous) => {
      if (previous.vaultPhase === 'unlocked' && state.vaultPhase !== 'unlocked') set({ restore: closed });
    });
    const update = (change: Partial<RestoreState>) => set({ restore: { ...get().restore, ...change } });

    return {
      restore: closed,
      openRestore() {
        set({ restore: { ...closed, open: true }, gate: { busy: false, error: null, retryUntil: null, done: false } });
      },
      closeRestore() {
        set({ restore: closed });
      },
      async chooseRestoreFile() {
        update({ busy: true, error: null });
        try {
          const { file } = await api.call('backup.chooseRestoreFile', {});
          update({ busy: false, chosen: file ?? get().restore.chosen });
          return file !== null;
        } catch (error) {
          update({ busy: false, error: toApiError(error) });
          return false;
        }
      },
      async restoreBackup(passphrase, opzij) {
        const chosen = get().restore.chosen;
        if (!chosen) return false;
        update({ busy: true, error: null });
        try {
          const { bewaardAls } = await api.call('backup.restore', { token: chosen.token, passphrase, opzij });
          // The restored vault is open: on to Settings, where the backup section says what happened.
          set({ restore: { ...closed, restored: { bewaardAls } }, vaultPhase: 'unlocked', lockReason: null, route: 'settings' });
          return true;
        } catch (error) {
          const apiError = toApiError(error);
          // A token main no longer knows (expired, or the window reloaded) needs a new choice.
          update({ busy: false, error: apiError, chosen: apiError.code === 'NOT_FOUND' ? null : chosen });
          return false;
        }
      },
      restoredNoticeSeen() {
        update({ restored: null });
      },
    };
  };
}
