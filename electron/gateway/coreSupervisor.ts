import { KkError } from '../../shared/errors';
import type { CoreCall } from './coreCall';
import type { CoreClient, CoreClientOptions } from './coreProcess';
import { log } from './mainLog';

/*
 * Keeps exactly one live core process for main and replaces it when that matters:
 * - after every lock. The SQLite build does not wipe freed memory, so decrypted pages can stay
 *   in the process after the key is gone; only ending the process clears them. The reply to
 *   'vault.lock' comes once a fresh core is in place, so the next call (and the reloaded page)
 *   reaches a process that never saw the vault open.
 * - after a crash, a few times, then it gives up (a core that keeps crashing is not looped).
 */

/** Starts one core process; the supervisor passes the handlers it needs. */
export type StartCore = (handlers: Required<Pick<CoreClientOptions, 'onEvent' | 'onExit'>>) => CoreClient;

export interface CoreSupervisorOptions {
  start: StartCore;
  /** Events of the current core (events of a core being replaced are dropped). */
  onEvent(name: string, payload: unknown): void;
  /** The current core ended on its own and a fresh one was started: the vault is locked. */
  onRestarted(): void;
  /** Too many crashes in the window: stop trying. */
  onGaveUp(): void;
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How long a replaced core may take to stop before it is killed. */
  retireGraceMs?: number;
  now?: () => number;
}

export interface CoreSupervisor {
  /** Starts the first core (a call starts one too when there is none). */
  start(): void;
  /** Calls the current core; a 'vault.lock' call answers only after the core was replaced. */
  call: CoreCall;
  /** Ends the current core process and starts a fresh one; resolves when the old one has ended. */
  replace(): Promise<void>;
  /** Lets the core lock and stop (on quit); no restart after this. */
  shutdown(): Promise<void>;
  /** How many core processes were started (for diagnostics and tests). */
  readonly started: number;
}

export const DEFAULT_MAX_CORE_RESTARTS = 3;
export const DEFAULT_RESTART_WINDOW_MS = 10 * 60_000;
export const DEFAULT_RETIRE_GRACE_MS = 2_000;

export function createCoreSupervisor(options: CoreSupervisorOptions): CoreSupervisor {
  const maxRestarts = options.maxRestarts ?? DEFAULT_MAX_CORE_RESTARTS;
  const restartWindowMs = options.restartWindowMs ?? DEFAULT_RESTART_WINDOW_MS;
  const retireGraceMs = options.retireGraceMs ?? DEFAULT_RETIRE_GRACE_MS;
  const now = options.now ?? Date.now;
  let current: CoreClient | null = null;
  let started = 0;
  let restarts: number[] = [];
  let stopping = false;
  let replacing: Promise<void> = Promise.resolve();

  const launch = (): CoreClient => {
    started++;
    // Each client knows whether it is still the current one: a core that is being replaced
    // may still send a late event or end; neither may reach the page or count as a crash.
    const client: CoreClient = options.start({
      onEvent: (name, payload) => {
        if (client === current && !stopping) options.onEvent(name, payload);
      },
      onExit: () => {
        if (client !== current || stopping) return;
        const at = now();
        restarts = restarts.filter((t) => at - t < restartWindowMs);
        if (restarts.length >= maxRestarts) {
          log.error('core.gave_up', { restarts: restarts.length });
          current = null;
          stopping = true; // no call starts another one behind the app's back
          options.onGaveUp();
          return;
        }
        restarts.push(at);
        current = launch();
        options.onRestarted();
      },
    });
    return client;
  };

  const replaceNow = async (): Promise<void> => {
    if (stopping) return;
    const old = current;
    // The fresh core takes over at once, so no call waits in between; it starts locked.
    current = launch();
    if (old !== null && old.alive) {
      // Calls still pending in the old core fail with INTERNAL when it ends (coreProcess.ts).
      await old.close(retireGraceMs);
    }
    log.info('core.replaced', {});
  };

  const supervisor: CoreSupervisor = {
    get started() {
      return started;
    },
    start() {
      if (current === null && !stopping) current = launch();
    },
    async call(method, input) {
      if (stopping) return { ok: false, error: new KkError('INTERNAL', 'The app is quitting').toInfo() };
      const client = current ?? (current = launch());
      const result = await client.call(method, input);
      // Whatever the answer: a lock ends the process that held the key (even if it answered badly).
      if (method === 'vault.lock') await supervisor.replace();
      return result;
    },
    replace() {
      // One replacement at a time; a second lock waits for the first and then replaces again.
      replacing = replacing.then(replaceNow, replaceNow);
      return replacing;
    },
    async shutdown() {
      stopping = true;
      const client = current;
      if (client !== null && client.alive) await client.close();
    },
  };
  return supervisor;
}
