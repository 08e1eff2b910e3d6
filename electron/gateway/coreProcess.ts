import { KkError } from '../../shared/errors';
import type { Result } from '../../shared/ipc/define';
import { lateOutcomeEvents } from '../../shared/ipc/events';
import { CoreToMainMessage, InvokeMessage, ReplyResult, type MainToCoreMessage } from '../../shared/ipc/hostProtocol';
import { typedCoreCall, type CoreCall, type UntypedCoreCall } from './coreCall';
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
  /**
   * A call fails with OUTCOME_UNKNOWN when the core has shown no sign of life (an answer or a
   * progress message) for this long. Long work that reports progress is never timed out.
   */
  timeoutMs?: number;
  /**
   * Core events (e.g. 'vault.locked'), the events progress messages carry, and the late
   * outcome of long work (lateOutcomeEvents); checked against the event contract by the relay.
   */
  onEvent?: (name: string, payload: unknown) => void;
  /** The core process ended; every pending call has already failed. */
  onExit?: (code: number) => void;
}

/** A live connection to the core process. */
export interface CoreClient {
  /** Calls a core method; never rejects, every outcome is a result envelope. */
  call: CoreCall;
  /** Asks the core to lock and stop; kills it if it does not stop in time. */
  close(graceMs?: number): Promise<void>;
  /** False once the process has ended. */
  readonly alive: boolean;
}

/**
 * How long the core may stay silent before a call stops waiting. Key derivation takes about a
 * second; long work sends progress well within this, so only a core that hangs reaches it.
 */
export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

function failed(code: 'INTERNAL' | 'OUTCOME_UNKNOWN' | 'CORE_STOPPED', message: string): Result<never> {
  return { ok: false, error: new KkError(code, message).toInfo() };
}

/** True when `method` is long work whose late outcome the window learns (own key only). */
function isLongWork(method: string): method is keyof typeof lateOutcomeEvents {
  return Object.prototype.hasOwnProperty.call(lateOutcomeEvents, method);
}

/** The event that tells the window the late outcome of `method`, when it is long work. */
function lateOutcomeEvent(method: string): string | undefined {
  return isLongWork(method) ? lateOutcomeEvents[method] : undefined;
}

/**
 * Talks to a started core child with numbered requests.
 *
 * Time-outs: the core works on one call at a time, so a call waits for the ones before it. A
 * progress message from any call proves the core is alive and getting on, so it re-arms the
 * timer of every waiting call; only a core silent for `timeoutMs` makes calls give up. Such a
 * call's outcome is then NOT known (the core may still commit), so it fails with
 * OUTCOME_UNKNOWN, never with "nothing saved", and the real answer, when it comes, is passed
 * on as the method's late-outcome event. A core that ends fails its calls with CORE_STOPPED:
 * a transaction it had not committed is rolled back by SQLite.
 */
export function createCoreClient(child: CoreChild, options: CoreClientOptions = {}): CoreClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  type Pending = { method: string; resolve: (result: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> };
  const pending = new Map<number, Pending>();
  /** Calls main stopped waiting for whose real outcome the window must still learn, by id. */
  const overdue = new Map<number, string>();
  let nextId = 1;
  let alive = true;
  let exited: (() => void) | null = null;
  let closing: Promise<void> | null = null;

  const settle = (id: number, result: Result<unknown>): void => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  };

  const arm = (id: number, method: string): ReturnType<typeof setTimeout> =>
    setTimeout(() => {
      log.warn('core.call_timeout', { method: method.slice(0, 64) });
      const event = lateOutcomeEvent(method);
      if (event !== undefined) overdue.set(id, method);
      settle(id, failed('OUTCOME_UNKNOWN', 'The core showed no sign of life in time; the outcome is not known'));
    }, timeoutMs);

  const heartbeat = (): void => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.timer = arm(id, entry.method);
    }
  };

  /** The answer of a call main stopped waiting for: the window learns it as an event. */
  const lateOutcome = (id: number, result: Result<unknown>): void => {
    const method = overdue.get(id);
    if (method === undefined) return; // an answer nobody waits for (not long work): dropped
    overdue.delete(id);
    const event = lateOutcomeEvent(method);
    if (event !== undefined) options.onEvent?.(event, result);
  };

  child.onMessage((raw) => {
    const message = CoreToMainMessage.safeParse(raw);
    if (!message.success) {
      log.warn('core.message_invalid', {});
      return;
    }
    const data = message.data;
    if (data.kind === 'event') {
      options.onEvent?.(data.name, data.payload);
      return;
    }
    if (data.kind === 'progress') {
      heartbeat();
      options.onEvent?.(data.name, data.payload);
      return;
    }
    const parsed = ReplyResult.safeParse(data.result);
    const result = parsed.success ? parsed.data : failed('INTERNAL', 'Malformed core result');
    // Any answer is a sign of life too: the calls queued behind it start their wait afresh.
    heartbeat();
    if (pending.has(data.id)) settle(data.id, result);
    else lateOutcome(data.id, result);
  });

  let ended = false;
  // Once only: from the process's exit event, or at once when a core that would not stop is killed
  // (its calls must not wait for an exit event that may come late).
  const end = (code: number): void => {
    if (ended) return;
    ended = true;
    alive = false;
    log.warn('core.exited', { code });
    const stopped = () => failed('CORE_STOPPED', 'The core process stopped before it answered');
    for (const id of [...pending.keys()]) settle(id, stopped());
    for (const id of [...overdue.keys()]) lateOutcome(id, stopped());
    exited?.();
    options.onExit?.(code);
  };
  child.onExit(end);

  const send: UntypedCoreCall = (method, input) => {
    if (!alive) return Promise.resolve(failed('INTERNAL', 'The core process is not running'));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { method, resolve, timer: arm(id, method) });
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
  };

  return {
    get alive() {
      return alive;
    },
    call: typedCoreCall(send),
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
