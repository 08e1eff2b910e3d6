import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, invokeChannel } from '../../shared/ipc/channels';
import { methodNames } from '../../shared/ipc/contract';

// The real preload module, loaded against a mocked electron: what it exposes is what the page gets.
const electron = vi.hoisted(() => {
  const exposed: Array<{ key: string; api: unknown }> = [];
  return { exposed, ipcRenderer: null as unknown as EventEmitter & { invoke: ReturnType<typeof vi.fn> } };
});
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn(async () => ({ ok: true, value: {} })), send: vi.fn(), sendSync: vi.fn() });
  electron.ipcRenderer = ipcRenderer as never;
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push({ key, api }) },
    ipcRenderer,
  };
});

type Api = Record<string, (...args: unknown[]) => unknown> & {
  on: (name: string, listener: (...args: unknown[]) => void) => () => void;
};
let api: Api;

beforeAll(async () => {
  await import('../../electron/preload/preload');
  api = electron.exposed[0]?.api as Api;
});

describe('preload', () => {
  it('exposes one object, as window.ketenkluis, once', () => {
    expect(electron.exposed).toHaveLength(1);
    expect(electron.exposed[0]?.key).toBe('ketenkluis');
  });

  it('exposes exactly one function per contract method plus on, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    for (const key of Object.keys(api)) expect(typeof api[key]).toBe('function');
    for (const forbidden of ['send', 'sendSync', 'invoke', 'ipcRenderer', 'postMessage', 'removeAllListeners', 'require', 'process']) {
      expect(api).not.toHaveProperty(forbidden);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its own channel with exactly the one input', async () => {
    for (const method of methodNames) {
      electron.ipcRenderer.invoke.mockClear();
      await api[method]?.({ probe: method }, 'ignored second argument');
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(invokeChannel(method), { probe: method });
    }
  });

  it('returns the result envelope from main unchanged', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'VAULT_LOCKED', message: 'locked' } });
    expect(await api['vault.status']?.({})).toEqual({ ok: false, error: { code: 'VAULT_LOCKED', message: 'locked' } });
  });

  it.each(['vault.opened', '__proto__', 'constructor', 'toString', '', 'kk:event'])('refuses to listen to the unknown event %j', (name) => {
    expect(() => api.on(name, () => undefined)).toThrow(/Unknown event/);
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.on('vault.locked', 'alert(1)' as never)).toThrow();
  });

  it('passes only the payload of the named event to the listener, never the IPC event', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('vault.locked', listener);
    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0, ports: [] };
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, { name: 'settings.changed', payload: {} });
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, null);
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'vault.locked');
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, { name: 'vault.locked', payload: { reason: 'idle' } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ reason: 'idle' }]);
    unsubscribe();
  });

  it('stops delivering after unsubscribe, and a second unsubscribe is harmless', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('vault.locked', listener);
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(1);
    unsubscribe();
    unsubscribe();
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    electron.ipcRenderer.emit(EVENT_CHANNEL, {}, { name: 'vault.locked', payload: { reason: 'user' } });
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps other subscriptions when one unsubscribes', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.on('vault.locked', a);
    const offB = api.on('vault.locked', b);
    offA();
    electron.ipcRenderer.emit(EVENT_CHANNEL, {}, { name: 'vault.locked', payload: { reason: 'suspend' } });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith({ reason: 'suspend' });
    offB();
  });
});
