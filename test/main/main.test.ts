import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, invokeChannel } from '../../shared/ipc/channels';
import { methodNames } from '../../shared/ipc/contract';
import { FakeIpcMain, FakeWebContents } from './fakes';

// main.ts composed against a mocked electron: the order of the hardening steps, the window it
// opens, and the auto-lock wiring from power event to reloaded, told renderer.
const m = vi.hoisted(() => ({
  steps: [] as string[],
  state: { singleInstance: true, isPackaged: true, idleSeconds: 0, vaultLocked: false, autoLockMinutes: 5, dialogAnswer: null as string | null },
  dialogCalls: [] as unknown[][],
  windows: [] as Array<{ options: Record<string, unknown>; webContents: unknown; loaded: string[] }>,
  forks: [] as Array<{ entry: string; posted: Array<Record<string, unknown>>; emit: (e: string, ...a: unknown[]) => void }>,
  electron: {} as Record<string, unknown>,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { FakeIpcMain: Ipc, FakeWebContents: Contents } = await import('./fakes');
  const app = Object.assign(new Emitter(), {
    enableSandbox: vi.fn(() => m.steps.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => m.state.singleInstance),
    getAppPath: () => '/opt/Ketenkluis/resources/app.asar',
    getPath: (name: string) => (name === 'userData' ? '/home/test/.config/Ketenkluis' : '/tmp'),
    whenReady: () => {
      m.steps.push('whenReady');
      return Promise.resolve();
    },
    quit: vi.fn(() => m.steps.push('quit')),
  });
  // A getter (Object.assign would copy the value once).
  Object.defineProperty(app, 'isPackaged', { get: () => m.state.isPackaged });
  class BrowserWindow extends Emitter {
    webContents = new Contents();
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      m.steps.push('BrowserWindow');
      m.windows.push(this as never);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      m.steps.push('loadURL');
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    focus() {}
    restore() {}
  }
  const fork = (entry: string) => {
    const proc = Object.assign(new Emitter(), {
      entry,
      posted: [] as Array<Record<string, unknown>>,
      postMessage(message: Record<string, unknown>) {
        proc.posted.push(message);
        if (message.kind === 'invoke') {
          const value =
            message.method === 'vault.status' ? { exists: true, locked: m.state.vaultLocked }
            : message.method === 'settings.get' ? { autoLockMinutes: m.state.autoLockMinutes, language: 'nl' }
            : message.method === 'import.file' ? { dryRun: (message.input as { dryRun: boolean }).dryRun, clienten: 1, trajecten: 1, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 }
            : {};
          if (message.method === 'vault.lock') m.state.vaultLocked = true;
          queueMicrotask(() => proc.emit('message', { kind: 'reply', id: message.id, result: { ok: true, value } }));
        }
        if (message.kind === 'shutdown') queueMicrotask(() => proc.emit('exit', 0));
      },
      kill: () => true,
    });
    m.steps.push('fork');
    m.forks.push(proc as never);
    return proc;
  };
  const electron = {
    app,
    BrowserWindow,
    dialog: {
      showOpenDialog: vi.fn(async (...args: unknown[]) => {
        m.dialogCalls.push(args);
        const answer = m.state.dialogAnswer;
        return answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
      }),
    },
    ipcMain: new Ipc(),
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    powerMonitor: Object.assign(new Emitter(), { getSystemIdleTime: () => m.state.idleSeconds }),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => m.steps.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => m.steps.push('protocol.handle')),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(() => m.steps.push('permissions')),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    utilityProcess: { fork },
  };
  m.electron = electron;
  return electron;
});

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
};

async function startMain(state: Partial<typeof m.state> = {}, env: Record<string, string> = {}) {
  vi.resetModules();
  m.steps.length = 0;
  m.windows.length = 0;
  m.forks.length = 0;
  m.dialogCalls.length = 0;
  Object.assign(m.state, { singleInstance: true, isPackaged: true, idleSeconds: 0, vaultLocked: false, autoLockMinutes: 5, dialogAnswer: null }, state);
  // The electron mock outlives vi.resetModules: clear what the previous main left on it.
  const previous = m.electron as { app?: EventEmitter & { quit: ReturnType<typeof vi.fn> }; ipcMain?: FakeIpcMain; powerMonitor?: EventEmitter };
  previous.app?.removeAllListeners();
  previous.app?.quit.mockClear();
  previous.powerMonitor?.removeAllListeners();
  previous.ipcMain?.handlers.clear();
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await import('../../electron/main/main');
    await flush();
  } finally {
    process.env = saved;
  }
  const electron = m.electron as { app: EventEmitter & { quit: ReturnType<typeof vi.fn> }; ipcMain: FakeIpcMain; powerMonitor: EventEmitter };
  const window = m.windows[0];
  return { electron, window, webContents: window?.webContents as FakeWebContents | undefined, core: m.forks[0] };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
afterEach(() => vi.useRealTimers());

describe('main composition', () => {
  it('registers the scheme and the sandbox before ready, and hardens the session before the window', async () => {
    await startMain();
    const at = (step: string) => m.steps.indexOf(step);
    expect(at('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(at('registerSchemesAsPrivileged')).toBeLessThan(at('whenReady'));
    expect(at('enableSandbox')).toBeLessThan(at('whenReady'));
    expect(at('permissions')).toBeLessThan(at('BrowserWindow'));
    expect(at('protocol.handle')).toBeLessThan(at('BrowserWindow'));
  });

  it('opens one sandboxed, isolated window on app://ketenkluis without devtools when packaged', async () => {
    const { window } = await startMain();
    expect(m.windows).toHaveLength(1);
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, devTools: false });
    expect(prefs.preload).toBe(path.join('/opt/Ketenkluis/resources/app.asar', 'dist', 'electron', 'preload.cjs'));
    expect(window?.loaded).toEqual(['app://ketenkluis/index.html']);
  });

  it('allows devtools only in development', async () => {
    const { window } = await startMain({ isPackaged: false });
    expect((window?.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });

  it('guards the window it creates against navigation and window.open', async () => {
    const { webContents } = await startMain();
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    webContents?.emit('will-navigate', event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
    expect(webContents?.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('registers the relay for every contract method', async () => {
    const { electron } = await startMain();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(methodNames.map(invokeChannel).sort());
  });

  it('starts the core from the bundle with the vault in userData, ignoring KK_VAULT_DIR when packaged', async () => {
    const { core } = await startMain({}, { KK_VAULT_DIR: '/tmp/elsewhere' });
    expect(core?.entry).toBe(path.join('/opt/Ketenkluis/resources/app.asar', 'dist', 'electron', 'core.cjs'));
    expect(core?.posted[0]).toEqual({ kind: 'init', vaultDir: path.join('/home/test/.config/Ketenkluis', 'vault') });
  });

  it('honours KK_VAULT_DIR in development', async () => {
    const { core } = await startMain({ isPackaged: false }, { KK_VAULT_DIR: '/tmp/kk-dev-vault' });
    expect(core?.posted[0]).toEqual({ kind: 'init', vaultDir: '/tmp/kk-dev-vault' });
  });

  it('quits at once when another Ketenkluis is already running', async () => {
    await startMain({ singleInstance: false });
    expect(m.steps).toContain('quit');
    expect(m.windows).toHaveLength(0);
    expect(m.forks).toHaveLength(0);
  });

  it.each([
    ['lock-screen', 'screen-lock'],
    ['suspend', 'suspend'],
  ])('on %s locks the core, reloads the page and tells it why', async (powerEvent, reason) => {
    const { electron, window, webContents, core } = await startMain();
    electron.powerMonitor.emit(powerEvent);
    await flush();
    expect(core?.posted.map((p) => p.method).filter(Boolean)).toEqual(['vault.status', 'vault.lock']);
    expect(window?.loaded).toEqual(['app://ketenkluis/index.html', 'app://ketenkluis/index.html']);
    expect(webContents?.sent).toContainEqual({ channel: EVENT_CHANNEL, args: [{ name: 'vault.locked', payload: { reason } }] });
  });

  it.each([
    ['lock-screen', 'screen-lock'],
    ['suspend', 'suspend'],
  ])('on %s ends the core process that held the key and starts a fresh one before the page reloads', async (powerEvent, reason) => {
    const { electron, webContents } = await startMain();
    m.steps.length = 0;
    electron.powerMonitor.emit(powerEvent);
    await flush();
    expect(m.forks).toHaveLength(2);
    expect(m.forks[0]?.posted.at(-1)).toEqual({ kind: 'shutdown' });
    expect(m.forks[1]?.posted).toEqual([{ kind: 'init', vaultDir: path.join('/home/test/.config/Ketenkluis', 'vault') }]);
    // Fresh process first, page second: the reloaded page's first call reaches the clean core.
    expect(m.steps).toEqual(['fork', 'loadURL']);
    expect(webContents?.sent).toContainEqual({ channel: EVENT_CHANNEL, args: [{ name: 'vault.locked', payload: { reason } }] });
  });

  it('a lock from the page (the lock button) ends the core process before the page hears "locked"', async () => {
    const { electron, webContents, window } = await startMain();
    const event = { sender: webContents, senderFrame: webContents?.mainFrame };
    const result = await electron.ipcMain.invoke(invokeChannel('vault.lock'), event, {});
    expect(result).toEqual({ ok: true, value: {} });
    expect(m.forks).toHaveLength(2);
    expect(m.forks[0]?.posted.at(-1)).toEqual({ kind: 'shutdown' });
    // The page's next call goes to the fresh process, which never had the vault open.
    const status = await electron.ipcMain.invoke(invokeChannel('vault.status'), event, {});
    expect(status).toMatchObject({ ok: true });
    expect(m.forks[1]?.posted.at(-1)).toMatchObject({ kind: 'invoke', method: 'vault.status' });
    expect(m.forks[0]?.posted.map((p) => p.method)).not.toContain('vault.status');
    // Then the page itself is reloaded, so the renderer's memory of the open vault is dropped too.
    await vi.advanceTimersByTimeAsync(1);
    expect(window?.loaded).toHaveLength(2);
    expect(m.steps.slice(-2)).toEqual(['fork', 'loadURL']);
  });

  it('import: main shows the dialog on its window and hands the core the path; the page gets a token, never the path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kk-main-import-'));
    try {
      const file = path.join(dir, 'Jansen-dossier.json');
      writeFileSync(file, '{}');
      const { electron, webContents, window } = await startMain({ dialogAnswer: file });
      const event = { sender: webContents, senderFrame: webContents?.mainFrame };
      const chosen = (await electron.ipcMain.invoke(invokeChannel('import.chooseFile'), event, {})) as { ok: true; value: { file: { token: string; name: string; size: number } } };
      expect(chosen).toEqual({ ok: true, value: { file: { token: expect.any(String), name: 'Jansen-dossier.json', size: 2 } } });
      expect(m.dialogCalls[0]?.[0]).toBe(window);
      const checked = await electron.ipcMain.invoke(invokeChannel('import.chosen'), event, { token: chosen.value.file.token, dryRun: true });
      expect(checked).toMatchObject({ ok: true, value: { dryRun: true, trajecten: 1 } });
      expect(m.forks[0]?.posted.at(-1)).toMatchObject({ kind: 'invoke', method: 'import.file', input: { path: file, dryRun: true } });
      expect(JSON.stringify([chosen, checked])).not.toContain(dir);
      // The page has no channel to name a path itself.
      await expect(electron.ipcMain.invoke('kk:invoke:import.file', event, { path: file })).rejects.toThrow(/No handler/);
      // A lock reloads the page, and main forgets the file with it.
      await electron.ipcMain.invoke(invokeChannel('vault.lock'), event, {});
      await vi.advanceTimersByTimeAsync(1);
      expect(await electron.ipcMain.invoke(invokeChannel('import.chosen'), event, { token: chosen.value.file.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(m.forks[1]?.posted.map((p) => p.method)).not.toContain('import.file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('locks after the idle time from the settings', async () => {
    const { window, webContents, core } = await startMain({ autoLockMinutes: 10 });
    m.state.idleSeconds = 9 * 60;
    await vi.advanceTimersByTimeAsync(15_000);
    await flush();
    expect(window?.loaded).toHaveLength(1);
    m.state.idleSeconds = 10 * 60 + 1;
    await vi.advanceTimersByTimeAsync(15_000);
    await flush();
    expect(core?.posted.map((p) => p.method)).toContain('vault.lock');
    expect(m.forks).toHaveLength(2);
    expect(window?.loaded).toHaveLength(2);
    expect(webContents?.sent).toContainEqual({ channel: EVENT_CHANNEL, args: [{ name: 'vault.locked', payload: { reason: 'idle' } }] });
  });

  it('does not reload the unlock screen when the vault is already locked', async () => {
    const { electron, window, core } = await startMain({ vaultLocked: true });
    electron.powerMonitor.emit('lock-screen');
    await flush();
    expect(core?.posted.map((p) => p.method)).not.toContain('vault.lock');
    expect(m.forks).toHaveLength(1);
    expect(window?.loaded).toHaveLength(1);
  });

  it('restarts a crashed core (the vault is then locked) and reloads the page', async () => {
    const { window, core } = await startMain();
    core?.emit('exit', 1);
    await flush();
    expect(m.forks).toHaveLength(2);
    expect(m.forks[1]?.posted[0]).toMatchObject({ kind: 'init' });
    expect(window?.loaded).toHaveLength(2);
  });

  it('gives up and quits after repeated core crashes instead of looping', async () => {
    const { electron } = await startMain();
    for (let i = 0; i < 3; i++) {
      m.forks.at(-1)?.emit('exit', 1);
      await flush();
    }
    expect(m.forks).toHaveLength(4);
    expect(electron.app.quit).not.toHaveBeenCalled();
    m.forks.at(-1)?.emit('exit', 1);
    await flush();
    expect(m.forks).toHaveLength(4);
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('lets the core lock and stop before the app quits', async () => {
    const { electron, core } = await startMain();
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    electron.app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    expect(core?.posted.at(-1)).toEqual({ kind: 'shutdown' });
    await flush();
    expect(electron.app.quit).toHaveBeenCalled();
  });
});
