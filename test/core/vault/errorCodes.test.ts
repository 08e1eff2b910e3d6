// Errors that say the right thing (issue 9): a full disk during casework work, read-only files,
// a folder where a vault file belongs and a damaged key wrap each get their own code, not
// INTERNAL and not "wrong passphrase". Permission cases run as a non-root user.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { VAULT_FILES } from '../../../electron/core/vault/constants';
import { KEY_FILE_VERSION, readKeyFile } from '../../../electron/core/vault/keyFile';
import { closeVault, createVault, recoverVault, unlockVault, vaultPaths } from '../../../electron/core/vault/vault';
import { CHILD_USER, ROOT, expectKkError, giveToChildUser, lastJson, runAsChildUser, tempDir, testPassphrase, tsNodeArgs } from './helpers';

const CHILD = join(ROOT, 'test/core/vault/fixtures/vaultRaceChild.ts');
const KK = join(ROOT, 'electron/core/cli/kk.ts');

let root: string;
let dir: string;
let cleanup: () => void;
let pass: string;
let recoveryKey: string;
beforeEach(async () => {
  ({ dir: root, cleanup } = tempDir('kk-codes-'));
  dir = join(root, 'vault');
  pass = testPassphrase();
  const created = await createVault(dir, pass);
  recoveryKey = created.recoveryKey;
  closeVault(created.vault);
});
afterEach(() => {
  chmodSync(dir, 0o700);
  cleanup();
});

const failures = () => (existsSync(join(dir, VAULT_FILES.unlockAttempts)) ? JSON.parse(readFileSync(join(dir, VAULT_FILES.unlockAttempts), 'utf8')).failures : 0);

describe('read-only vault files are READ_ONLY', () => {
  it.each([
    ['a read-only database file (0400)', () => chmodSync(vaultPaths(dir).database, 0o400)],
    ['a read-only folder (0500)', () => chmodSync(dir, 0o500)],
  ])(`%s, as ${CHILD_USER ? 'nobody' : 'this user'}`, { timeout: 60_000 }, async (_label, makeReadOnly) => {
    giveToChildUser(root);
    makeReadOnly();
    const r = await runAsChildUser(CHILD, ['try-unlock', dir], { KK_PASSPHRASE: pass });
    expect(lastJson(r.stdout), r.stderr).toEqual({ code: 'READ_ONLY' });
  });
});

describe('something else where a vault file belongs is VAULT_PATH_INVALID', () => {
  it('a folder in place of the database', async () => {
    rmSync(vaultPaths(dir).database);
    mkdirSync(vaultPaths(dir).database);
    await expectKkError(unlockVault(dir, pass), 'VAULT_PATH_INVALID');
    expect(failures()).toBe(0);
  });

  it('a folder in place of the key file', async () => {
    rmSync(vaultPaths(dir).keyFile);
    mkdirSync(vaultPaths(dir).keyFile);
    await expectKkError(unlockVault(dir, pass), 'VAULT_PATH_INVALID');
  });

  it('a file in place of the vault folder', async () => {
    const file = join(root, 'not-a-folder');
    writeFileSync(file, 'x');
    await expectKkError(unlockVault(file, pass), 'VAULT_PATH_INVALID');
    await expectKkError(createVault(file, testPassphrase()), 'VAULT_PATH_INVALID');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('a damaged key wrap is KEYFILE_DAMAGED and never counted as a wrong passphrase', () => {
  /** Changes one byte inside a base64 field of the key file, keeping it valid base64. */
  function damage(section: 'passphrase' | 'recovery', field: 'ciphertext' | 'tag' | 'iv') {
    const json = JSON.parse(readFileSync(vaultPaths(dir).keyFile, 'utf8'));
    const bytes = Buffer.from(json[section].wrap[field], 'base64');
    bytes[3] = (bytes[3] ?? 0) ^ 0x01;
    json[section].wrap[field] = bytes.toString('base64');
    writeFileSync(vaultPaths(dir).keyFile, JSON.stringify(json, null, 2));
  }

  it.each(['ciphertext', 'tag', 'iv'] as const)('a changed byte in the passphrase wrap (%s)', async (field) => {
    damage('passphrase', field);
    for (let i = 0; i < 4; i++) await expectKkError(unlockVault(dir, pass), 'KEYFILE_DAMAGED');
    expect(failures()).toBe(0);
  });

  it('a changed byte in the recovery wrap', async () => {
    damage('recovery', 'tag');
    await expectKkError(recoverVault(dir, recoveryKey, testPassphrase()), 'KEYFILE_DAMAGED');
    expect(failures()).toBe(0);
  });

  it('a key file of version 1 (no checksum) still opens, and is upgraded to the current version on unlock', async () => {
    const json = JSON.parse(readFileSync(vaultPaths(dir).keyFile, 'utf8'));
    delete json.checksum;
    json.version = 1;
    writeFileSync(vaultPaths(dir).keyFile, JSON.stringify(json, null, 2));
    expect(readKeyFile(vaultPaths(dir).keyFile).version).toBe(1);
    closeVault(await unlockVault(dir, pass));
    const upgraded = readKeyFile(vaultPaths(dir).keyFile);
    expect(upgraded.version).toBe(KEY_FILE_VERSION);
    expect(upgraded.checksum).toMatch(/^[0-9a-f]{64}$/);
    // Same wraps: the passphrase and the recovery key still open it.
    expect(upgraded.passphrase).toEqual(json.passphrase);
    closeVault(await recoverVault(dir, recoveryKey, testPassphrase()));
  });
});

describe('a full disk during casework is DISK_FULL, not INTERNAL', () => {
  it('through the dispatcher: writes that hit the size limit', async () => {
    const core = createCore({ vaultDir: dir });
    try {
      expect(await core.dispatch('vault.unlock', { passphrase: pass })).toEqual({ ok: true, value: {} });
      const db = core.session.db();
      // The database may not grow beyond what it has now: SQLite reports SQLITE_FULL, as on a full disk.
      db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
      let result: Awaited<ReturnType<typeof core.dispatch>> = { ok: true, value: {} };
      for (let i = 0; i < 500 && result.ok; i++) {
        result = await core.dispatch('clienten.create', { fields: { roepnaam: `Probeersel ${i} ${'x'.repeat(60)}` } });
      }
      expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      expect(JSON.stringify(result)).not.toContain(root);
    } finally {
      core.close();
    }
  });

  // A real full file system (tmpfs) for kk seed. Mounting needs root; CI runs as root.
  const mountPoint = join(ROOT, 'test-results', `h1-tmpfs-${process.pid}`);
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.runIf(canMount)('kk seed on a full disk says DISK_FULL and the vault still opens', { timeout: 120_000 }, async () => {
    mkdirSync(mountPoint, { recursive: true });
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr.toString()}`);
    try {
      const small = join(mountPoint, 'vault');
      const smallPass = testPassphrase();
      closeVault((await createVault(small, smallPass)).vault);
      const r = spawnSync(process.execPath, tsNodeArgs(KK, ['seed', '--dir', small, '--trajecten', '20000', '--seed', '1']), {
        cwd: ROOT,
        env: { ...process.env, KK_PASSPHRASE: smallPass, KK_LANG: 'nl' },
        encoding: 'utf8',
        timeout: 100_000,
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('[DISK_FULL]');
      expect(r.stderr).toContain('De schijf is vol');
      closeVault(await unlockVault(small, smallPass));
    } finally {
      spawnSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});
