import type { Session } from '../session';
import { log } from '../log';
import { IDLE_CHECKPOINT_MS } from './constants';

/**
 * Checkpoints the WAL once the core has been quiet for `delayMs`, so the cost of moving pages
 * into the main file (decrypt + encrypt per page on a vault) is paid between calls, not inside
 * a person's save. PASSIVE never waits and never blocks a reader or writer.
 * Returns `touch` (call after every dispatch) and `stop`.
 */
export function idleCheckpointer(session: Session, delayMs = IDLE_CHECKPOINT_MS): { touch: () => void; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    if (session.isLocked()) return;
    try {
      session.db().pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // A failed checkpoint loses nothing (the WAL stays); SQLite retries on the next one.
      log.warn('vault.checkpoint_failed', { kind: error instanceof Error ? error.name : typeof error });
    }
  };
  return {
    touch() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, delayMs);
      timer.unref();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
