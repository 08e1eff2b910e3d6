import { KkError } from '../../shared/errors';
import type { Result } from '../../shared/ipc/define';
import { CoreToMainMessage, InvokeMessage, ReplyResult, type MainToCoreMessage } from '../../shared/ipc/hostProtocol';
import { log } from './mainLog';

/*
 * Main's end of the core protocol (shared/ipc/hostProtocol.ts) over the utility process's
 * message port; the other end is electron/core/host/utilityHost.ts.
 */

/** The child process as the client sees it (an Electron UtilityProcess, or a fake in tests). */
export interface CoreChild {
  postMessage(message: MainToCoreMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

/** Options of the core client. */
export interface CoreClientOptions {
  /** A call without an answer after this long fails with INTERNAL (the page never hangs). */
  timeoutMs?: number;
  /** Core events (e.g. 'vault.locked'); checked against the event contract by the relay. */
  onEvent?: (name: string, payload: unknown) => void;
  /** The core process ended; every pending call has already failed. */
  onExit?: (code: number) => void;
}

/** A live connection to the core process. */
export interface CoreClient {
  /** Calls a contract method; never rejects, every outcome is a result envelope. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Asks the core to lock and stop; kills it if it does not stop in time. */
  close(graceMs?: number): Promise<void>;
  /** False once the process has ended. */
  readonly alive: boolean;
}

/** Default answer time. Key derivation takes about a second; a backup may take longer. */
export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

function failed(code: 'INTERNAL', message: string): Result<never> {
  return { ok: false, error: new KkError(code, message).toInfo() };
}

/** Talks to a started core child with numbered requests. */
export function createCoreClient(child: CoreChild, options: CoreClientOptions = {}): CoreClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const pending = new Map<number, { resolve: (result: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  let alive = true;
  let exited: (() => void) | null = null;
  let closing: Promise<void> | null = null;

  const settle = (id: number, result: Result<unknown>): void => {
    const entry = pending.get(id);
    if (!entry) return; // late answer after a timeout: dropped
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  };

  child.onMessage((raw) => {
    const message = CoreToMainMessage.safeParse(raw);
    if (!message.success) {
      log.warn('core.message_invalid', {});
      return;
    }
    if (message.data.kind === 'event') {
      options.onEvent?.(message.data.name, message.data.payload);
      return;
    }
    const result = ReplyResult.safeParse(message.data.result);
    settle(message.data.id, result.success ? result.data : failed('INTERNAL', 'Malformed core result'));
  });

  let ended = false;
  // Once only: from the process's exit event, or at once when a core that would not stop is killed
  // (its calls must not wait for an exit event that may come late).
  const end = (code: number): void => {
    if (ended) return;
    ended = true;
    alive = false;
    log.warn('core.exited', { code });
    for (const id of [...pending.keys()]) settle(id, failed('INTERNAL', 'The core process stopped'));
    exited?.();
    options.onExit?.(code);
  };
  child.onExit(end);

  return {
    get alive() {
      return alive;
    },
    call(method, input) {
      if (!alive) return Promise.resolve(failed('INTERNAL', 'The core process is not running'));
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          log.warn('core.call_timeout', { method: method.slice(0, 64) });
          settle(id, failed('INTERNAL', 'The core did not answer in time'));
        }, timeoutMs);
        pending.set(id, { resolve, timer });
        const invoke: MainToCoreMessage = { kind: 'invoke', id, method, input };
        // The host drops what it cannot parse; fail such a call now instead of at the timeout.
        if (!InvokeMessage.safeParse(invoke).success) {
          settle(id, failed('INTERNAL', 'Call cannot be sent to the core'));
          return;
        }
        try {
          child.postMessage(invoke);
        } catch {
          settle(id, failed('INTERNAL', 'Could not reach the core process'));
        }
      });
    },
    close(graceMs = 5_000) {
      if (!alive) return Promise.resolve();
      // A second close (quit while a lock replaces this core) waits for the same end.
      closing ??= new Promise((resolve) => {
        const timer = setTimeout(() => {
          child.kill();
          end(-1);
        }, graceMs);
        exited = () => {
          clearTimeout(timer);
          resolve();
        };
        try {
          child.postMessage({ kind: 'shutdown' });
        } catch {
          child.kill();
          end(-1);
        }
      });
      return closing;
    },
  };
}

/** The part of Electron's UtilityProcess the starter uses. */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** Starts the core in a utility process and sends it the vault folder first. */
export function startCoreProcess(
  fork: (modulePath: string, args: string[], options: { serviceName: string; stdio: 'inherit' | 'ignore' }) => UtilityProcessLike,
  entryPath: string,
  vaultDir: string,
  options: CoreClientOptions = {},
): CoreClient {
  const proc = fork(entryPath, [], { serviceName: 'Ketenkluis core', stdio: process.env.KK_LOG === '1' ? 'inherit' : 'ignore' });
  const child: CoreChild = {
    postMessage: (message) => proc.postMessage(message),
    onMessage: (listener) => void proc.on('message', listener),
    onExit: (listener) => void proc.on('exit', listener),
    kill: () => void proc.kill(),
  };
  // Messages posted before the process has started are queued by Electron, in order.
  child.postMessage({ kind: 'init', vaultDir });
  return createCoreClient(child, options);
}
