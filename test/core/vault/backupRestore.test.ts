import { mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { MAX_BACKUP_BYTES, readBackup, vacuumInto } from '../../../electron/core/vault/backup';
import { openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { backupVault, closeVault, createVault, restoreVault, unlockVault, type OpenVault } from '../../../electron/core/vault/vault';
import { expectKkError, tempDir, testPassphrase } from './helpers';

let root: string;
let cleanup: () => void;
let pass: string;
let source: string;
let backupFile: string;

function dump(vault: OpenVault): unknown {
  return {
    tables: vault.db.prepare("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all(),
    rows: vault.db.prepare('SELECT * FROM dossier ORDER BY id').all(),
    meta: vault.db.prepare("SELECT key, value FROM meta WHERE key != 'created_at' ORDER BY key").all(),
    version: vault.db.pragma('user_version', { simple: true }),
  };
}

beforeEach(async () => {
  ({ dir: root, cleanup } = tempDir('kk-backup-'));
  pass = testPassphrase();
  source = join(root, 'source');
  backupFile = join(root, 'vault.kkbackup');
  const { vault } = await createVault(source, pass);
  vault.db.exec('CREATE TABLE dossier (id INTEGER PRIMARY KEY, titel TEXT NOT NULL, data BLOB)');
  const insert = vault.db.prepare('INSERT INTO dossier (titel, data) VALUES (?, ?)');
  for (let i = 0; i < 500; i++) insert.run(`synthetisch dossier ${i}`, Buffer.from([i % 256, 1, 2, 3]));
  backupVault(vault, backupFile);
  closeVault(vault);
});
afterEach(() => cleanup());

describe('backup and restore', () => {
  it('restores identical content into a new folder, opening with the same passphrase', async () => {
    const original = await unlockVault(source, pass);
    const expected = dump(original);
    closeVault(original);

    const target = join(root, 'restored');
    const restored = await restoreVault(backupFile, target, pass);
    expect(dump(restored)).toEqual(expected);
    closeVault(restored);
    closeVault(await unlockVault(target, pass));
    expect(readBackup(backupFile).header).toMatchObject({ format: 'ketenkluis-backup', version: 1, schemaVersion: latestVersion(migrations) });
  });

  it('refuses to restore into a folder that is not empty, and touches nothing there', async () => {
    const target = join(root, 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'own-file.txt'), 'keep me');
    await expectKkError(restoreVault(backupFile, target, pass), 'VAULT_EXISTS');
    expect(readdirSync(target)).toEqual(['own-file.txt']);
    await expectKkError(restoreVault(backupFile, source, pass), 'VAULT_EXISTS');
  });

  it('refuses a damaged or truncated backup with BACKUP_INVALID and creates nothing', async () => {
    const bytes = readFileSync(backupFile);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 100] = (flipped[bytes.length - 100] ?? 0) ^ 1;
    writeFileSync(join(root, 'flipped.kkbackup'), flipped);
    writeFileSync(join(root, 'short.kkbackup'), bytes.subarray(0, bytes.length - 4096));
    writeFileSync(join(root, 'other.kkbackup'), 'not a backup at all');
    for (const name of ['flipped', 'short', 'other']) {
      const target = join(root, `restore-${name}`);
      await expectKkError(restoreVault(join(root, `${name}.kkbackup`), target, pass), 'BACKUP_INVALID');
      expect(existsSync(target), name).toBe(false);
    }
  });

  it('with the wrong passphrase, restore leaves nothing behind', async () => {
    const target = join(root, 'restore-wrong');
    await expectKkError(restoreVault(backupFile, target, testPassphrase()), 'WRONG_PASSPHRASE');
    expect(existsSync(target)).toBe(false);
  });

  it('will not overwrite an existing backup file', async () => {
    const vault = await unlockVault(source, pass);
    try {
      const before = readFileSync(backupFile);
      await expectKkError(() => backupVault(vault, backupFile), 'BACKUP_EXISTS');
      expect(readFileSync(backupFile).equals(before)).toBe(true);
    } finally {
      closeVault(vault);
    }
  });

  it('refuses a backup file larger than any backup can be, before reading it', async () => {
    const huge = join(root, 'huge.kkbackup');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_BACKUP_BYTES + 1); // sparse: no disk space, no memory
    const started = Date.now();
    await expectKkError(restoreVault(huge, join(root, 'restore-huge'), pass), 'BACKUP_INVALID');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(existsSync(join(root, 'restore-huge'))).toBe(false);
    // The same check with a small cap on a real backup.
    await expectKkError(() => readBackup(backupFile, 1024), 'BACKUP_INVALID');
  });

  it('VACUUM INTO writes an encrypted copy that is owner-only from the start, even with umask 0', async () => {
    const previous = process.umask(0);
    const vault = await unlockVault(source, pass);
    try {
      const target = join(root, 'copy.db');
      vacuumInto(vault.db, target);
      expect(statSync(target).mode & 0o777).toBe(0o600);
      const copy = openEncryptedDatabase(target, vault.dataKey);
      expect(copy.prepare('SELECT count(*) AS n FROM dossier').get()).toEqual({ n: 500 });
      copy.close();
    } finally {
      closeVault(vault);
      process.umask(previous);
    }
  });
});
