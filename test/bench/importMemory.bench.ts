// Memory bound of an import (issue 9): the peak RSS of `kk import`'s work (unlock, read, check on
// the second thread, write) against the file's size and shape, each in its own child process so
// the figure is that import's alone. Valid files at three sizes are imported into a fresh vault;
// files of odd shapes (about 256 MB each) are refused. The bound to see: the peak stays near the
// base whatever the size or shape (the reader holds one record of at most 4 MiB, see
// electron/core/casework/jsonStream.ts), where the old whole-file fallback needed several times
// the file and then died. `npm run bench -- importMemory` runs only this; KK_BENCH_SCALE=0.1
// makes every file a tenth of the size.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { closeVault, createVault } from '../../electron/core/vault/vault';
import { MB, oddShapes, writeValidImport } from '../core/casework/importShapes';
import type { BenchReport, BenchRow } from './benchReport';

const TODAY = '2026-11-25';

type Measured = { rssBeforeMB: number; maxRssMB: number; seconds: number; outcome: string };

export async function run(): Promise<BenchReport> {
  const scale = Number(process.env.KK_BENCH_SCALE ?? '1') || 1;
  const root = mkdtempSync(join(tmpdir(), 'kk-bench-importmem-'));
  const passphrase = `bench only ${randomBytes(12).toString('base64url')} passphrase`;
  const rows: BenchRow[] = [];
  let vaults = 0;
  /** Imports (or, for odd shapes, tries to) `file` into a fresh vault in a child process. */
  const measure = async (file: string): Promise<Measured> => {
    const dir = join(root, `vault-${++vaults}`);
    closeVault((await createVault(dir, passphrase)).vault);
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'importMemory.child.ts'), dir, file, TODAY, 'import'], {
        env: { ...process.env, KK_BENCH_PASSPHRASE: passphrase },
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      });
      // A crash is a result here, not an error of the bench.
      if (child.status !== 0) return { rssBeforeMB: 0, maxRssMB: 0, seconds: 0, outcome: `CRASHED (status ${child.status}, signal ${child.signal})` };
      return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const row = (name: string, file: string, m: Measured) => {
    const fileMB = Math.round(statSync(file).size / MB);
    rows.push({ name, value: m.maxRssMB, unit: 'MB', note: `${fileMB} MB file; ${m.seconds.toFixed(1)} s; ${m.outcome}; RSS after unlock ${m.rssBeforeMB} MB` });
    rmSync(file, { force: true });
  };
  try {
    for (const trajecten of [0, 10_000, 50_000, 150_000].map((n) => Math.round(n * scale))) {
      const file = await writeValidImport(join(root, `geldig-${trajecten}.json`), trajecten, TODAY);
      row(`valid file, ${trajecten} trajecten: peak RSS`, file, await measure(file));
    }
    for (const [name, shape] of Object.entries(oddShapes)) {
      const file = await shape.write(join(root, `${name}.json`), Math.round(256 * MB * scale));
      row(`${shape.what}: peak RSS`, file, await measure(file));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { name: 'import memory (issue 9)', rows, context: { scale, 'record cap': '4 MiB', 'checking thread heap cap': '256 MB' } };
}
