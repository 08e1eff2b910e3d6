import type { BaseWindow, Dialog } from 'electron';
import type { ShowOpenDialog } from '../gateway/importChoice';

/**
 * The native open dialog for an import file: one file, JSON, modal to our window. Without a
 * window (it closed) nothing is chosen: a dialog must never float without its app.
 */
export function nativeOpenDialog(dialog: Pick<Dialog, 'showOpenDialog'>, getWindow: () => BaseWindow | null): ShowOpenDialog {
  return async () => {
    const window = getWindow();
    if (window === null || window.isDestroyed()) return null;
    const result = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: [{ name: 'JSON', extensions: ['json'] }] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
