// Backups in the app: main's save and open dialogs choose the file, main keeps the path to
// itself and hands it to the core. The window names no path and never learns one. Real files in
// a temp folder; the core is played by the test; at the end main.ts itself with electron mocked.
import type { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KkError } from '../../shared/errors';
import { invokeChannel } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/define';
import { BACKUP_CHOICE_TTL_MS, createBackupChoice, suggestedBackupName } from '../../electron/gateway/backupChoice';
import { typedCoreCall } from '../../electron/gateway/coreCall';
import { nativeOpenBackupDialog } from '../../electron/main/backupDialog';
import type { FakeIpcMain, FakeWebContents } from './fakes';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kk-backup-choice-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const written = { bytes: 4096, gemaaktOp: '2026-05-10T12:30:00.000Z' };

function setup(answers: Array<string | null>, core: (method: string, input: unknown) => Result<unknown> = (method) => ({ ok: true, value: method === 'backup.writeFile' ? written : { bewaardAls: null } })) {
  let clock = Date.parse('2026-05-10T12:30:00.000Z');
  const forward = vi.fn(async (method: string, input: unknown) => core(method, input));
  const saveDialog = vi.fn(async (_options: { defaultName: string; filter: { name: string; extensions: string[] } }) => answers.shift() ?? null);
  const openDialog = vi.fn(async () => answers.shift() ?? null);
  const choice = createBackupChoice({ showSaveDialog: saveDialog, showOpenDialog: openDialog, forward: typedCoreCall(forward), now: () => clock });
  return { choice, forward, saveDialog, openDialog, later: (ms: number) => (clock += ms) };
}

async function refusal(promise: Promise<unknown>): Promise<KkError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KkError);
  return error as KkError;
}

describe('backup.save', () => {
  it('asks where with the save dialog (a dated name, backups only) and hands that path to the core; the window gets the name, never the path', async () => {
    const path = join(dir, 'Jansen-usb', 'mijn-back-up.kkbackup');
    const { choice, forward, saveDialog } = setup([path]);
    const result = await choice.handlers['backup.save']({});
    expect(result).toEqual({ ok: true, value: { backup: { naam: 'mijn-back-up.kkbackup', ...written } } });
    expect(JSON.stringify(result)).not.toContain(dir);
    expect(forward).toHaveBeenCalledExactlyOnceWith('backup.writeFile', { path });
    expect(saveDialog).toHaveBeenCalledExactlyOnceWith({ defaultName: expect.stringMatching(/^ketenkluis-back-up-\d{4}-\d{2}-\d{2}-\d{4}\.kkbackup$/), filter: { name: 'Ketenkluis-back-up', extensions: ['kkbackup'] } });
  });

  it('suggests the local day and minute, year first, so two backups a day get two names', () => {
    expect(suggestedBackupName(new Date(2026, 4, 9, 8, 5))).toBe('ketenkluis-back-up-2026-05-09-0805.kkbackup');
    expect(suggestedBackupName(new Date(2026, 11, 31, 23, 59))).toBe('ketenkluis-back-up-2026-12-31-2359.kkbackup');
  });

  it('a cancelled dialog writes nothing and says so (backup null)', async () => {
    const { choice, forward } = setup([null]);
    expect(await choice.handlers['backup.save']({})).toEqual({ ok: true, value: { backup: null } });
    expect(forward).not.toHaveBeenCalled();
  });

  it("passes the core's refusal on as it is (a full disk is DISK_FULL, never 'saved')", async () => {
    const { choice } = setup([join(dir, 'vol.kkbackup')], () => ({ ok: false, error: { code: 'DISK_FULL', message: 'write backup: ENOSPC' } }));
    expect(await choice.handlers['backup.save']({})).toEqual({ ok: false, error: { code: 'DISK_FULL', message: 'write backup: ENOSPC' } });
  });

  it('a second click while a dialog is open is refused (CONFLICT) instead of stacking a second dialog', async () => {
    let answer: (path: string | null) => void = () => undefined;
    const forward = vi.fn(async () => ({ ok: true as const, value: written }));
    const choice = createBackupChoice({
      showSaveDialog: () => new Promise((resolve) => (answer = resolve)),
      showOpenDialog: async () => null,
      forward: typedCoreCall(forward),
    });
    const first = choice.handlers['backup.save']({});
    expect((await refusal(choice.handlers['backup.save']({}))).code).toBe('CONFLICT');
    expect((await refusal(choice.handlers['backup.chooseRestoreFile']({}))).code).toBe('CONFLICT');
    answer(null);
    expect(await first).toEqual({ ok: true, value: { backup: null } });
  });
});

describe('backup.chooseRestoreFile and backup.restore', () => {
  function file(name: string, content = 'KKBACKUP…'): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it('gives the window a token, the name and the size; restore hands the core the path with the passphrase and opzij', async () => {
    const path = file('Jansen-back-up.kkbackup');
    const { choice, forward } = setup([path]);
    const chosen = await choice.handlers['backup.chooseRestoreFile']({});
    expect(chosen).toEqual({ ok: true, value: { file: { token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), name: 'Jansen-back-up.kkbackup', size: 'KKBACKUP…'.length + 2 } } });
    expect(JSON.stringify(chosen)).not.toContain(dir);
    const token = chosen.ok && chosen.value.file ? chosen.value.file.token : '';
    const restored = await choice.handlers['backup.restore']({ token, passphrase: 'test only passphrase', opzij: true });
    expect(restored).toEqual({ ok: true, value: { bewaardAls: null } });
    expect(forward).toHaveBeenCalledExactlyOnceWith('backup.restoreFile', { path, passphrase: 'test only passphrase', opzij: true });
    // Restored once: the token is spent.
    expect((await refusal(choice.handlers['backup.restore']({ token, passphrase: 'x', opzij: false }))).code).toBe('NOT_FOUND');
    expect(forward).toHaveBeenCalledTimes(1);
  });

  it('after a refusal (wrong passphrase) the same choice can be tried again', async () => {
    let tries = 0;
    const { choice, forward } = setup([file('a.kkbackup')], () => (++tries === 1 ? { ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'no' } } : { ok: true, value: { bewaardAls: null } }));
    const chosen = await choice.handlers['backup.chooseRestoreFile']({});
    const token = chosen.ok && chosen.value.file ? chosen.value.file.token : '';
    expect(await choice.handlers['backup.restore']({ token, passphrase: 'fout', opzij: false })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await choice.handlers['backup.restore']({ token, passphrase: 'goed', opzij: false })).toMatchObject({ ok: true });
    expect(forward).toHaveBeenCalledTimes(2);
  });

  it('a cancel answers null and keeps the earlier choice; a folder or a file that is gone is NOT_FOUND without the path', async () => {
    mkdirSync(join(dir, 'Jansen-map'));
    const path = file('a.kkbackup');
    const { choice, forward } = setup([path, null, join(dir, 'Jansen-map'), join(dir, 'Jansen-weg.kkbackup')]);
    const chosen = await choice.handlers['backup.chooseRestoreFile']({});
    expect(await choice.handlers['backup.chooseRestoreFile']({})).toEqual({ ok: true, value: { file: null } });
    for (let i = 0; i < 2; i++) {
      const error = await refusal(choice.handlers['backup.chooseRestoreFile']({}));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).not.toContain(dir);
    }
    const token = chosen.ok && chosen.value.file ? chosen.value.file.token : '';
    await choice.handlers['backup.restore']({ token, passphrase: 'p', opzij: false });
    expect(forward).toHaveBeenCalledWith('backup.restoreFile', { path, passphrase: 'p', opzij: false });
  });

  it('a wrong, expired or forgotten token never reaches the core', async () => {
    const { choice, forward, later } = setup([file('a.kkbackup'), file('b.kkbackup')]);
    const first = await choice.handlers['backup.chooseRestoreFile']({});
    const token = first.ok && first.value.file ? first.value.file.token : '';
    expect((await refusal(choice.handlers['backup.restore']({ token: 'A'.repeat(43), passphrase: 'p', opzij: false }))).code).toBe('NOT_FOUND');
    // A wrong token also forgets the choice: guessing gets one try.
    expect((await refusal(choice.handlers['backup.restore']({ token, passphrase: 'p', opzij: false }))).code).toBe('NOT_FOUND');
    const second = await choice.handlers['backup.chooseRestoreFile']({});
    const token2 = second.ok && second.value.file ? second.value.file.token : '';
    later(BACKUP_CHOICE_TTL_MS + 1);
    expect((await refusal(choice.handlers['backup.restore']({ token: token2, passphrase: 'p', opzij: false }))).code).toBe('NOT_FOUND');
    expect(forward).not.toHaveBeenCalled();
  });

  it('forget() (on lock and reload) drops the choice', async () => {
    const { choice, forward } = setup([file('a.kkbackup')]);
    const chosen = await choice.handlers['backup.chooseRestoreFile']({});
    choice.forget();
    const token = chosen.ok && chosen.value.file ? chosen.value.file.token : '';
    expect((await refusal(choice.handlers['backup.restore']({ token, passphrase: 'p', opzij: false }))).code).toBe('NOT_FOUND');
    expect(forward).not.toHaveBeenCalled();
  });
});

describe('nativeOpenBackupDialog', () => {
  it('opens one file, modal to our window, backups first; a cancel is null', async () => {
    const window = { isDestroyed: () => false };
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: ['/home/x/b.kkbackup'] }));
    const show = nativeOpenBackupDialog({ showOpenDialog } as never, () => window as never);
    expect(await show()).toBe('/home/x/b.kkbackup');
    expect(showOpenDialog).toHaveBeenCalledWith(window, {
      properties: ['openFile'],
      filters: [
        { name: 'Ketenkluis-back-up', extensions: ['kkbackup'] },
        { name: 'Alle bestanden', extensions: ['*'] },
      ],
    });
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await show()).toBeNull();
  });

  it('without a window (closed) shows nothing and chooses nothing', async () => {
    const showOpenDialog = vi.fn();
    expect(await nativeOpenBackupDialog({ showOpenDialog } as never, () => null)()).toBeNull();
    expect(await nativeOpenBackupDialog({ showOpenDialog } as never, () => ({ isDestroyed: () => true }) as never)()).toBeNull();
    expect(showOpenDialog).not.toHaveBeenCalled();
  });
});

// main.ts against a mocked electron: the wiring from the window's call to the native dialog and on to the core.
const m = vi.hoisted(() => ({
  saveAnswer: null as string | null,
  openAnswer: null as string | null,
  dialogCalls: [] as Array<{ kind: string; args: unknown[] }>,
  windows: [] as Array<{ webContents: unknown; loaded: string[] }>,
  forks: [] as Array<{ posted: Array<Record<string, unknown>> }>,
  electron: {} as Record<string, unknown>,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { FakeIpcMain: Ipc, FakeWebContents: Contents } = await import('./fakes');
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: () => true,
    getAppPath: () => '/opt/Ketenkluis/resources/app.asar',
    getPath: (name: string) => (name === 'userData' ? '/home/test/.config/Ketenkluis' : '/tmp'),
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
  });
  class BrowserWindow extends Emitter {
    webContents = new Contents();
    loaded: string[] = [];
    constructor() {
      super();
      m.windows.push(this as never);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
    isDestroyed() {
      return false;
    }
  }
  const fork = () => {
    const proc = Object.assign(new Emitter(), {
      posted: [] as Array<Record<string, unknown>>,
      postMessage(message: Record<string, unknown>) {
        proc.posted.push(message);
        if (message.kind === 'invoke') {
          const value =
            message.method === 'backup.writeFile' ? { bytes: 4096, gemaaktOp: '2026-05-10T12:30:00.000Z' }
            : message.method === 'backup.restoreFile' ? { bewaardAls: 'vault-bewaard-2026-05-10-123000' }
            : message.method === 'settings.get' ? { autoLockMinutes: 5, language: 'nl' }
            : message.method === 'vault.status' ? { exists: true, locked: false }
            : {};
          queueMicrotask(() => proc.emit('message', { kind: 'reply', id: message.id, result: { ok: true, value } }));
        }
        if (message.kind === 'shutdown') queueMicrotask(() => proc.emit('exit', 0));
      },
      kill: () => true,
    });
    m.forks.push(proc as never);
    return proc;
  };
  const electron = {
    app,
    BrowserWindow,
    clipboard: { readText: () => '', writeText: vi.fn(), clear: vi.fn() },
    dialog: {
      showSaveDialog: vi.fn(async (...args: unknown[]) => {
        m.dialogCalls.push({ kind: 'save', args });
        return m.saveAnswer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: m.saveAnswer };
      }),
      showOpenDialog: vi.fn(async (...args: unknown[]) => {
        m.dialogCalls.push({ kind: 'open', args });
        return m.openAnswer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [m.openAnswer] };
      }),
    },
    ipcMain: new Ipc(),
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    powerMonitor: Object.assign(new Emitter(), { getSystemIdleTime: () => 0 }),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
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

describe('main.ts wires the backup dialogs', () => {
  const flush = async () => {
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  };

  async function startMain() {
    vi.resetModules();
    m.windows.length = 0;
    m.forks.length = 0;
    m.dialogCalls.length = 0;
    // The electron mock outlives vi.resetModules: clear what the previous main left on it.
    const previous = m.electron as { app?: EventEmitter; ipcMain?: FakeIpcMain; powerMonitor?: EventEmitter };
    previous.app?.removeAllListeners();
    previous.powerMonitor?.removeAllListeners();
    previous.ipcMain?.handlers.clear();
    await import('../../electron/main/main');
    await flush();
    const electron = m.electron as { ipcMain: FakeIpcMain };
    const window = m.windows[0]!;
    const webContents = window.webContents as FakeWebContents;
    return { ipc: electron.ipcMain, window, event: { sender: webContents, senderFrame: webContents.mainFrame } };
  }

  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  it('backup.save: the native save dialog on our window, then backup.writeFile with its path; the page gets the name', async () => {
    m.saveAnswer = join(dir, 'Jansen', 'zaterdag.kkbackup');
    const { ipc, window, event } = await startMain();
    const result = await ipc.invoke(invokeChannel('backup.save'), event, {});
    expect(result).toEqual({ ok: true, value: { backup: { naam: 'zaterdag.kkbackup', bytes: 4096, gemaaktOp: '2026-05-10T12:30:00.000Z' } } });
    expect(JSON.stringify(result)).not.toContain(dir);
    expect(m.dialogCalls).toHaveLength(1);
    expect(m.dialogCalls[0]).toMatchObject({ kind: 'save', args: [window, { defaultPath: expect.stringMatching(/^ketenkluis-back-up-.*\.kkbackup$/), filters: [{ name: 'Ketenkluis-back-up', extensions: ['kkbackup'] }] }] });
    expect(m.forks[0]?.posted.at(-1)).toMatchObject({ kind: 'invoke', method: 'backup.writeFile', input: { path: m.saveAnswer } });
    // The page has no channel to name a path itself.
    await expect(ipc.invoke('kk:invoke:backup.writeFile', event, { path: '/tmp/x.kkbackup' })).rejects.toThrow(/No handler/);
    await expect(ipc.invoke('kk:invoke:backup.restoreFile', event, { path: '/tmp/x.kkbackup', passphrase: 'p' })).rejects.toThrow(/No handler/);
  });

  it('backup.chooseRestoreFile + backup.restore: the native open dialog, then backup.restoreFile with the path; a lock forgets the choice', async () => {
    const file = join(dir, 'Jansen.kkbackup');
    writeFileSync(file, 'KKBACKUP');
    m.openAnswer = file;
    const { ipc, window, event } = await startMain();
    const chosen = (await ipc.invoke(invokeChannel('backup.chooseRestoreFile'), event, {})) as { ok: true; value: { file: { token: string } } };
    expect(chosen).toEqual({ ok: true, value: { file: { token: expect.any(String), name: 'Jansen.kkbackup', size: 8 } } });
    expect(m.dialogCalls[0]).toMatchObject({ kind: 'open', args: [window, { properties: ['openFile'] }] });
    const restored = await ipc.invoke(invokeChannel('backup.restore'), event, { token: chosen.value.file.token, passphrase: 'test only passphrase', opzij: true });
    expect(restored).toEqual({ ok: true, value: { bewaardAls: 'vault-bewaard-2026-05-10-123000' } });
    expect(m.forks[0]?.posted.at(-1)).toMatchObject({ kind: 'invoke', method: 'backup.restoreFile', input: { path: file, passphrase: 'test only passphrase', opzij: true } });

    const again = (await ipc.invoke(invokeChannel('backup.chooseRestoreFile'), event, {})) as { ok: true; value: { file: { token: string } } };
    await ipc.invoke(invokeChannel('vault.lock'), event, {});
    await vi.advanceTimersByTimeAsync(1);
    expect(await ipc.invoke(invokeChannel('backup.restore'), event, { token: again.value.file.token, passphrase: 'p' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
