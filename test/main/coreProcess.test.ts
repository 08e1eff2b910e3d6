import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCoreClient, startCoreProcess, type CoreChild } from '../../electron/main/coreProcess';
import { runUtilityHost, type HostPort } from '../../electron/core/host/utilityHost';

/** A child process stand-in: records posted messages, lets the test answer and exit. */
class FakeChild extends EventEmitter implements CoreChild {
  posted: unknown[] = [];
  killed = false;
  postMessage(message: unknown) {
    this.posted.push(structuredClone(message));
  }
  onMessage(listener: (message: unknown) => void) {
    this.on('message', listener);
  }
  onExit(listener: (code: number) => void) {
    this.on('exit', listener);
  }
  kill() {
    this.killed = true;
  }
  lastCall() {
    return this.posted.at(-1) as { kind: string; id: number; method: string; input: unknown };
  }
}

describe('createCoreClient', () => {
  afterEach(() => vi.useRealTimers());

  it('sends numbered calls and matches answers by id, in any order', async () => {
    const child = new FakeChild();
    const client = createCoreClient(child);
    const first = client.call('vault.status', {});
    const firstId = child.lastCall().id;
    const second = client.call('settings.get', {});
    const secondId = child.lastCall().id;
    expect(firstId).not.toBe(secondId);
    child.emit('message', { kind: 'reply', id: secondId, result: { ok: true, value: { autoLockMinutes: 5, language: 'nl' } } });
    child.emit('message', { kind: 'reply', id: firstId, result: { ok: true, value: { exists: false, locked: true } } });
    expect(await first).toEqual({ ok: true, value: { exists: false, locked: true } });
    expect(await second).toEqual({ ok: true, value: { autoLockMinutes: 5, language: 'nl' } });
  });

  it('fails a call that gets no answer in time, and drops the late answer', async () => {
    vi.useFakeTimers();
    const child = new FakeChild();
    const client = createCoreClient(child, { timeoutMs: 1_000 });
    const pending = client.call('vault.unlock', { passphrase: 'TEST-ONLY' });
    const id = child.lastCall().id;
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    child.emit('message', { kind: 'reply', id, result: { ok: true, value: {} } }); // too late: ignored
  });

  it('fails every pending call when the core process stops, and later calls at once', async () => {
    const child = new FakeChild();
    const onExit = vi.fn();
    const client = createCoreClient(child, { onExit });
    const a = client.call('vault.status', {});
    const b = client.call('settings.get', {});
    child.emit('exit', 9);
    expect(await a).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await b).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(onExit).toHaveBeenCalledWith(9);
    expect(client.alive).toBe(false);
    const posted = child.posted.length;
    expect(await client.call('vault.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(child.posted.length).toBe(posted);
  });

  it('ignores malformed messages and turns a malformed result into INTERNAL', async () => {
    const child = new FakeChild();
    const client = createCoreClient(child);
    const pending = client.call('vault.status', {});
    const id = child.lastCall().id;
    for (const junk of [null, 'reply', 42, { kind: 'reply' }, { kind: 'reply', id: -1, result: {} }, { kind: 'other', id }]) child.emit('message', junk);
    child.emit('message', { kind: 'reply', id, result: { value: 'no ok field' } });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('fails a call the host could not parse at once, without sending it', async () => {
    const child = new FakeChild();
    const client = createCoreClient(child, { timeoutMs: 60_000 });
    expect(await client.call('x'.repeat(500), {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await client.call('', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(child.posted).toEqual([]);
  });

  it('fails the call when the input cannot cross the process boundary', async () => {
    const child = new FakeChild(); // structuredClone throws on functions, as Electron's port does
    const client = createCoreClient(child);
    expect(await client.call('vault.status', { f: () => 1 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('passes core events on', () => {
    const child = new FakeChild();
    const onEvent = vi.fn();
    createCoreClient(child, { onEvent });
    child.emit('message', { kind: 'event', name: 'vault.locked', payload: { reason: 'user' } });
    expect(onEvent).toHaveBeenCalledWith('vault.locked', { reason: 'user' });
  });

  it('asks the core to shut down and kills it only when it does not stop in time', async () => {
    vi.useFakeTimers();
    const polite = new FakeChild();
    const closing = createCoreClient(polite).close(5_000);
    expect(polite.lastCall()).toEqual({ kind: 'shutdown' });
    polite.emit('exit', 0);
    await closing;
    expect(polite.killed).toBe(false);

    const stuck = new FakeChild();
    const stuckClosing = createCoreClient(stuck).close(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    await stuckClosing;
    expect(stuck.killed).toBe(true);
  });

  it('a killed core fails its pending calls at once, not at the call timeout, and reports its end once', async () => {
    vi.useFakeTimers();
    const stuck = new FakeChild();
    const onExit = vi.fn();
    const client = createCoreClient(stuck, { timeoutMs: 60_000, onExit });
    const pending = client.call('casework.trajecten.list', {});
    const closing = client.close(2_000);
    const secondClose = client.close(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all([closing, secondClose]);
    expect(stuck.killed).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(client.alive).toBe(false);
    stuck.emit('exit', 9); // the real exit event arrives later
    expect(onExit).toHaveBeenCalledTimes(1);
  });
});

describe('startCoreProcess', () => {
  it('forks the core entry and sends the vault folder before any call', async () => {
    const proc = Object.assign(new EventEmitter(), { postMessage: vi.fn(), kill: vi.fn(() => true) });
    const fork = vi.fn(() => proc);
    const client = startCoreProcess(fork, '/app/dist/electron/core.cjs', '/home/test/vault');
    void client.call('vault.status', {});
    expect(fork).toHaveBeenCalledWith('/app/dist/electron/core.cjs', [], expect.objectContaining({ serviceName: 'Ketenkluis core' }));
    expect(proc.postMessage.mock.calls[0]?.[0]).toEqual({ kind: 'init', vaultDir: '/home/test/vault' });
    expect(proc.postMessage.mock.calls[1]?.[0]).toMatchObject({ kind: 'invoke', method: 'vault.status' });
  });
});

/**
 * Main's client and the real utility host joined by an in-memory port pair. Every message is
 * structured-cloned, as it is between processes. The core is the real one, on a real
 * encrypted vault in a temp folder.
 */
function connect(vaultDir: string) {
  const toHost = new EventEmitter();
  const toMain = new EventEmitter();
  const exit = vi.fn();
  const port: HostPort = {
    on: (_event, listener) => toHost.on('message', (data: unknown) => listener({ data })),
    postMessage: (message) => setImmediate(() => toMain.emit('message', structuredClone(message))),
  };
  runUtilityHost(port, undefined, (code) => {
    exit(code);
    setImmediate(() => toMain.emit('exit', code));
  });
  const child: CoreChild = {
    postMessage: (message) => setImmediate(() => toHost.emit('message', structuredClone(message))),
    onMessage: (listener) => void toMain.on('message', listener),
    onExit: (listener) => void toMain.on('exit', listener),
    kill: () => undefined,
  };
  const events: unknown[] = [];
  child.postMessage({ kind: 'init', vaultDir });
  const client = createCoreClient(child, { onEvent: (name, payload) => events.push({ name, payload }) });
  return { client, exit, events, send: child.postMessage as (message: unknown) => void };
}

describe('main ↔ utility host ↔ real core', () => {
  let dir: string;
  const passphrase = `TEST-ONLY ${randomBytes(12).toString('hex')} kluis wandelt langzaam`;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kk-host-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, locks and unlocks a real vault through the host protocol', async () => {
    const { client, exit } = connect(path.join(dir, 'vault'));
    expect(await client.call('vault.status', {})).toEqual({ ok: true, value: { exists: false, locked: true } });
    const created = await client.call('vault.create', { passphrase });
    expect(created.ok).toBe(true);
    expect(await client.call('vault.status', {})).toEqual({ ok: true, value: { exists: true, locked: false } });
    expect(await client.call('vault.lock', {})).toEqual({ ok: true, value: {} });
    expect(await client.call('vault.unlock', { passphrase: `${passphrase}x` })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await client.call('vault.unlock', { passphrase })).toEqual({ ok: true, value: {} });
    await client.close(10_000);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('refuses unknown methods and invalid input in the host too (not only in main)', async () => {
    const { client } = connect(path.join(dir, 'vault2'));
    expect(await client.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await client.call('vault.unlock', { passphrase: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await client.close(10_000);
  });

  it('ignores malformed messages and a second init (the vault folder cannot be switched)', async () => {
    const { client, send } = connect(path.join(dir, 'vault3'));
    send({ kind: 'init', vaultDir: path.join(dir, 'vault') }); // the vault created above
    send({ kind: 'invoke', id: 'x', method: 'vault.status' });
    send('garbage');
    expect(await client.call('vault.status', {})).toEqual({ ok: true, value: { exists: false, locked: true } });
    await client.close(10_000);
  });
});

describe('runUtilityHost', () => {
  it('answers a call before init with INTERNAL and stays alive', async () => {
    const posted: unknown[] = [];
    let listener: ((e: { data: unknown }) => void) | undefined;
    const create = vi.fn();
    runUtilityHost({ on: (_e, l) => void (listener = l), postMessage: (m) => posted.push(m) }, create, vi.fn());
    listener?.({ data: { kind: 'invoke', id: 1, method: 'vault.status', input: {} } });
    expect(posted).toEqual([{ kind: 'reply', id: 1, result: { ok: false, error: { code: 'INTERNAL', message: 'Core not initialised' } } }]);
    expect(create).not.toHaveBeenCalled();
  });

  it('still answers when a dispatch rejects, and ignores the old message kinds', async () => {
    const posted: unknown[] = [];
    let listener: ((e: { data: unknown }) => void) | undefined;
    const create = vi.fn(() => ({ dispatch: () => Promise.reject(new Error('boom')), close: vi.fn() }));
    runUtilityHost({ on: (_e, l) => void (listener = l), postMessage: (m) => posted.push(m) }, create, vi.fn());
    listener?.({ data: { kind: 'init', vaultDir: '/tmp/never-used' } });
    listener?.({ data: { kind: 'call', id: 1, method: 'vault.status', input: {} } });
    listener?.({ data: { kind: 'invoke', id: 2, method: 'vault.status', input: {} } });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ kind: 'reply', id: 2, result: { ok: false, error: { code: 'INTERNAL', message: 'Core call failed' } } });
  });
});
