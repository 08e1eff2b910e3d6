import type { BaseWindow, Dialog } from 'electron';
import { BACKUP_EXTENSION } from '../gateway/backupChoice';
import type { ShowOpenDialog } from '../gateway/importChoice';

/**
 * The native open dialog for a backup file to restore: one file, Ketenkluis backups first (a copy
 * renamed by hand can still be picked under "Alle bestanden"; the core checks what it is).
 * Without a window nothing is chosen: a dialog must never float without its app.
 */
export function nativeOpenBackupDialog(dialog: Pick<Dialog, 'showOpenDialog'>, getWindow: () => BaseWindow | null): ShowOpenDialog {
  return async () => {
    const window = getWindow();
    if (window === null || window.isDestroyed()) return null;
    const result = await dialog.showOpenDialog(window, {
      properties: ['openFile'],
      filters: [
        { name: 'Ketenkluis-back-up', extensions: [BACKUP_EXTENSION] },
        { name: 'Alle bestanden', extensions: ['*'] },
      ],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
