import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAutoLock,
  createVaultLocker,
  DEFAULT_AUTO_LOCK_MINUTES,
  wirePowerMonitor,
  type LockReason,
} from '../../electron/main/autoLock';
import type { CoreOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/define';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function machine(minutes: number | (() => Promise<number>) = 5) {
  let idle = 0;
  const lock = vi.fn(async (_reason: LockReason) => undefined);
  const autoLock = createAutoLock({
    idleSeconds: () => idle,
    autoLockMinutes: typeof minutes === 'number' ? async () => minutes : minutes,
    lock,
    pollMs: 15_000,
  });
  return {
    autoLock,
    lock,
    setIdle: (seconds: number) => (idle = seconds),
    /** Lets time pass while the person stays idle (idle grows with the clock). */
    async idleFor(ms: number) {
      for (let t = 0; t < ms; t += 1_000) {
        idle += 1;
        await vi.advanceTimersByTimeAsync(1_000);
      }
    },
  };
}

describe('idle auto-lock', () => {
  it('locks once the idle time reaches the setting, not before', async () => {
    const m = machine(5);
    m.autoLock.start();
    await m.idleFor(4 * 60_000 + 30_000);
    expect(m.lock).not.toHaveBeenCalled();
    await m.idleFor(45_000);
    expect(m.lock).toHaveBeenCalledTimes(1);
    expect(m.lock).toHaveBeenCalledWith('idle');
  });

  it('locks only once per idle period, and again after the next one', async () => {
    const m = machine(1);
    m.autoLock.start();
    await m.idleFor(5 * 60_000);
    expect(m.lock).toHaveBeenCalledTimes(1);
    m.setIdle(0); // the person comes back
    await vi.advanceTimersByTimeAsync(15_000);
    await m.idleFor(75_000);
    expect(m.lock).toHaveBeenCalledTimes(2);
  });

  it('follows a changed setting at the next check', async () => {
    let minutes = 30;
    const m = machine(async () => minutes);
    m.autoLock.start();
    await m.idleFor(3 * 60_000);
    expect(m.lock).not.toHaveBeenCalled();
    minutes = 2;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(m.lock).toHaveBeenCalledWith('idle');
  });

  it('falls back to the default of 5 minutes when the settings cannot be read', async () => {
    const m = machine(async () => {
      throw new Error('core gone');
    });
    m.autoLock.start();
    await m.idleFor(DEFAULT_AUTO_LOCK_MINUTES * 60_000 - 30_000);
    expect(m.lock).not.toHaveBeenCalled();
    await m.idleFor(45_000);
    expect(m.lock).toHaveBeenCalledWith('idle');
  });

  it('stops checking when stopped', async () => {
    const m = machine(1);
    m.autoLock.start();
    m.autoLock.stop();
    await m.idleFor(3 * 60_000);
    expect(m.lock).not.toHaveBeenCalled();
  });

  it('keeps running after a failed lock', async () => {
    const m = machine(1);
    m.lock.mockRejectedValueOnce(new Error('boom'));
    m.autoLock.start();
    await m.idleFor(90_000);
    m.setIdle(0);
    await vi.advanceTimersByTimeAsync(15_000);
    await m.idleFor(90_000);
    expect(m.lock).toHaveBeenCalledTimes(2);
  });
});

describe('power events', () => {
  it.each([
    ['suspend', 'suspend'],
    ['lock-screen', 'screen-lock'],
    ['shutdown', 'shutdown'],
  ])('locks at once on %s', async (event, reason) => {
    const m = machine(240);
    const powerMonitor = new EventEmitter();
    wirePowerMonitor(powerMonitor as never, m.autoLock);
    powerMonitor.emit(event);
    await vi.advanceTimersByTimeAsync(0);
    expect(m.lock).toHaveBeenCalledWith(reason);
  });

  it('can be disconnected', async () => {
    const m = machine(240);
    const powerMonitor = new EventEmitter();
    const disconnect = wirePowerMonitor(powerMonitor as never, m.autoLock);
    disconnect();
    powerMonitor.emit('suspend');
    await vi.advanceTimersByTimeAsync(0);
    expect(m.lock).not.toHaveBeenCalled();
    expect(powerMonitor.listenerCount('suspend')).toBe(0);
  });
});

describe('createVaultLocker', () => {
  function locker(status: Result<CoreOutput<'vault.status'>>, lockResult: Result<CoreOutput<'vault.lock'>> = { ok: true, value: {} }) {
    const steps: string[] = [];
    const vaultStatus = vi.fn(async () => {
      steps.push('vault.status');
      return status;
    });
    const lockVault = vi.fn(async () => {
      steps.push('vault.lock');
      return lockResult;
    });
    const reloadWindow = vi.fn(async () => {
      steps.push('reload');
    });
    const emitLocked = vi.fn((reason: LockReason) => {
      steps.push(`emit:${reason}`);
    });
    return { lock: createVaultLocker({ vaultStatus, lockVault, reloadWindow, emitLocked }), steps, reloadWindow };
  }

  it('locks the core, then reloads the window, then says why', async () => {
    const l = locker({ ok: true, value: { exists: true, locked: false } });
    await l.lock('idle');
    expect(l.steps).toEqual(['vault.status', 'vault.lock', 'reload', 'emit:idle']);
  });

  it('leaves an already locked vault (and the unlock screen) alone', async () => {
    const l = locker({ ok: true, value: { exists: true, locked: true } });
    await l.lock('screen-lock');
    expect(l.steps).toEqual(['vault.status']);
    expect(l.reloadWindow).not.toHaveBeenCalled();
  });

  it('still reloads the window when the core fails to answer', async () => {
    const failed: Result<never> = { ok: false, error: { code: 'INTERNAL', message: 'The core did not answer in time' } };
    const l = locker(failed, failed);
    await l.lock('suspend');
    expect(l.steps).toEqual(['vault.status', 'vault.lock', 'reload', 'emit:suspend']);
  });

  it('runs locks one after another', async () => {
    const l = locker({ ok: true, value: { exists: true, locked: false } });
    await Promise.all([l.lock('suspend'), l.lock('screen-lock')]);
    expect(l.steps).toEqual(['vault.status', 'vault.lock', 'reload', 'emit:suspend', 'vault.status', 'vault.lock', 'reload', 'emit:screen-lock']);
  });
});
