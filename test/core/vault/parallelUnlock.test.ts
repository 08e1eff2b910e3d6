// Parallel wrong unlocks are counted one by one (issue 9): each attempt is counted before its key
// derivation, under a lock other processes respect, so attempts started together can never get
// more tries than the slow-down allows, and the counter equals the number of attempts evaluated.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VAULT_FILES } from '../../../electron/core/vault/constants';
import { COUNTER_LOCK_STALE_MS, FREE_FAILURES, UnlockThrottle } from '../../../electron/core/vault/unlockThrottle';
import { closeVault, createVault, unlockVault } from '../../../electron/core/vault/vault';
import { ROOT, giveToChildUser, lastJson, runAsChildUser, tempDir, testPassphrase } from './helpers';

const CHILD = join(ROOT, 'test/core/vault/fixtures/vaultRaceChild.ts');
/** Attempts allowed before the first wait: the free ones and the one that starts the wait. */
const ALLOWED = FREE_FAILURES + 1;

let root: string;
let dir: string;
let cleanup: () => void;
let pass: string;
beforeEach(async () => {
  ({ dir: root, cleanup } = tempDir('kk-parallel-'));
  dir = join(root, 'vault');
  pass = testPassphrase();
  closeVault((await createVault(dir, pass)).vault);
});
afterEach(() => cleanup());

const counted = () => (JSON.parse(readFileSync(join(dir, VAULT_FILES.unlockAttempts), 'utf8')) as { failures: number }).failures;
const tally = (codes: string[]) => ({
  evaluated: codes.filter((c) => c === 'WRONG_PASSPHRASE').length,
  refused: codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length,
  other: codes.filter((c) => c !== 'WRONG_PASSPHRASE' && c !== 'TOO_MANY_ATTEMPTS'),
});

describe('parallel wrong unlocks', () => {
  it('in one process (Promise.all of 6): only the allowed attempts are evaluated, and each is counted', { timeout: 60_000 }, async () => {
    const settled = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => unlockVault(dir, `${pass} wrong ${i}`)));
    const codes = settled.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'OPENED'));
    const t = tally(codes);
    expect(t.other).toEqual([]);
    expect(t.evaluated).toBe(ALLOWED);
    expect(t.refused).toBe(6 - ALLOWED);
    expect(counted()).toBe(t.evaluated);
  });

  it('in two processes started together (3 each): no more than allowed are evaluated, the count equals the evaluated ones', { timeout: 120_000 }, async () => {
    giveToChildUser(root);
    const children: ChildProcess[] = [];
    let ready = 0;
    const runs = [0, 1].map(() =>
      runAsChildUser(CHILD, ['wrong-unlocks', dir, '3'], { KK_PASSPHRASE: pass }, (child) => {
        children.push(child);
        child.stdout?.on('data', (d: Buffer) => {
          if (d.toString().includes('ready') && ++ready === 2) for (const c of children) c.stdin?.write('go\n');
        });
      }),
    );
    const codes = (await Promise.all(runs)).flatMap((r) => lastJson<{ codes: string[] }>(r.stdout).codes);
    const t = tally(codes);
    expect(t.other).toEqual([]);
    expect(t.evaluated).toBeLessThanOrEqual(ALLOWED);
    expect(t.evaluated + t.refused).toBe(6);
    expect(counted()).toBe(t.evaluated);
  });

  it('a counter lock left by a crashed process is broken once stale; a fresh one is waited for', { timeout: 30_000 }, () => {
    const lock = join(dir, VAULT_FILES.unlockAttemptsLock);
    writeFileSync(lock, '');
    const old = new Date(Date.now() - COUNTER_LOCK_STALE_MS - 1000);
    utimesSync(lock, old, old);
    const throttle = new UnlockThrottle(dir);
    expect(throttle.recordFailure()).toBe(0);
    expect(existsSync(lock)).toBe(false);
    // A fresh lock (another process in its millisecond section) is respected: this one waits
    // until it goes, here until it is old enough to count as left by a crash.
    writeFileSync(lock, '');
    const started = Date.now();
    expect(throttle.recordFailure()).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(COUNTER_LOCK_STALE_MS - 100);
    expect(counted()).toBe(2);
    expect(existsSync(lock)).toBe(false);
  });

  it('the right passphrase after the free mistakes opens and starts the count over', { timeout: 60_000 }, async () => {
    await Promise.allSettled(Array.from({ length: FREE_FAILURES }, (_, i) => unlockVault(dir, `${pass} wrong ${i}`)));
    expect(counted()).toBe(FREE_FAILURES);
    closeVault(await unlockVault(dir, pass));
    expect(counted()).toBe(0);
  });
});
