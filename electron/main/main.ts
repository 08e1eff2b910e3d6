import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, powerMonitor, protocol, session, shell, utilityProcess, type MenuItemConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from '../gateway/appOrigin';
import { bundlePaths, vaultDirFor } from '../gateway/appPaths';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { createAutoLock, createVaultLocker, DEFAULT_AUTO_LOCK_MINUTES, wirePowerMonitor } from './autoLock';
import { startCoreProcess } from '../gateway/coreProcess';
import { createCoreSupervisor } from '../gateway/coreSupervisor';
import { createImportChoice } from '../gateway/importChoice';
import { createVerstrekkingenMain } from '../gateway/verstrekkingenMain';
import { createTafelModusMain } from '../gateway/tafelModusMain';
import { nativeOpenJsonFilesDialog } from './tafelModusDialog';
import { createTafelSamenvoegenMain } from '../gateway/tafelSamenvoegenMain';
import { electronClipboard, nativeSaveDialog, printInHiddenWindow } from './verstrekkingenNative';
import { nativeOpenDialog } from './importDialog';
import { createBackupChoice } from '../gateway/backupChoice';
import { createTafelMain } from '../gateway/tafelMain';
import { nativeOpenBackupDialog } from './backupDialog';
import { createEventForwarder, registerIpcRelay } from './ipcRelay';
import { guardAllWebContents } from './navigationGuards';
import { hardenSession } from './permissions';
import { createWindowCalls } from '../gateway/windowCalls';
import { createMainWindow } from './windowOptions';

/*
 * Composition of the main process. Everything with a rule in it lives in the modules imported
 * above and is tested there; this file only wires them together in the right order.
 */

// Before ready: the scheme's privileges and the sandbox for every renderer.
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight over the vault; the first one is brought forward instead.
  app.quit();
} else {
  const paths = bundlePaths(app.getAppPath());
  const vaultDir = vaultDirFor(app.isPackaged, app.getPath('userData'), process.env);
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;

  const forwardEvent = createEventForwarder(() => mainWindow);
  // The chosen import file is main's alone; its calls reach the core declared below.
  const importChoice = createImportChoice({ showOpenDialog: nativeOpenDialog(dialog, () => mainWindow), forward: (method, input) => core.call(method, input) });
  // Disclosures: save dialog, clipboard and print are main's; the core's gate decides each (verstrekkingenMain.ts).
  const verstrekkingenMain = createVerstrekkingenMain({
    forward: (method, input) => core.call(method, input),
    showSaveDialog: nativeSaveDialog(dialog, () => mainWindow),
    showOpenDialog: nativeOpenDialog(dialog, () => mainWindow),
    clipboard: electronClipboard(() => clipboard),
    print: printInHiddenWindow(BrowserWindow, () => mainWindow),
  });
  // The organisation's combine step: main's save and open dialogs, the core signs, encrypts and reads (tafelSamenvoegenMain.ts).
  const tafelSamenvoegenMain = createTafelSamenvoegenMain({ showSaveDialog: nativeSaveDialog(dialog, () => mainWindow), showOpenDialog: nativeOpenDialog(dialog, () => mainWindow), forward: (method, input) => core.call(method, input) });
  // Backups: main's save and open dialogs, the core writes and restores (backupChoice.ts).
  const backupChoice = createBackupChoice({ showSaveDialog: nativeSaveDialog(dialog, () => mainWindow), showOpenDialog: nativeOpenBackupDialog(dialog, () => mainWindow), forward: (method, input) => core.call(method, input) });
  // Summaries for the Regionale Tafel: main's save dialog, the core writes and records (tafelMain.ts).
  const tafelMain = createTafelMain({ showSaveDialog: nativeSaveDialog(dialog, () => mainWindow), forward: (method, input) => core.call(method, input) });
  // Tafel mode: main's open dialog for summary files and save dialog for the monitor PDF; the core verifies and writes (tafelModusMain.ts).
  const tafelModusMain = createTafelModusMain({ showOpenFiles: nativeOpenJsonFilesDialog(dialog, () => mainWindow), showSaveDialog: nativeSaveDialog(dialog, () => mainWindow), forward: (method, input) => core.call(method, input) });
  const reloadWindow = async (): Promise<void> => {
    // Every lock reloads the window, and a reloaded window has lost its token anyway.
    importChoice.forget();
    verstrekkingenMain.forget();
    backupChoice.forget();
    if (mainWindow !== null && !mainWindow.isDestroyed()) await mainWindow.loadURL(APP_ENTRY_URL);
  };

  // One core process at a time, replaced after every lock and after a crash (coreSupervisor.ts).
  const core = createCoreSupervisor({
    start: (handlers) =>
      startCoreProcess((modulePath, args, options) => utilityProcess.fork(modulePath, args, options), paths.coreEntry, vaultDir, handlers),
    onEvent: forwardEvent,
    // The key died with the process: the vault is locked. Show the unlock screen.
    onRestarted: () => void reloadWindow(),
    onGaveUp: () => app.quit(),
  });

  guardAllWebContents(app, { openExternal: (url) => shell.openExternal(url) });

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  const createWindow = (): void => {
    const window = createMainWindow(BrowserWindow, { isPackaged: app.isPackaged, preloadPath: paths.preload });
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    void window.loadURL(APP_ENTRY_URL);
  };

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    handleAppProtocol(protocol, paths.rendererDir);
    Menu.setApplicationMenu(Menu.buildFromTemplate(minimalMenu()));
    core.start();
    registerIpcRelay(ipcMain, {
      getWindow: () => mainWindow,
      call: createWindowCalls({
        forward: async (method, input) => {
          const result = await core.call(method, input);
          // A lock from the lock button drops the renderer's memory too, as auto-lock does:
          // the reply goes out first, then the page reloads onto the unlock screen.
          if (method === 'vault.lock') setImmediate(() => void reloadWindow());
          return result;
        },
        mainHandlers: { ...importChoice.handlers, ...verstrekkingenMain.handlers, ...backupChoice.handlers, ...tafelModusMain.handlers, ...tafelSamenvoegenMain.handlers, ...tafelMain.handlers },
      }),
    });
    createWindow();

    const lock = createVaultLocker({
      vaultStatus: () => core.call('vault.status', {}),
      lockVault: () => core.call('vault.lock', {}),
      reloadWindow,
      emitLocked: (reason) => forwardEvent('vault.locked', { reason }),
    });
    const autoLock = createAutoLock({
      idleSeconds: () => powerMonitor.getSystemIdleTime(),
      autoLockMinutes: async () => {
        const settings = await core.call('settings.get', {});
        return settings.ok ? settings.value.autoLockMinutes : DEFAULT_AUTO_LOCK_MINUTES;
      },
      lock,
    });
    autoLock.start();
    wirePowerMonitor(powerMonitor, autoLock);
  });

  // One window; closing it ends the app on every platform, so the vault never stays open.
  app.on('window-all-closed', () => app.quit());

  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    // The core locks (closes the database, wipes the key) before the process ends.
    void core.shutdown().finally(() => app.quit());
  });
}

function minimalMenu(): MenuItemConstructorOptions[] {
  const menu: MenuItemConstructorOptions[] = [{ role: 'editMenu' }, { role: 'windowMenu' }];
  return process.platform === 'darwin' ? [{ role: 'appMenu' }, ...menu] : menu;
}
