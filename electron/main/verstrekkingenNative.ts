import type { BaseWindow, BrowserWindow, BrowserWindowConstructorOptions, Clipboard, Dialog } from 'electron';
import type { ClipboardPort, PrintHtml, ShowSaveDialog } from '../gateway/verstrekkingenMain';

/*
 * The native parts of the disclosures, for verstrekkingenMain.ts: the save dialog, the system
 * clipboard and printing. Each is modal to our window or absent: without a window (it closed)
 * nothing is saved or printed, a dialog must never float without its app.
 */

/** The native save dialog (the OS asks before replacing an existing file). */
export function nativeSaveDialog(dialog: Pick<Dialog, 'showSaveDialog'>, getWindow: () => BaseWindow | null): ShowSaveDialog {
  return async ({ defaultName, filter }) => {
    const window = getWindow();
    if (window === null || window.isDestroyed()) return null;
    const result = await dialog.showSaveDialog(window, { defaultPath: defaultName, filters: [filter], properties: ['createDirectory', 'showOverwriteConfirmation'] });
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

/** The system clipboard, plain text only; reached only when something is copied. */
export function electronClipboard(clipboard: () => Pick<Clipboard, 'readText' | 'writeText' | 'clear'>): ClipboardPort {
  return { readText: () => clipboard().readText(), writeText: (text) => clipboard().writeText(text), clear: () => clipboard().clear() };
}

/** What printing needs of a window (kept small so a test can fake it honestly). */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: { print(options: Electron.WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void };
  destroy(): void;
  isDestroyed(): boolean;
}

/** Anything constructed like Electron's BrowserWindow (the real one, or a recorder in tests). */
export type PrintWindowConstructor = new (options: BrowserWindowConstructorOptions) => PrintWindow;

/**
 * Prints the core's page in a hidden window of its own: sandboxed and isolated, no preload,
 * JavaScript off, loaded from a data: URL (nothing on disk), then destroyed. The person chooses
 * the printer in the system's print dialog. The options are written inline in the
 * `new BrowserWindow({...})` call so Electronegativity checks the real values (windowOptions.ts).
 */
export function printInHiddenWindow(BrowserWindow: PrintWindowConstructor, getWindow: () => (BaseWindow & Pick<BrowserWindow, 'isDestroyed'>) | null): PrintHtml {
  return async (html) => {
    const parent = getWindow();
    if (parent === null || parent.isDestroyed()) return false;
    const window = new BrowserWindow({
      show: false,
      parent,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        javascript: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        plugins: false,
        spellcheck: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        disableBlinkFeatures: 'Auxclick',
        images: false,
        devTools: false,
      },
    });
    try {
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      return await new Promise<boolean>((resolve) => window.webContents.print({ silent: false, printBackground: false }, (success) => resolve(success)));
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
  };
}
