import type { BrowserWindowConstructorOptions } from 'electron';

/** What the window options depend on; passed in so the options are a pure function. */
export interface WindowEnvironment {
  /** `app.isPackaged`: devtools are available only in development. */
  isPackaged: boolean;
  /** Absolute path of the bundled preload (`dist/electron/preload.cjs`). */
  preloadPath: string;
}

/** Anything constructed like Electron's BrowserWindow (the real one, or a recorder in tests). */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the one Ketenkluis window, with webPreferences following the Electron security
 * checklist. Every value is written out, even where it equals Electron's default, so a future
 * default change or a careless edit shows up in review and fails the test. They are written
 * inline in the `new BrowserWindow({...})` call on purpose: Electronegativity reads them
 * there (it cannot follow a helper function), so its checks see the real values.
 */
export function createMainWindow<W>(BrowserWindow: WindowConstructor<W>, env: WindowEnvironment): W {
  return new BrowserWindow({
    title: 'Ketenkluis',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    // Shown on 'ready-to-show', so nobody sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: env.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      plugins: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: !env.isPackaged,
    },
  });
}
