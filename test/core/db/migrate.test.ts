import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion, migrate, schemaVersion } from '../../../electron/core/db/migrate';
import type { Migration } from '../../../electron/core/db/migration';
import { migrations } from '../../../electron/core/db/migrations';
import { foundation } from '../../../electron/core/db/migrations/0010_foundation';
import { readBackup } from '../../../electron/core/vault/backup';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { closeVault, createVault, restoreVault, unlockVault } from '../../../electron/core/vault/vault';
import { expectKkError, tempDir, testPassphrase } from '../vault/helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-migrate-')));
afterEach(() => cleanup());

function freshDb() {
  return openEncryptedDatabase(join(dir, `m-${randomBytes(4).toString('hex')}.db`), randomBytes(32), { create: true });
}

const tableNames = (db: ReturnType<typeof freshDb>) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

describe('migration list', () => {
  it('is numbered in steps of 10, in order, with names', () => {
    expect(migrations.length).toBeGreaterThan(0);
    migrations.forEach((m, i) => {
      expect(m.version).toBe((i + 1) * 10);
      expect(m.name).toMatch(/\S/);
    });
  });

  it.each(migrations.map((m) => [m.version, m.name, m] as const))('migration %i (%s) applies on top of the previous ones and leaves an intact database', (version, _name, m) => {
    const db = freshDb();
    try {
      migrate(db, migrations.filter((x) => x.version < version));
      const before = tableNames(db);
      const report = migrate(db, migrations.filter((x) => x.version <= m.version));
      expect(report.applied).toEqual([version]);
      expect(schemaVersion(db)).toBe(version);
      expect(tableNames(db).length).toBeGreaterThanOrEqual(before.length);
      expect(integrityOk(db)).toBe(true);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('0010 creates the meta table describing the vault, and nothing else', () => {
    const db = freshDb();
    try {
      migrate(db, [foundation]);
      expect(tableNames(db)).toEqual(['meta']);
      expect(db.prepare("SELECT value FROM meta WHERE key = 'schema'").get()).toEqual({ value: 'ketenkluis' });
    } finally {
      db.close();
    }
  });
});

describe('migrate', () => {
  it('rolls a failing migration back completely: no half schema, version unchanged', () => {
    const db = freshDb();
    try {
      migrate(db, [foundation]);
      const broken: Migration = {
        version: 20,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE half_done (x)');
          d.exec("INSERT INTO meta (key, value) VALUES ('half', 'yes')");
          throw new Error('migration failed on purpose');
        },
      };
      expect(() => migrate(db, [foundation, broken])).toThrow('on purpose');
      expect(schemaVersion(db)).toBe(10);
      expect(tableNames(db)).toEqual(['meta']);
      expect(db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'half'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('applies later migrations after an earlier one succeeded, and stops at the first failure', () => {
    const db = freshDb();
    try {
      const ok20: Migration = { version: 20, name: 'ok', up: (d) => d.exec('CREATE TABLE t20 (x)') };
      const bad30: Migration = { version: 30, name: 'bad', up: () => { throw new Error('stop'); } };
      expect(() => migrate(db, [foundation, ok20, bad30])).toThrow('stop');
      expect(schemaVersion(db)).toBe(20);
      expect(tableNames(db)).toEqual(['meta', 't20']);
    } finally {
      db.close();
    }
  });

  it('refuses a database newer than the list with SCHEMA_TOO_NEW, without changing it', async () => {
    const db = freshDb();
    try {
      db.pragma('user_version = 990');
      await expectKkError(() => migrate(db, migrations), 'SCHEMA_TOO_NEW');
      expect(schemaVersion(db)).toBe(990);
    } finally {
      db.close();
    }
  });

  it('refuses a list out of order', async () => {
    const db = freshDb();
    try {
      const m20: Migration = { version: 20, name: 'b', up: () => undefined };
      await expectKkError(() => migrate(db, [m20, foundation]), 'INTERNAL');
      expect(schemaVersion(db)).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('verified backup before migrating an existing vault', () => {
  it('writes a backup of the old version first, which restores to the old schema', async () => {
    const pass = testPassphrase();
    const vaultDir = join(dir, 'vault');
    const { vault } = await createVault(vaultDir, pass, { migrations: [foundation] });
    vault.db.exec("CREATE TABLE note (t TEXT); INSERT INTO note VALUES ('before migrating')");
    closeVault(vault);
    // A brand-new vault needs no backup.
    expect(existsSync(join(vaultDir, 'backups'))).toBe(false);

    const next: Migration = { version: 20, name: 'next', up: (d) => d.exec('ALTER TABLE note ADD COLUMN extra TEXT') };
    const migrated = await unlockVault(vaultDir, pass, { migrations: [foundation, next] });
    expect(schemaVersion(migrated.db)).toBe(20);
    closeVault(migrated);

    const backups = readdirSync(join(vaultDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^pre-migration-v10-to-v20-.*\.kkbackup$/);
    const file = join(vaultDir, 'backups', backups[0] ?? '');
    expect(readBackup(file).header.schemaVersion).toBe(10);
    const restored = await restoreVault(file, join(dir, 'restored'), pass, { migrations: [foundation] });
    expect(schemaVersion(restored.db)).toBe(10);
    expect(restored.db.prepare('SELECT * FROM note').all()).toEqual([{ t: 'before migrating' }]);
    closeVault(restored);
  });

  it('a failing migration leaves the vault at its old version, with the backup beside it', async () => {
    const pass = testPassphrase();
    const vaultDir = join(dir, 'vault');
    closeVault((await createVault(vaultDir, pass, { migrations: [foundation] })).vault);
    const bad: Migration = { version: 20, name: 'bad', up: () => { throw new Error('bad migration'); } };
    await expectKkError(unlockVault(vaultDir, pass, { migrations: [foundation, bad] }), 'INTERNAL');
    const v = await unlockVault(vaultDir, pass, { migrations: [foundation] });
    expect(schemaVersion(v.db)).toBe(10);
    closeVault(v);
    expect(readdirSync(join(vaultDir, 'backups'))).toHaveLength(1);
  });
});

it('latestVersion is the highest version', () => {
  expect(latestVersion(migrations)).toBe(migrations.at(-1)?.version);
  expect(latestVersion([])).toBe(0);
});
