import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../vault/helpers';

/** The real `kk` launcher (Node 24, no npm). */
const LAUNCHER = join(ROOT, 'electron/core/cli/bin/kk');

/** Runs `kk` in `cwd` with the passphrase in the environment and no other KK_ variable of ours. */
export function runKk(cwd: string, passphrase: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KK_'))), KK_PASSPHRASE: passphrase };
  const run = spawnSync(LAUNCHER, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
