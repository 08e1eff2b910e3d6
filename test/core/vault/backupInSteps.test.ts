// The backup of the app written in steps (issue 13): a vault with many records is backed up while
// the core goes on answering other calls, with progress; the backup restores to the same records;
// a target that cannot be written fails with a clear code and leaves no file, whole or partial.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withProgressSink } from '../../../electron/core/callProgress';
import { createCore, type Core } from '../../../electron/core/core';
import { readBackup } from '../../../electron/core/vault/backup';
import { closeVault, restoreVault } from '../../../electron/core/vault/vault';
import { ROOT, tempDir, testPassphrase } from './helpers';

let root: string;
let cleanup: () => void;
let core: Core;
let pass: string;

async function ok<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}`);
  return result.value as T;
}

const ROWS = 30_000;
const rows = (db: { prepare(sql: string): { all(): unknown[] } }) => db.prepare('SELECT n, t FROM note ORDER BY n').all() as Array<{ n: number; t: string }>;

beforeEach(async () => {
  ({ dir: root, cleanup } = tempDir('kk-backupsteps-'));
  core = createCore({ vaultDir: join(root, 'vault') });
  pass = testPassphrase();
  await ok('vault.create', { passphrase: pass });
  const db = core.session.db();
  db.exec('CREATE TABLE note (n INTEGER PRIMARY KEY, t TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO note VALUES (?, ?)');
  // Synthetic rows, several MB in all: the copy is read and written in many chunks.
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(i, `synthetische regel ${i} ${'abcdefghij'.repeat(20)}`);
  })();
});
afterEach(() => {
  core.close();
  cleanup();
});

describe('a backup written in steps', () => {
  it('of a vault with many records: other calls are answered meanwhile, progress comes, and it restores to the same records', async () => {
    const out = join(root, 'usb', 'groot.kkbackup');
    mkdirSync(join(root, 'usb'));
    const progress: Array<{ stap: string; klaar: number; totaal: number }> = [];
    const order: string[] = [];
    const backup = withProgressSink(
      (name, payload) => {
        if (name === 'backup.progress') progress.push(payload as (typeof progress)[number]);
      },
      () => core.dispatch('backup.writeFile', { path: out }),
    ).then((r) => (order.push('backup'), r));
    // Asked after the backup started: answered before it ends, as the core is not held.
    const status = core.dispatch('vault.status', {}).then((r) => (order.push('status'), r));
    const [written, answered] = await Promise.all([backup, status]);
    expect(answered).toMatchObject({ ok: true, value: { exists: true, locked: false } });
    expect(order).toEqual(['status', 'backup']);
    expect(written.ok).toBe(true);

    expect(new Set(progress.map((p) => p.stap))).toEqual(new Set(['kopie', 'schrijven', 'controleren']));
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ stap: 'controleren' });
    expect(last.klaar).toBe(last.totaal);
    // Only the finished file, no temp file beside it; the header's checksums hold.
    expect(readdirSync(join(root, 'usb'))).toEqual(['groot.kkbackup']);
    expect(readBackup(out).header.format).toBe('ketenkluis-backup');
    expect(await ok<{ laatsteBackup: string | null }>('backup.status')).toMatchObject({ laatsteBackup: (written as { value: { gemaaktOp: string } }).value.gemaaktOp });

    const restored = await restoreVault(out, join(root, 'terug'), pass);
    try {
      const back = rows(restored.db);
      expect(back).toHaveLength(ROWS);
      expect(back).toEqual(rows(core.session.db()));
    } finally {
      closeVault(restored);
    }
  });

  it('to a target that cannot be written: a clear code, no file and no temp file left, no backup time recorded', async () => {
    // Root ignores folder modes: as root (CI) a read-only file system, otherwise a read-only folder.
    const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
    const target = canMount ? join(ROOT, 'test-results', `backup-ro-${process.pid}`) : join(root, 'alleen-lezen');
    mkdirSync(target, { recursive: true });
    if (canMount) {
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k,mode=0700', 'tmpfs', target]);
      if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr.toString()}`);
    } else {
      chmodSync(target, 0o500);
    }
    try {
      const result = await core.dispatch('backup.writeFile', { path: join(target, 'kluis.kkbackup') });
      expect(result).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      expect(JSON.stringify(result)).not.toContain(target);
      expect(readdirSync(target)).toEqual([]);
      expect(await ok('backup.status')).toMatchObject({ laatsteBackup: null });
      // No snapshot is left in the vault folder either.
      expect(readdirSync(join(root, 'vault')).filter((n) => n.startsWith('.snapshot-'))).toEqual([]);
    } finally {
      if (canMount) spawnSync('umount', [target]);
      else chmodSync(target, 0o700);
      rmSync(target, { recursive: true, force: true });
    }
  });
});
