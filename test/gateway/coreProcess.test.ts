import { randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCoreClient, startCoreProcess, type CoreChild } from '../../electron/gateway/coreProcess';
import { runUtilityHost, type HostPort } from '../../electron/core/host/utilityHost';
import { messageFor } from '../../shared/errors';
import { seedItems } from '../../electron/core/casework/seedData';
import { createImportChoice } from '../../electron/gateway/importChoice';

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

  it('fails a call of a silent core with OUTCOME_UNKNOWN (never "nothing saved"), and drops the late answer of short work', async () => {
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
    expect(await pending).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
    child.emit('message', { kind: 'reply', id, result: { ok: true, value: {} } }); // too late: ignored
  });

  it('fails every pending call when the core process stops, and later calls at once', async () => {
    const child = new FakeChild();
    const onExit = vi.fn();
    const client = createCoreClient(child, { onExit });
    const a = client.call('vault.status', {});
    const b = client.call('settings.get', {});
    child.emit('exit', 9);
    expect(await a).toMatchObject({ ok: false, error: { code: 'CORE_STOPPED' } });
    expect(await b).toMatchObject({ ok: false, error: { code: 'CORE_STOPPED' } });
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
    // Names outside the contract do not compile; the wire still refuses them should one slip through.
    // @ts-expect-error not a core method
    expect(await client.call('x'.repeat(500), {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // @ts-expect-error not a core method
    expect(await client.call('', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(child.posted).toEqual([]);
  });

  it('fails the call when the input cannot cross the process boundary', async () => {
    const child = new FakeChild(); // structuredClone throws on functions, as Electron's port does
    const client = createCoreClient(child);
    // @ts-expect-error not the method's input (it takes none)
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
    const pending = client.call('trajecten.list', {});
    const closing = client.close(2_000);
    const secondClose = client.close(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all([closing, secondClose]);
    expect(stuck.killed).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CORE_STOPPED' } });
    expect(client.alive).toBe(false);
    stuck.emit('exit', 9); // the real exit event arrives later
    expect(onExit).toHaveBeenCalledTimes(1);
  });
});

describe('long work: never timed out while it runs, and the window learns the real outcome', () => {
  afterEach(() => vi.useRealTimers());
  const imported = { dryRun: false, clienten: 3, trajecten: 3, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 };
  const progress = (id: number, done: number) => ({ kind: 'progress', id, name: 'import.progress', payload: { stage: 'inlezen', done } });

  it('an import that reports progress gets its answer long after the time-out, and the progress reaches the window', async () => {
    vi.useFakeTimers();
    const child = new FakeChild();
    const onEvent = vi.fn();
    const client = createCoreClient(child, { timeoutMs: 1_000, onEvent });
    const running = client.call('import.file', { path: '/data/x.json', dryRun: false });
    const { id } = child.lastCall();
    // A call queued behind the import waits as long, since the core shows life.
    const queued = client.call('settings.get', {});
    const queuedId = child.lastCall().id;
    for (let s = 1; s <= 10; s++) {
      await vi.advanceTimersByTimeAsync(900);
      child.emit('message', progress(id, s * 1_000));
    }
    await vi.advanceTimersByTimeAsync(900); // 9.9 s in: ten times the time-out
    child.emit('message', { kind: 'reply', id, result: { ok: true, value: imported } });
    expect(await running).toEqual({ ok: true, value: imported });
    expect(onEvent).toHaveBeenCalledTimes(10);
    expect(onEvent).toHaveBeenLastCalledWith('import.progress', { stage: 'inlezen', done: 10_000 });
    child.emit('message', { kind: 'reply', id: queuedId, result: { ok: true, value: { autoLockMinutes: 5, language: 'nl' } } });
    expect(await queued).toMatchObject({ ok: true });
  });

  it('an import whose core falls silent is OUTCOME_UNKNOWN; its late answer reaches the window as import.finished', async () => {
    vi.useFakeTimers();
    const child = new FakeChild();
    const onEvent = vi.fn();
    const client = createCoreClient(child, { timeoutMs: 1_000, onEvent });
    const running = client.call('import.file', { path: '/data/x.json', dryRun: false });
    const { id } = child.lastCall();
    child.emit('message', progress(id, 5));
    await vi.advanceTimersByTimeAsync(1_000);
    const answer = await running;
    expect(answer).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
    expect(messageFor('OUTCOME_UNKNOWN')).toMatch(/^De uitkomst is nog niet bekend/);
    expect(messageFor('OUTCOME_UNKNOWN')).not.toMatch(/niets half opgeslagen/);
    child.emit('message', { kind: 'reply', id, result: { ok: true, value: imported } });
    expect(onEvent).toHaveBeenLastCalledWith('import.finished', { ok: true, value: imported });
    // Told once: a repeated reply is dropped.
    child.emit('message', { kind: 'reply', id, result: { ok: true, value: imported } });
    expect(onEvent.mock.calls.filter(([name]) => name === 'import.finished')).toHaveLength(1);
  });

  it('a core that dies during an import says the work stopped and was not saved, also to a window that was told OUTCOME_UNKNOWN', async () => {
    vi.useFakeTimers();
    const child = new FakeChild();
    const onEvent = vi.fn();
    const client = createCoreClient(child, { timeoutMs: 1_000, onEvent });
    const overdue = client.call('import.file', { path: '/data/x.json', dryRun: false });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await overdue).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
    child.emit('exit', 134);
    expect(onEvent).toHaveBeenCalledWith('import.finished', { ok: false, error: expect.objectContaining({ code: 'CORE_STOPPED' }) });
    expect(messageFor('CORE_STOPPED')).toMatch(/niet opgeslagen/);
  });
});

describe('long work in a real core process', () => {
  it('an import that takes many times the time-out succeeds, kept alive by its progress (real core, own process)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kk-longwork-'));
    const proc = fork(path.join(__dirname, 'fixtures/coreChild.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const child: CoreChild = {
      postMessage: (message) => void proc.send(message),
      onMessage: (listener) => void proc.on('message', listener),
      onExit: (listener) => void proc.on('exit', (code) => listener(code ?? -1)),
      kill: () => void proc.kill(),
    };
    try {
      const passphrase = `TEST-ONLY ${randomBytes(12).toString('hex')} kluis wandelt langzaam`;
      child.postMessage({ kind: 'init', vaultDir: path.join(dir, 'vault') });
      // Creating the vault derives a key (seconds on a busy machine): a client with the normal wait.
      const patient = createCoreClient(child);
      expect((await patient.call('vault.create', { passphrase })).ok).toBe(true);
      const file = path.join(dir, 'groot.json');
      const items = [...seedItems({ trajecten: 6_000, seed: 5, today: '2026-11-25', journaalPerTraject: 2 })];
      writeFileSync(file, JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten: items.map((i) => i.traject), meldingen: items.flatMap((i) => i.meldingen) }));
      // The import's client gives up after 1.5 s of silence (the first client's calls are all answered, so
      // sharing the channel is safe). Starting the checking thread is the longest quiet stretch (~0.8 s here).
      const timeoutMs = 1_500;
      const started = Date.now();
      const seen: Array<{ name: string; payload: unknown }> = [];
      const impatient = createCoreClient(child, { timeoutMs, onEvent: (name, payload) => seen.push({ name, payload }) });
      const result = await impatient.call('import.file', { path: file, dryRun: false });
      const took = Date.now() - started;
      expect(result).toMatchObject({ ok: true, value: { trajecten: 6_000 } });
      expect(took).toBeGreaterThan(1.5 * timeoutMs); // it really ran past the time-out
      const progress = seen.filter((e) => e.name === 'import.progress');
      expect(progress.length).toBeGreaterThanOrEqual(took / timeoutMs - 1);
      expect(progress.length).toBeLessThanOrEqual(took / 250 + 4); // at most 4 a second (+ forced stage changes)
      expect(progress.at(-1)?.payload).toMatchObject({ stage: 'afronden' });
      await patient.close(10_000);
    } finally {
      proc.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
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
function connect(vaultDir: string, options: { timeoutMs?: number; delayNextReplyMs?: () => number } = {}) {
  const toHost = new EventEmitter();
  const toMain = new EventEmitter();
  const exit = vi.fn();
  const port: HostPort = {
    on: (_event, listener) => toHost.on('message', (data: unknown) => listener({ data })),
    postMessage: (message) => {
      // A slow answer, as from a core that went quiet before replying.
      const delay = message.kind === 'reply' ? (options.delayNextReplyMs?.() ?? 0) : 0;
      const deliver = () => toMain.emit('message', structuredClone(message));
      if (delay > 0) setTimeout(deliver, delay);
      else setImmediate(deliver);
    },
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
  const client = createCoreClient(child, { timeoutMs: options.timeoutMs, onEvent: (name, payload) => events.push({ name, payload }) });
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

  it('an import answered after the time-out: the window is told OUTCOME_UNKNOWN, its retry is refused, the real outcome arrives, nothing is doubled', async () => {
    let slowOnce = false;
    const { client, events } = connect(path.join(dir, 'vault-retry'), { timeoutMs: 2_500, delayNextReplyMs: () => (slowOnce ? ((slowOnce = false), 4_000) : 0) });
    expect((await client.call('vault.create', { passphrase })).ok).toBe(true);
    const file = path.join(dir, 'Jansen-export.json');
    const items = [...seedItems({ trajecten: 25, seed: 4, today: '2026-11-25', journaalPerTraject: 1 })];
    writeFileSync(file, JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten: items.map((i) => i.traject), meldingen: [] }));
    const choice = createImportChoice({ showOpenDialog: async () => file, forward: (method, input) => client.call(method, input) });
    const chosen = await choice.handlers['import.chooseFile']({});
    const token = chosen.ok && chosen.value.file ? chosen.value.file.token : '';

    slowOnce = true;
    const first = await choice.handlers['import.chosen']({ token, dryRun: false, opnieuw: false });
    expect(first).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
    // The window retries at once with the same token: the core's ledger refuses the same bytes.
    const retry = await choice.handlers['import.chosen']({ token, dryRun: false, opnieuw: false });
    expect(retry).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED', issues: [{ path: '(bestand)', message: expect.stringMatching(/^Dit bestand is al ingelezen op /) }] } });
    await vi.waitFor(() => expect(events).toContainEqual({ name: 'import.finished', payload: { ok: true, value: expect.objectContaining({ trajecten: 25 }) } }), { timeout: 8_000 });
    const list = await client.call('trajecten.list', {});
    expect(list).toMatchObject({ ok: true, value: { total: 25 } });
    await client.close(10_000);
  });

  it('refuses unknown methods and invalid input in the host too (not only in main)', async () => {
    const { client } = connect(path.join(dir, 'vault2'));
    // @ts-expect-error not a core method: the host refuses it even when a caller gets past the types
    expect(await client.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // @ts-expect-error the wrong input type, likewise
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
