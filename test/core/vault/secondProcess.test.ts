import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeVault, createVault, unlockVault } from '../../../electron/core/vault/vault';
import { ROOT, expectKkError, tempDir, testPassphrase, tsNodeArgs } from './helpers';

const CHILD = join(ROOT, 'test/core/vault/fixtures/vaultChild.ts');
let dir: string;
let cleanup: () => void;
let pass: string;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  pass = testPassphrase();
  closeVault((await createVault(dir, pass)).vault);
});
afterEach(() => cleanup());

function tryUnlockInChild(): string {
  const r = spawnSync(process.execPath, tsNodeArgs(CHILD, ['try-unlock', dir]), {
    cwd: ROOT,
    env: { ...process.env, KK_PASSPHRASE: pass },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return r.stdout.trim();
}

function startHolder(): Promise<ChildProcess> {
  const child = spawn(process.execPath, tsNodeArgs(CHILD, ['hold', dir]), { cwd: ROOT, env: { ...process.env, KK_PASSPHRASE: pass } });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

describe('one vault, one process', () => {
  it('a second process gets VAULT_IN_USE while the first has it open, and opens it after', async () => {
    const vault = await unlockVault(dir, pass);
    vault.db.exec("CREATE TABLE note (t TEXT); INSERT INTO note VALUES ('owner')");
    expect(tryUnlockInChild()).toBe('VAULT_IN_USE');
    // The owner's data and connection are unharmed.
    expect(vault.db.prepare('SELECT t FROM note').get()).toEqual({ t: 'owner' });
    closeVault(vault);
    expect(tryUnlockInChild()).toBe('ok');
  });

  it('this process gets VAULT_IN_USE while another process holds it; a killed holder leaves no stale lock', async () => {
    const holder = await startHolder();
    try {
      await expectKkError(unlockVault(dir, pass), 'VAULT_IN_USE');
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    const vault = await unlockVault(dir, pass);
    expect(vault.db.pragma('quick_check', { simple: true })).toBe('ok');
    closeVault(vault);
  });
});
