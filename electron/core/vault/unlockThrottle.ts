import { closeSync, constants, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { KkError } from '../../../shared/errors';
import { FILE_MODE, VAULT_FILES } from './constants';
import { writeFileAtomic } from './safeFs';

/** Failures allowed before any wait; a person mistyping twice should not be punished. */
export const FREE_FAILURES = 2;
/** The longest wait between attempts, in seconds. Never a wipe, never a permanent lock-out. */
export const MAX_DELAY_SECONDS = 300;

const AttemptState = z.object({ failures: z.number().int().min(0), lastFailureAt: z.number() });
type AttemptState = z.infer<typeof AttemptState>;

/** Writes the counter file; tests inject a failing one to stand for a read-only folder. */
export type AttemptWriter = (path: string, data: string) => void;

/**
 * Counts kept in memory for folders where the counter file cannot be written (read-only folder,
 * full disk), keyed by absolute vault folder. Without it, a read-only folder would mean no
 * slow-down at all for as long as the process lives.
 */
const inMemory = new Map<string, AttemptState>();

/**
 * The counter lock is held only for one read-and-write of the counter file (milliseconds, never
 * across a key derivation), so a lock file older than this was left by a process that died holding it.
 */
export const COUNTER_LOCK_STALE_MS = 5_000;
/** How long to wait for another process's counter lock before giving up with VAULT_IN_USE. */
const COUNTER_LOCK_TIMEOUT_MS = 8_000;

/** Sleeps without yielding: the critical section must stay synchronous (see `withLock`). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errorCode(error: unknown): unknown {
  return error && typeof error === 'object' && 'code' in error ? error.code : undefined;
}

/** One unlock attempt that has been counted in advance; settle it exactly once. */
export interface Attempt {
  /** The secret was wrong: the wait is counted from now. Returns the seconds the next attempt must wait. */
  failed(): number;
  /** The secret fitted: the count starts over. */
  succeeded(): void;
  /** The attempt ended for another reason (damage, disk): it is not held against the person. */
  cancelled(): void;
}

/** Seconds to wait after `failures` consecutive failures: 0, 0, 1, 2, 4, … capped at five minutes. */
export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_SECONDS);
}

/**
 * Slows down guessing at the keyboard. The count lives in a small non-secret file in the vault
 * folder, so restarting the app does not reset it. (Someone who can copy the files can attack
 * offline; Argon2id's cost is the defence there, not this file.)
 */
export class UnlockThrottle {
  private readonly path: string;
  private readonly lockPath: string;
  private readonly key: string;
  constructor(
    vaultDir: string,
    private readonly now: () => number = Date.now,
    private readonly write: AttemptWriter = writeFileAtomic,
  ) {
    this.key = resolve(vaultDir);
    this.path = join(this.key, VAULT_FILES.unlockAttempts);
    this.lockPath = join(this.key, VAULT_FILES.unlockAttemptsLock);
  }

  /**
   * Runs `work` (synchronous, so no other attempt of this process can interleave) while holding
   * an O_EXCL lock file that other processes respect: read, decide and write the count as one step.
   */
  private withLock<T>(work: () => T): T {
    const release = this.lock();
    try {
      return work();
    } finally {
      release();
    }
  }

  private lock(): () => void {
    const deadline = Date.now() + COUNTER_LOCK_TIMEOUT_MS;
    for (;;) {
      try {
        closeSync(openSync(this.lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE));
        return () => rmSync(this.lockPath, { force: true });
      } catch (error) {
        // A folder that cannot hold the lock cannot hold the count either: that count lives in
        // this process's memory (see `store`), where the synchronous section already serialises.
        if (errorCode(error) !== 'EEXIST') return () => undefined;
      }
      if (this.breakStaleLock()) continue;
      if (Date.now() > deadline) throw new KkError('VAULT_IN_USE', 'Unlock counter is locked by another process');
      sleepSync(5);
    }
  }

  /**
   * Removes a lock left by a process that died holding it; true when the lock is gone (try again).
   * Breaking is not itself atomic: two processes that find the same stale lock at the same moment
   * may both get one step in. That needs a crash inside a millisecond section first, and costs
   * at most one uncounted read, never a lost count of more than one.
   */
  private breakStaleLock(): boolean {
    try {
      const stat = statSync(this.lockPath, { throwIfNoEntry: false });
      if (!stat) return true;
      if (Date.now() - stat.mtimeMs < COUNTER_LOCK_STALE_MS) return false;
      rmSync(this.lockPath, { force: true });
      return true;
    } catch {
      return false; // cannot look or remove: wait until the deadline
    }
  }

  private readFile(): AttemptState {
    try {
      if (!existsSync(this.path)) return { failures: 0, lastFailureAt: 0 };
      const parsed = AttemptState.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // Unreadable or not JSON: handled as damaged below.
    }
    // A damaged counter must not lock anyone out, nor reset the count to zero: keep a few
    // failures on the books (so the next mistakes are slowed) but let the next attempt go now.
    return { failures: FREE_FAILURES + 1, lastFailureAt: 0 };
  }

  private read(): AttemptState {
    const fromFile = this.readFile();
    const fromMemory = inMemory.get(this.key);
    return fromMemory && fromMemory.failures > fromFile.failures ? fromMemory : fromFile;
  }

  private store(state: AttemptState): void {
    try {
      this.write(this.path, JSON.stringify(state));
      inMemory.delete(this.key);
    } catch {
      // The folder cannot hold the count (read-only, full): keep it in this process instead.
      inMemory.set(this.key, state);
    }
  }

  /** The state and the seconds to wait; call under the lock. */
  private current(): { state: AttemptState; wait: number } {
    const state = this.read();
    const now = this.now();
    if (state.lastFailureAt > now) {
      // The clock was set back (or the stamp is from the future): count the wait from now, and
      // store that, so the wait ends after the delay instead of sliding until the clock catches up.
      state.lastFailureAt = now;
      this.store(state);
    }
    const readyAt = Math.min(state.lastFailureAt, now) + delayAfter(state.failures) * 1000;
    return { state, wait: Math.max(0, Math.ceil((readyAt - now) / 1000)) };
  }

  /** Seconds until the next attempt is allowed (0 = now). */
  secondsToWait(): number {
    return this.withLock(() => this.current().wait);
  }

  /** Throws TOO_MANY_ATTEMPTS (with retryAfterSeconds) while the caller must wait. */
  assertMayTry(): void {
    const wait = this.secondsToWait();
    if (wait > 0) throw tooMany(wait);
  }

  /**
   * Starts an attempt: refuses with TOO_MANY_ATTEMPTS while a wait applies, and otherwise counts
   * the attempt as a failure *before* the key derivation, in one locked step. Checking first and
   * counting after the (slow, asynchronous) derivation let any number of parallel attempts through
   * the same open door; counted in advance, each one closes the door for the next.
   */
  beginAttempt(): Attempt {
    this.withLock(() => {
      const { state, wait } = this.current();
      if (wait > 0) throw tooMany(wait);
      this.store({ failures: state.failures + 1, lastFailureAt: this.now() });
    });
    let settled = false;
    const once = <T>(fn: () => T, otherwise: T): T => {
      if (settled) return otherwise;
      settled = true;
      return fn();
    };
    return {
      failed: () =>
        once(
          () =>
            this.withLock(() => {
              // Already counted; the wait runs from the failure, as a person would expect.
              const { state } = this.current();
              this.store({ failures: state.failures, lastFailureAt: Math.max(state.lastFailureAt, this.now()) });
              return delayAfter(state.failures);
            }),
          0,
        ),
      succeeded: () => once(() => this.recordSuccess(), undefined),
      cancelled: () =>
        once(
          () =>
            this.withLock(() => {
              const { state } = this.current();
              if (state.failures > 0) this.store({ failures: state.failures - 1, lastFailureAt: state.lastFailureAt });
            }),
          undefined,
        ),
    };
  }

  /** Records a failure; returns the seconds the next attempt must wait. */
  recordFailure(): number {
    return this.withLock(() => {
      const { state } = this.current();
      const next = { failures: state.failures + 1, lastFailureAt: this.now() };
      this.store(next);
      return delayAfter(next.failures);
    });
  }

  /** A successful unlock starts over. */
  recordSuccess(): void {
    this.withLock(() => {
      const hadMemory = inMemory.delete(this.key);
      if (!existsSync(this.path) && !hadMemory) return;
      try {
        this.write(this.path, JSON.stringify({ failures: 0, lastFailureAt: 0 }));
      } catch {
        // Nothing to lose: the next success tries again.
      }
    });
  }
}

function tooMany(wait: number): KkError {
  return new KkError('TOO_MANY_ATTEMPTS', 'Unlock attempts are paused', { retryAfterSeconds: wait });
}
