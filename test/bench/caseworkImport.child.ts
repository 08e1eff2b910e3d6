// Child process of casework.bench.ts: unlocks a vault and imports one JSON file the way
// `kk import` does (streamed from disk), or with `bytes` as fourth argument the way the app does
// (the file's bytes in one `import.json` call), so its peak memory is the core's own.
// Prints one JSON line. Test-only: the passphrase comes from the bench through the environment.
import { readFileSync, statSync } from 'node:fs';
import { closeVault, unlockVault } from '../../electron/core/vault/vault';
import { importFile, importJson } from '../../electron/core/casework/import';
import { ownerWrite } from '../../electron/core/casework/support';

const [dir, file, today, mode] = process.argv.slice(2) as [string, string, string, string | undefined];
const vault = await unlockVault(dir, process.env.KK_BENCH_PASSPHRASE ?? '');
// The app's core receives the file's bytes in one message (an array of its own) before the import starts.
const read = mode === 'bytes' ? readFileSync(file) : undefined;
// A view, not a copy: a file this large gets an ArrayBuffer of its own, as an IPC message would.
const bytes = read ? new Uint8Array(read.buffer, read.byteOffset, read.byteLength) : undefined;
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const options = { dryRun: false, today };
const result = bytes === undefined ? importFile(vault.db, ownerWrite('import'), file, options) : importJson(vault.db, ownerWrite('import'), bytes, options);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const closeStarted = performance.now();
closeVault(vault);
const closeSeconds = (performance.now() - closeStarted) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, closeSeconds, result, rssBeforeMB: Math.round(rssBefore / 1048576), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), fileMB: Math.round(statSync(file).size / 1048576) })}\n`);
