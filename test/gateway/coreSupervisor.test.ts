import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCoreClient, type CoreChild } from '../../electron/gateway/coreProcess';
import { createCoreSupervisor, type CoreSupervisorOptions } from '../../electron/gateway/coreSupervisor';

/**
 * A core process stand-in that behaves like the utility host: it answers calls (the test decides
 * when), locks on 'vault.lock', and on 'shutdown' ends, unless it is told to hang.
 */
class FakeCore extends EventEmitter implements CoreChild {
  posted: Array<{ kind: string; id?: number; method?: string }> = [];
  locked = false;
  killed = false;
  exited = false;
  /** Answer calls by themselves (true) or leave them pending until `answer`. */
  autoAnswer = true;
  ignoreShutdown = false;
  constructor(readonly number: number) {
    super();
  }
  postMessage(message: { kind: string; id?: number; method?: string }) {
    this.posted.push(message);
    if (message.kind === 'shutdown' && !this.ignoreShutdown) queueMicrotask(() => this.exit(0));
    if (message.kind === 'invoke' && this.autoAnswer) queueMicrotask(() => this.answer(message.id!, message.method!));
  }
  answer(id: number, method: string) {
    if (this.exited) return;
    if (method === 'vault.lock') {
      this.locked = true;
      this.emit('message', { kind: 'event', name: 'vault.locked', payload: { reason: 'user' } });
    }
    const result =
      method === 'vault.status' ? { ok: true, value: { exists: true, locked: this.locked } }
      : this.locked && !method.startsWith('vault.') ? { ok: false, error: { code: 'VAULT_LOCKED', message: 'Vault is locked' } }
      : { ok: true, value: {} };
    this.emit('message', { kind: 'reply', id, result });
  }
  exit(code: number) {
    if (this.exited) return;
    this.exited = true;
    this.emit('exit', code);
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
  methods() {
    return this.posted.filter((p) => p.kind === 'invoke').map((p) => p.method);
  }
}

function setup(overrides: Partial<CoreSupervisorOptions> = {}) {
  const cores: FakeCore[] = [];
  const events: Array<{ name: string; core: number }> = [];
  const onRestarted = vi.fn();
  const onGaveUp = vi.fn();
  const supervisor = createCoreSupervisor({
    start: (handlers) => {
      const child = new FakeCore(cores.length + 1);
      cores.push(child);
      return createCoreClient(child, handlers);
    },
    onEvent: (name) => events.push({ name, core: cores.length }),
    onRestarted,
    onGaveUp,
    ...overrides,
  });
  supervisor.start();
  return { supervisor, cores, events, onRestarted, onGaveUp };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

describe('core supervisor: a lock ends the process that held the key', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a lock only after the old core has ended and a fresh one is in place', async () => {
    const { supervisor, cores, onRestarted } = setup();
    expect(await supervisor.call('vault.unlock', { passphrase: 'TEST-ONLY' })).toEqual({ ok: true, value: {} });
    expect(cores).toHaveLength(1);

    const result = await supervisor.call('vault.lock', {});
    expect(result).toEqual({ ok: true, value: {} });
    // By the time the caller hears "locked", the process that had the vault open is gone.
    expect(cores[0]!.posted.at(-1)).toEqual({ kind: 'shutdown' });
    expect(cores[0]!.exited).toBe(true);
    expect(cores).toHaveLength(2);
    expect(supervisor.started).toBe(2);
    // The planned replacement is not a crash: no extra reload, no restart counted.
    expect(onRestarted).not.toHaveBeenCalled();

    // The next call reaches the fresh process, never the old one.
    await supervisor.call('vault.status', {});
    expect(cores[1]!.methods()).toEqual(['vault.status']);
    expect(cores[0]!.methods()).toEqual(['vault.unlock', 'vault.lock']);
  });

  it('replaces the core even when the lock call itself failed', async () => {
    const { supervisor, cores } = setup();
    cores[0]!.autoAnswer = false;
    const locking = supervisor.call('vault.lock', {});
    await flush();
    const id = cores[0]!.posted.at(-1)!.id!;
    cores[0]!.emit('message', { kind: 'reply', id, result: { ok: false, error: { code: 'INTERNAL', message: 'broken' } } });
    expect(await locking).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(cores[0]!.exited).toBe(true);
    expect(cores).toHaveLength(2);
  });

  it('fails calls still running in the old core with CORE_STOPPED (not finished, not saved); calls after the lock get VAULT_LOCKED from the fresh core', async () => {
    const { supervisor, cores } = setup();
    const old = cores[0]!;
    old.autoAnswer = false;
    const inFlight = supervisor.call('trajecten.list', {});
    const locking = supervisor.call('vault.lock', {});
    await flush();
    const lockId = old.posted.find((p) => p.method === 'vault.lock')!.id!;
    old.answer(lockId, 'vault.lock');
    expect(await locking).toEqual({ ok: true, value: {} });
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'CORE_STOPPED' } });

    cores[1]!.locked = true; // a fresh core starts locked
    expect(await supervisor.call('trajecten.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('kills an old core that does not stop, and its pending calls fail at once instead of hanging', async () => {
    vi.useFakeTimers();
    const { supervisor, cores } = setup({ retireGraceMs: 2_000 });
    const old = cores[0]!;
    old.ignoreShutdown = true;
    old.autoAnswer = false;
    const stuck = supervisor.call('trajecten.list', {});
    let lockDone = false;
    const locking = supervisor.call('vault.lock', {}).then((r) => ((lockDone = true), r));
    await vi.advanceTimersByTimeAsync(0);
    old.answer(old.posted.find((p) => p.method === 'vault.lock')!.id!, 'vault.lock');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(lockDone).toBe(false);
    expect(old.killed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(old.killed).toBe(true);
    expect(await locking).toEqual({ ok: true, value: {} });
    // Well before the 60 s call timeout.
    expect(await stuck).toMatchObject({ ok: false, error: { code: 'CORE_STOPPED' } });
    expect(cores).toHaveLength(2);
  });

  it('drops events and exits of a core that is being replaced', async () => {
    const { supervisor, cores, events, onRestarted, onGaveUp } = setup();
    await supervisor.call('vault.lock', {});
    expect(events).toEqual([{ name: 'vault.locked', core: 1 }]);
    // A late event from the old process (e.g. its own shutdown lock) never reaches the page.
    cores[0]!.emit('message', { kind: 'event', name: 'vault.locked', payload: { reason: 'shutdown' } });
    expect(events).toHaveLength(1);
    cores[0]!.emit('exit', 1);
    expect(onRestarted).not.toHaveBeenCalled();
    expect(onGaveUp).not.toHaveBeenCalled();
    expect(cores).toHaveLength(2);
  });

  it('runs two locks one after the other, each replacing the core it found', async () => {
    const { supervisor, cores } = setup();
    await Promise.all([supervisor.call('vault.lock', {}), supervisor.replace()]);
    expect(cores).toHaveLength(3);
    expect(cores.slice(0, 2).every((c) => c.exited)).toBe(true);
    expect(cores[2]!.exited).toBe(false);
  });

  it('restarts a crashed core and reloads, then gives up after repeated crashes', async () => {
    const { cores, onRestarted, onGaveUp } = setup({ maxRestarts: 2 });
    cores[0]!.exit(1);
    expect(cores).toHaveLength(2);
    expect(onRestarted).toHaveBeenCalledTimes(1);
    cores[1]!.exit(1);
    expect(cores).toHaveLength(3);
    cores[2]!.exit(1);
    expect(cores).toHaveLength(3);
    expect(onGaveUp).toHaveBeenCalledTimes(1);
  });

  it('after giving up, a call fails at once instead of starting yet another core', async () => {
    const { supervisor, cores } = setup({ maxRestarts: 0 });
    cores[0]!.exit(1);
    expect(await supervisor.call('vault.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(cores).toHaveLength(1);
  });

  it('after shutdown nothing is restarted and calls fail at once', async () => {
    const { supervisor, cores, onRestarted } = setup();
    await supervisor.shutdown();
    expect(cores[0]!.posted.at(-1)).toEqual({ kind: 'shutdown' });
    expect(cores[0]!.exited).toBe(true);
    expect(onRestarted).not.toHaveBeenCalled();
    expect(await supervisor.call('vault.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await supervisor.replace();
    expect(cores).toHaveLength(1);
  });
});
