// The import's checking thread: streams the file, parses and checks every record
// with the shared schemas, and hands the records that passed to the core thread, which only
// writes. Two cores then share an import instead of one doing all of it. Protocol and flow
// control: see checkInWorker.ts. Nothing personal leaves this thread except the records
// themselves; errors are reported by kind only. The thread always ends by itself (its work
// done, or the core's "stop" seen): it is never terminated from outside, see checkInWorker.ts.
import { workerData } from 'node:worker_threads';
import { check, fileSource, type Checked, type RecordSource } from './importSource';
import { BATCH_BYTES, BATCH_RECORDS, CHECKED_AHEAD, POSTED, READ, STOP, type CheckerStart, type FromChecker } from './checkerProtocol';

const { path, port, signal } = workerData as CheckerStart;
const counters = new Int32Array(signal);
let posted = 0;

/** The core stopped reading: end this thread's work at once. */
class Stopped extends Error {}

function send(message: FromChecker): void {
  // Wait while the core thread is far behind, so unread records cannot pile up in memory.
  for (;;) {
    if (Atomics.load(counters, STOP) !== 0) throw new Stopped();
    const consumed = Atomics.load(counters, READ);
    if (posted - consumed < CHECKED_AHEAD) break;
    Atomics.wait(counters, READ, consumed, 1000);
  }
  port.postMessage(message);
  posted++;
  Atomics.store(counters, POSTED, posted);
  Atomics.notify(counters, POSTED);
}

function run(): void {
  let batch: string[] = [];
  let batchBytes = 0;
  let seen = 0;
  const flush = () => {
    send({ t: 'valid', items: batch });
    batch = [];
    batchBytes = 0;
  };
  // Every BATCH_RECORDS records something is sent: the passed ones, or a sign of life once
  // records fail (then none are handed over, but the core must not take silence for a dead thread).
  const source = fileSource(path);
  const counted: RecordSource = {
    scan: (visit, unreadable) =>
      source.scan(
        (list, i, record) => {
          visit(list, i, record);
          if (++seen % BATCH_RECORDS === 0) {
            if (batch.length > 0) flush();
            else send({ t: 'checking' });
          }
        },
        (issue) => {
          unreadable(issue);
          if (++seen % BATCH_RECORDS === 0) send({ t: 'checking' });
        },
      ),
  };
  try {
    const checked: Checked = check(counted, (valid) => {
      const json = JSON.stringify(valid);
      batch.push(json);
      batchBytes += json.length;
      if (batchBytes >= BATCH_BYTES) flush();
    });
    if (batch.length > 0) flush();
    send({ t: 'end', checked });
  } catch (error) {
    if (error instanceof Stopped) return;
    // The kind only: a message could quote the file.
    try {
      send({ t: 'failed', kind: error instanceof Error ? error.name : 'unknown' });
    } catch {
      // Stopped meanwhile: nobody is listening any more.
    }
  }
}

// "ready" first: the core waits for it to know the thread runs at all.
try {
  send({ t: 'ready' });
  run();
} catch {
  // Stopped before it began.
}
