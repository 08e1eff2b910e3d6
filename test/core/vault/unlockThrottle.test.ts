import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VAULT_FILES } from '../../../electron/core/vault/constants';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { delayAfter, MAX_DELAY_SECONDS, UnlockThrottle } from '../../../electron/core/vault/unlockThrottle';
import { closeVault, createVault, recoverVault, unlockVault, vaultPaths } from '../../../electron/core/vault/vault';
import { expectKkError, tempDir, testPassphrase } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('slowed unlocks', () => {
  it('waits longer after each failure, capped, and never forever', () => {
    expect([1, 2, 3, 4, 5, 6].map(delayAfter)).toEqual([0, 0, 1, 2, 4, 8]);
    expect(delayAfter(50)).toBe(MAX_DELAY_SECONDS);
    expect(delayAfter(10_000)).toBe(MAX_DELAY_SECONDS);
  });

  it('keeps counting across restarts (a new throttle on the same folder), with a fake clock', () => {
    let now = 1_000_000;
    const clock = () => now;
    const first = new UnlockThrottle(dir, clock);
    first.recordFailure();
    first.recordFailure();
    expect(first.recordFailure()).toBe(1);
    const restarted = new UnlockThrottle(dir, clock);
    expect(restarted.secondsToWait()).toBe(1);
    now += 1000;
    expect(restarted.secondsToWait()).toBe(0);
    restarted.recordSuccess();
    expect(new UnlockThrottle(dir, clock).secondsToWait()).toBe(0);
  });

  it('refuses further attempts with retryAfterSeconds, even the right passphrase, and destroys nothing', async () => {
    const pass = testPassphrase();
    const { vault } = await createVault(dir, pass);
    vault.db.exec("CREATE TABLE note (t TEXT); INSERT INTO note VALUES ('kept')");
    closeVault(vault);
    const before = readFileSync(vaultPaths(dir).database);

    await expectKkError(unlockVault(dir, testPassphrase()), 'WRONG_PASSPHRASE');
    await expectKkError(unlockVault(dir, testPassphrase()), 'WRONG_PASSPHRASE');
    const third = await expectKkError(unlockVault(dir, testPassphrase()), 'WRONG_PASSPHRASE');
    expect(third.retryAfterSeconds).toBe(1);
    // During the wait the passphrase is not even tried: TOO_MANY_ATTEMPTS, and it costs no extra failure.
    const paused = await expectKkError(unlockVault(dir, pass), 'TOO_MANY_ATTEMPTS');
    expect(paused.retryAfterSeconds).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, VAULT_FILES.unlockAttempts), 'utf8')).failures).toBe(3);
    expect(readFileSync(vaultPaths(dir).database).equals(before)).toBe(true);

    await new Promise((r) => setTimeout(r, 1100));
    const opened = await unlockVault(dir, pass);
    expect(opened.db.prepare('SELECT t FROM note').get()).toEqual({ t: 'kept' });
    closeVault(opened);
    // Success starts over: one more mistake costs no wait.
    const again = await expectKkError(unlockVault(dir, testPassphrase()), 'WRONG_PASSPHRASE');
    expect(again.retryAfterSeconds).toBeUndefined();
  });
});

describe('slowed unlocks: the counter file cannot be turned against the person', () => {
  const counterFile = () => join(dir, VAULT_FILES.unlockAttempts);

  it.each([['not json', '{{{'], ['wrong shape', '{"failures":"many"}'], ['future stamp', '{"failures":-1,"lastFailureAt":9e15}']])(
    'a damaged counter (%s) allows the next attempt at once, but keeps a conservative count',
    (_label, content) => {
      let now = 5_000_000;
      writeFileSync(counterFile(), content);
      const throttle = new UnlockThrottle(dir, () => now);
      expect(throttle.secondsToWait()).toBe(0);
      expect(() => throttle.assertMayTry()).not.toThrow();
      // Not reset to zero: the next failure is already slowed (3 kept + 1 → 2 s).
      expect(throttle.recordFailure()).toBe(2);
      expect(throttle.secondsToWait()).toBe(2);
      now += 2000;
      expect(throttle.secondsToWait()).toBe(0);
    },
  );

  it('a damaged counter does not block unlocking or recovery with the right secret', async () => {
    const pass = testPassphrase();
    const { vault, recoveryKey } = await createVault(dir, pass);
    closeVault(vault);
    writeFileSync(counterFile(), 'garbage');
    closeVault(await unlockVault(dir, pass));
    writeFileSync(counterFile(), 'garbage');
    closeVault(await recoverVault(dir, recoveryKey, testPassphrase()));
  });

  it('a clock set back does not stretch the wait beyond the delay', () => {
    let now = 10_000_000_000;
    const throttle = new UnlockThrottle(dir, () => now);
    for (let i = 0; i < 4; i++) throttle.recordFailure(); // delay 2 s
    now -= 30 * 24 * 3600 * 1000; // the clock jumps a month back
    expect(throttle.secondsToWait()).toBe(2);
    now += 2000;
    expect(throttle.secondsToWait()).toBe(0);
  });

  it('still slows down when the folder cannot hold the counter (kept in memory for the process)', () => {
    let now = 7_000_000;
    const readOnly = () => {
      throw Object.assign(new Error('read-only'), { code: 'EROFS' });
    };
    const throttle = new UnlockThrottle(dir, () => now, readOnly);
    throttle.recordFailure();
    throttle.recordFailure();
    expect(throttle.recordFailure()).toBe(1);
    expect(existsSync(counterFile())).toBe(false); // the folder really held nothing
    // A new throttle for the same folder (the next unlock call) sees the count.
    const next = new UnlockThrottle(join(dir, '.', ''), () => now, readOnly);
    expect(next.secondsToWait()).toBe(1);
    expect(() => next.assertMayTry()).toThrow(expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 }));
    now += 1000;
    expect(next.recordFailure()).toBe(2);
    next.recordSuccess();
    expect(new UnlockThrottle(dir, () => now, readOnly).secondsToWait()).toBe(0);
  });
});
