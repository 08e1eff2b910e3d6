// Child process of importShape.test.ts: checks import files the way an import does, on the
// core's own thread (`core`) or on the checking thread (`thread`), and prints one JSON line per
// file and then the process's peak RSS. Started with a small --max-old-space-size, so a reader
// that held a file whole would die here instead of answering.
import { check, fileSource } from '../../../electron/core/casework/importSource';
import { checkInWorker } from '../../../electron/core/casework/checkInWorker';

const [mode, ...files] = process.argv.slice(2);
for (const file of files) {
  const checked = mode === 'thread' ? checkInWorker(file!, () => undefined) : check(fileSource(file!));
  process.stdout.write(`${JSON.stringify({ file, checked })}\n`);
}
process.stdout.write(`${JSON.stringify({ maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
