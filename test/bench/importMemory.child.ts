// Child process of importMemory.bench.ts: unlocks a vault and imports (or, with `check`, only
// checks) one file the way `kk import` does, then prints one JSON line: peak RSS, time and the
// outcome (counts, or the first reason of a refusal). Test-only: the passphrase comes from the
// bench through the environment.
import { closeVault, unlockVault } from '../../electron/core/vault/vault';
import { importFile } from '../../electron/core/casework/import';
import { ownerWriter } from '../../electron/core/changelog/writeContext';
import { KkError } from '../../shared/errors';

const [dir, file, today, mode] = process.argv.slice(2) as [string, string, string, 'import' | 'check'];
const vault = await unlockVault(dir, process.env.KK_BENCH_PASSPHRASE ?? '');
const rssBeforeMB = Math.round(process.memoryUsage().rss / 1048576);
const started = performance.now();
let outcome: string;
try {
  const r = importFile(vault.db, ownerWriter('import'), file, { dryRun: mode === 'check', today });
  outcome = `${mode === 'check' ? 'checked' : 'imported'} ${r.trajecten} trajecten`;
} catch (error) {
  if (!(error instanceof KkError)) throw error;
  const first = error.issues?.[0];
  outcome = `refused ${error.code}${first ? `: ${first.path}: ${first.message.slice(0, 60)}` : ''}`;
}
const seconds = (performance.now() - started) / 1000;
closeVault(vault);
process.stdout.write(`${JSON.stringify({ rssBeforeMB, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), seconds, outcome })}\n`);
