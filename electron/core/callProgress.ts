import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventName, EventPayload } from '../../shared/ipc/events';

/*
 * Progress of long work (import now; exports, summaries and verification later), reported
 * from deep inside a handler without threading a parameter through every layer.
 *
 * The host that runs a call (utilityHost.ts) gives it a sink; main's end treats what arrives
 * there as a sign of life, so long work is never timed out while it runs, and passes the event
 * on to the window. Where nobody listens (kk, the in-process test host) reporting costs
 * nothing. AsyncLocalStorage binds the sink to the call, so two calls never mix their progress.
 */

/** Receives the progress events of one running call. */
export type ProgressSink = (name: EventName, payload: unknown) => void;

const running = new AsyncLocalStorage<ProgressSink>();

/** Runs `fn` (one call) with `sink` receiving the progress it reports. */
export function withProgressSink<T>(sink: ProgressSink, fn: () => T): T {
  return running.run(sink, fn);
}

/**
 * At most this often a progress message per call (4 a second): often enough for a calm
 * progress line and as a heartbeat far inside main's time-out, rare enough to cost nothing.
 */
export const PROGRESS_INTERVAL_MS = 250;

/** Reports progress of the running call as event `name`. */
export interface ProgressReporter<E extends EventName> {
  /** Sends `payload` unless one was sent less than the interval ago (or `now` says so). */
  report(payload: EventPayload<E>, now?: boolean): void;
}

/**
 * A reporter for the call running now, bound to it when created. A no-op where no host listens.
 */
export function progressReporter<E extends EventName>(name: E, clock: () => number = Date.now): ProgressReporter<E> {
  const sink = running.getStore();
  if (sink === undefined) return { report: () => undefined };
  let last = -Infinity;
  return {
    report(payload, now = false) {
      const at = clock();
      if (!now && at - last < PROGRESS_INTERVAL_MS) return;
      last = at;
      sink(name, payload);
    },
  };
}
