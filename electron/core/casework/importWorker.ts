// The import's checking thread: reads the file (or the text), parses and checks every record
// with the shared schemas, and hands the records that passed to the core thread, which only
// writes. Two cores then share an import instead of one doing all of it. Protocol and flow
// control: see checkInWorker.ts. Nothing personal leaves this thread except the records
// themselves; errors are reported by kind only.
import { workerData } from 'node:worker_threads';
import { bytesSource, check, fileSource, type Checked } from './importSource';
import { CHECKED_AHEAD, POSTED, READ, type CheckerSource, type CheckerStart, type FromChecker } from './checkerProtocol';

const { port, signal } = workerData as CheckerStart;
const counters = new Int32Array(signal);
let posted = 0;

function send(message: FromChecker): void {
  // Wait while the core thread is far behind, so unread records cannot pile up in memory.
  for (;;) {
    const consumed = Atomics.load(counters, READ);
    if (posted - consumed < CHECKED_AHEAD) break;
    Atomics.wait(counters, READ, consumed, 1000);
  }
  port.postMessage(message);
  posted++;
  Atomics.store(counters, POSTED, posted);
  Atomics.notify(counters, POSTED);
}

function run(source: CheckerSource): void {
  let batch: string[] = [];
  try {
    const checked: Checked = check('path' in source ? fileSource(source.path) : bytesSource(source.bytes), (valid) => {
      batch.push(JSON.stringify(valid));
      if (batch.length === 256) {
        send({ t: 'valid', items: batch });
        batch = [];
      }
    });
    if (batch.length > 0) send({ t: 'valid', items: batch });
    send({ t: 'end', checked });
  } catch (error) {
    // The kind only: a message could quote the file.
    send({ t: 'failed', kind: error instanceof Error ? error.name : 'unknown' });
  }
}

// The file comes after "ready": bytes are handed over (not copied) only to a thread that runs.
port.once('message', (message: { source: CheckerSource }) => run(message.source));
send({ t: 'ready' });
