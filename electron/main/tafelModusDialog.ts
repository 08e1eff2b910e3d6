import type { BaseWindow, Dialog } from 'electron';
import type { ShowJsonFilesDialog } from '../gateway/tafelModusMain';

/** The native open dialog for summary files (JSON, several at once), modal to our window; none without a window. */
export function nativeOpenJsonFilesDialog(dialog: Pick<Dialog, 'showOpenDialog'>, getWindow: () => BaseWindow | null): ShowJsonFilesDialog {
  return async () => {
    const window = getWindow();
    if (window === null || window.isDestroyed()) return null;
    const result = await dialog.showOpenDialog(window, { properties: ['openFile', 'multiSelections'], filters: [{ name: 'JSON', extensions: ['json'] }] });
    return result.canceled ? null : result.filePaths;
  };
}
