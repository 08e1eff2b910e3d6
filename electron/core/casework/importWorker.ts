// The import's checking thread: streams the file, parses and checks every record
// with the shared schemas, and hands the records that passed to the core thread, which only
// writes. Two cores then share an import instead of one doing all of it. Protocol and flow
// control: see checkInWorker.ts. Nothing personal leaves this thread except the records
// themselves; errors are reported by kind only.
import { workerData } from 'node:worker_threads';
import { check, fileSource, type Checked } from './importSource';
import { CHECKED_AHEAD, POSTED, READ, type CheckerStart, type FromChecker } from './checkerProtocol';

const { path, port, signal } = workerData as CheckerStart;
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

function run(): void {
  let batch: string[] = [];
  try {
    const checked: Checked = check(fileSource(path), (valid) => {
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

// "ready" first: the core waits for it to know the thread runs at all.
send({ t: 'ready' });
run();
