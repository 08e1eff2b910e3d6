import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  constructor(
    vaultDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.path = join(vaultDir, VAULT_FILES.unlockAttempts);
  }

  private read(): AttemptState {
    try {
      if (!existsSync(this.path)) return { failures: 0, lastFailureAt: 0 };
      const parsed = AttemptState.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      // A damaged counter must not lock anyone out: treat it as one failure, not as zero or infinity.
      return parsed.success ? parsed.data : { failures: FREE_FAILURES + 1, lastFailureAt: this.now() };
    } catch {
      return { failures: FREE_FAILURES + 1, lastFailureAt: this.now() };
    }
  }

  /** Seconds until the next attempt is allowed (0 = now). */
  secondsToWait(): number {
    const state = this.read();
    const readyAt = state.lastFailureAt + delayAfter(state.failures) * 1000;
    return Math.max(0, Math.ceil((readyAt - this.now()) / 1000));
  }

  /** Throws before any key derivation when the caller must still wait. */
  assertMayTry(code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY'): void {
    const wait = this.secondsToWait();
    if (wait > 0) throw new KkError(code, 'Unlock attempts are paused', { retryAfterSeconds: wait });
  }

  /** Records a failure; returns the seconds the next attempt must wait. */
  recordFailure(): number {
    const state = this.read();
    const next = { failures: state.failures + 1, lastFailureAt: this.now() };
    try {
      writeFileAtomic(this.path, JSON.stringify(next));
    } catch {
      // A read-only folder cannot store the count; the in-process wait still applies below.
    }
    return delayAfter(next.failures);
  }

  /** A successful unlock starts over. */
  recordSuccess(): void {
    if (!existsSync(this.path)) return;
    try {
      writeFileAtomic(this.path, JSON.stringify({ failures: 0, lastFailureAt: 0 }));
    } catch {
      // Nothing to lose: the next success tries again.
    }
  }
}
