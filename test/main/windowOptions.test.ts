import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow } from '../../electron/main/windowOptions';

class RecordingWindow {
  static created: BrowserWindowConstructorOptions[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    RecordingWindow.created.push(options);
  }
}

const env = (isPackaged: boolean) => ({ isPackaged, preloadPath: '/app/dist/electron/preload.cjs' });

describe('createMainWindow', () => {
  it('creates the window with every hardening switch of the Electron checklist', () => {
    const window = createMainWindow(RecordingWindow, env(true));
    expect(window.options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('turns devtools off in a packaged build and on only in development', () => {
    expect(createMainWindow(RecordingWindow, env(true)).options.webPreferences?.devTools).toBe(false);
    expect(createMainWindow(RecordingWindow, env(false)).options.webPreferences?.devTools).toBe(true);
  });

  it('keeps every other switch the same in development', () => {
    const dev = { ...createMainWindow(RecordingWindow, env(false)).options.webPreferences };
    const packaged = { ...createMainWindow(RecordingWindow, env(true)).options.webPreferences };
    delete dev.devTools;
    delete packaged.devTools;
    expect(dev).toEqual(packaged);
  });

  it('does not show the window before its content is ready', () => {
    expect(createMainWindow(RecordingWindow, env(true)).options.show).toBe(false);
  });
});
