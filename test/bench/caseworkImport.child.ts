// Child process of casework.bench.ts: unlocks a vault and imports one JSON file, streamed from
// disk, so its peak memory is the core's own. Two ways:
//   kk   (default) as `kk import` does: importFile on the opened vault;
//   app  as the app's core process does: the composed core (createCore), unlocked and asked
//        `import.file` through its dispatcher, as main forwards it after the file dialog.
// Prints one JSON line. Test-only: the passphrase comes from the bench through the environment.
import { statSync } from 'node:fs';
import { closeVault, unlockVault } from '../../electron/core/vault/vault';
import { createCore } from '../../electron/core/core';
import { importFile } from '../../electron/core/casework/import';
import { ownerWriter } from '../../electron/core/changelog/writeContext';
import type { ImportResult } from '../../shared/casework/import.schema';

const [dir, file, today, mode = 'kk'] = process.argv.slice(2) as [string, string, string, string | undefined];
const passphrase = process.env.KK_BENCH_PASSPHRASE ?? '';

/** Runs the import the chosen way; returns its result and how to close the vault afterwards. */
async function opened(): Promise<{ run(): Promise<ImportResult>; close(): void }> {
  if (mode === 'app') {
    const core = createCore({ vaultDir: dir });
    const unlocked = await core.dispatch('vault.unlock', { passphrase });
    if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.error.code}`);
    return {
      async run() {
        const r = await core.dispatch('import.file', { path: file, dryRun: false });
        if (!r.ok) throw new Error(`import failed: ${r.error.code}`);
        return r.value as ImportResult;
      },
      close: () => core.close(),
    };
  }
  const vault = await unlockVault(dir, passphrase);
  return { run: async () => importFile(vault.db, ownerWriter('import'), file, { dryRun: false, today }), close: () => closeVault(vault) };
}

const vault = await opened();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await vault.run();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const closeStarted = performance.now();
vault.close();
const closeSeconds = (performance.now() - closeStarted) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, closeSeconds, result, rssBeforeMB: Math.round(rssBefore / 1048576), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), fileMB: Math.round(statSync(file).size / 1048576) })}\n`);
