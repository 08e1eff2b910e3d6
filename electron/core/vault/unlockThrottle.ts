import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { KkError } from '../../../shared/errors';
import { VAULT_FILES } from './constants';
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
  private readonly key: string;
  constructor(
    vaultDir: string,
    private readonly now: () => number = Date.now,
    private readonly write: AttemptWriter = writeFileAtomic,
  ) {
    this.key = resolve(vaultDir);
    this.path = join(this.key, VAULT_FILES.unlockAttempts);
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

  /** Seconds until the next attempt is allowed (0 = now). */
  secondsToWait(): number {
    const state = this.read();
    const now = this.now();
    if (state.lastFailureAt > now) {
      // The clock was set back (or the stamp is from the future): count the wait from now, and
      // store that, so the wait ends after the delay instead of sliding until the clock catches up.
      state.lastFailureAt = now;
      this.store(state);
    }
    const readyAt = Math.min(state.lastFailureAt, now) + delayAfter(state.failures) * 1000;
    return Math.max(0, Math.ceil((readyAt - now) / 1000));
  }

  /** Throws TOO_MANY_ATTEMPTS (with retryAfterSeconds) before any key derivation while the caller must wait. */
  assertMayTry(): void {
    const wait = this.secondsToWait();
    if (wait > 0) throw new KkError('TOO_MANY_ATTEMPTS', 'Unlock attempts are paused', { retryAfterSeconds: wait });
  }

  /** Records a failure; returns the seconds the next attempt must wait. */
  recordFailure(): number {
    const state = this.read();
    const next = { failures: state.failures + 1, lastFailureAt: this.now() };
    this.store(next);
    return delayAfter(next.failures);
  }

  /** A successful unlock starts over. */
  recordSuccess(): void {
    const hadMemory = inMemory.delete(this.key);
    if (!existsSync(this.path) && !hadMemory) return;
    try {
      this.write(this.path, JSON.stringify({ failures: 0, lastFailureAt: 0 }));
    } catch {
      // Nothing to lose: the next success tries again.
    }
  }
}
