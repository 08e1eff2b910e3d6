import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../../electron/core/db/migration';
import { migrations } from '../../../electron/core/db/migrations';
import { closeVault, createVault, unlockVault, vaultPaths } from '../../../electron/core/vault/vault';
import { expectKkError, tempDir, testPassphrase } from './helpers';

let dir: string;
let cleanup: () => void;
let passphrase: string;
let dbPath: string;

/** A vault with enough rows for several hundred pages, so a page in the middle can be damaged. */
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  passphrase = testPassphrase();
  const { vault } = await createVault(dir, passphrase);
  vault.db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = vault.db.prepare('INSERT INTO filler (body) VALUES (?)');
  vault.db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`synthetic row ${i} `.repeat(20));
  })();
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  closeVault(vault);
  dbPath = vaultPaths(dir).database;
});
afterEach(() => cleanup());

function hashDir(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

function damage(offset: number, length: number): void {
  const bytes = readFileSync(dbPath);
  for (let i = offset; i < offset + length; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
  writeFileSync(dbPath, bytes);
}

describe('a damaged or foreign database is refused, never opened half', () => {
  it('refuses a corrupted header page with DB_CORRUPT', async () => {
    damage(16, 200); // past the salt: inside page 1's encrypted content
    await expectKkError(unlockVault(dir, passphrase), 'DB_CORRUPT');
  });

  it('refuses a corrupted page in the middle with DB_CORRUPT (every page is authenticated)', async () => {
    const pages = statSync(dbPath).size / 4096;
    expect(pages).toBeGreaterThan(50);
    damage(Math.floor(pages / 2) * 4096 + 1000, 8);
    await expectKkError(unlockVault(dir, passphrase), 'DB_CORRUPT');
  });

  it('refuses a truncated file with DB_CORRUPT, at a page boundary or not', async () => {
    const size = statSync(dbPath).size;
    truncateSync(dbPath, size - 1000);
    await expectKkError(unlockVault(dir, passphrase), 'DB_CORRUPT');
    truncateSync(dbPath, Math.floor(size / 2 / 4096) * 4096);
    await expectKkError(unlockVault(dir, passphrase), 'DB_CORRUPT');
    truncateSync(dbPath, 0);
    await expectKkError(unlockVault(dir, passphrase), 'DB_CORRUPT');
  });

  it('refuses a plaintext SQLite file in place of the vault with NOT_SQLCIPHER', async () => {
    rmSync(dbPath);
    const plain = new Database(dbPath);
    plain.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('plain')");
    plain.close();
    await expectKkError(unlockVault(dir, passphrase), 'NOT_SQLCIPHER');
  });

  it('refuses a vault from a newer version with SCHEMA_TOO_NEW and leaves every file as it was', async () => {
    const future: Migration = { version: 990, name: 'from the future', up: (db) => db.exec('CREATE TABLE future (x)') };
    closeVault(await unlockVault(dir, passphrase, { migrations: [...migrations, future] }));
    const before = hashDir();
    await expectKkError(unlockVault(dir, passphrase), 'SCHEMA_TOO_NEW');
    expect(hashDir()).toEqual(before);
    // And the newer program still opens it.
    closeVault(await unlockVault(dir, passphrase, { migrations: [...migrations, future] }));
  });
});
