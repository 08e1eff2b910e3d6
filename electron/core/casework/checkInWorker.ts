import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { join } from 'node:path';
import { KkError } from '../../../shared/errors';
import { log } from '../log';
import type { Checked, Valid } from './importSource';
import { POSTED, READ, SIGNAL_BYTES, STOP, type CheckerStart, type FromChecker } from './checkerProtocol';

/** How long the checking thread may take to start before the import checks on its own thread. */
const START_MS = 20_000;
/**
 * How long the checking thread may go without a message once it runs (it sends one per 256
 * records, passed or not, milliseconds apart). A thread that died is only noticed this way:
 * its exit event cannot run while this thread waits.
 */
const STALL_MS = 30_000;

/** Where a checking thread's code is, and how to start it. */
export interface CheckerScript {
  file: string | URL;
  execArgv: string[];
}

/**
 * Where the checking thread's code is: next to the bundled core (`importWorker.cjs`), or, when
 * the core runs from source (kk, tests, the development bridge), the TypeScript file under tsx.
 */
function checkerScript(): CheckerScript {
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) return { file: join(__dirname, 'importWorker.cjs'), execArgv: [] };
  return { file: new URL('./importWorker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

/**
 * Heap limits for the checking thread: fixed, whatever the file. The thread streams and holds at
 * most one record (LIMITS.recordBytes, parsed) and one batch, some tens of MB at worst, so it
 * never comes near this cap. That matters beyond memory: a thread that reaches its heap limit
 * is torn down by V8 with a garbage collection that can itself run out of memory, and that
 * aborts the whole process (exit 134, seen with a 200 MB file of another shape when the reader
 * still parsed such files whole). A small young generation keeps the core's RSS down (measured
 * at 100,000 trajecten: 332 MB without limits, 256 MB with).
 */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 4 } as const;

/** Receives the next message, waiting (blocking this thread) at most `ms`; undefined on time-out. */
function receive(port: MessagePort, counters: Int32Array, ms: number): FromChecker | undefined {
  const deadline = Date.now() + ms;
  for (;;) {
    // Read the counter before looking, so a message posted in between ends the wait at once.
    const posted = Atomics.load(counters, POSTED);
    const received = receiveMessageOnPort(port);
    if (received) {
      Atomics.add(counters, READ, 1);
      Atomics.notify(counters, READ);
      return received.message as FromChecker;
    }
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    Atomics.wait(counters, POSTED, posted, Math.min(left, 500));
  }
}

/**
 * Checks an import file on a second thread while this one writes: every record that passed is
 * handed to `accept` here, in file order, as long as no record failed (the same contract as
 * `check`). Synchronous on purpose: the import runs inside one database transaction, and no
 * other call may run on this thread in between. Returns undefined when the checking thread
 * could not start (nothing was accepted then), so the caller can check on its own thread.
 */
export function checkInWorker(
  path: string,
  accept: (valid: Valid) => void,
  options: { script?: CheckerScript; startMs?: number; stallMs?: number } = {},
): Checked | undefined {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(SIGNAL_BYTES);
  const counters = new Int32Array(signal);
  const script = options.script ?? checkerScript();
  let worker: Worker;
  try {
    const start: CheckerStart = { path, signal, port: port2 };
    worker = new Worker(script.file, {
      workerData: start,
      transferList: [port2],
      execArgv: script.execArgv,
      resourceLimits: HEAP_LIMITS,
    });
  } catch {
    log.warn('import.checker.unavailable', {});
    return undefined;
  }
  // Errors of the thread itself arrive as events, which cannot run while this thread waits:
  // they are noticed as silence (START_MS / STALL_MS) instead.
  worker.on('error', () => undefined);
  try {
    if (receive(port1, counters, options.startMs ?? START_MS)?.t !== 'ready') {
      log.warn('import.checker.unavailable', {});
      return undefined;
    }
    for (;;) {
      const message = receive(port1, counters, options.stallMs ?? STALL_MS);
      if (!message) throw new KkError('INTERNAL', 'Import checker stalled');
      if (message.t === 'end') return message.checked;
      if (message.t === 'failed') throw new KkError('INTERNAL', `Import checker failed (${message.kind})`);
      if (message.t === 'valid') for (const item of message.items) accept(JSON.parse(item) as Valid);
    }
  } finally {
    // Not worker.terminate(): stopping a thread from outside in the middle of its work is what
    // once aborted the process. The thread sees "stop" at its next hand-over (within a second
    // when it waits for this one) and ends by itself; unref so it never keeps the process up.
    Atomics.store(counters, STOP, 1);
    Atomics.notify(counters, READ);
    port1.close();
    worker.unref();
  }
}
