import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { delayAfter, MAX_DELAY_SECONDS, UnlockThrottle } from '../../../electron/core/vault/unlockThrottle';
import { closeVault, createVault, unlockVault, vaultPaths } from '../../../electron/core/vault/vault';
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
    const paused = await expectKkError(unlockVault(dir, pass), 'WRONG_PASSPHRASE');
    expect(paused.retryAfterSeconds).toBeGreaterThan(0);
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
