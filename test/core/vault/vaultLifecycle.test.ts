import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { VAULT_FILES } from '../../../electron/core/vault/constants';
import { readKeyFile } from '../../../electron/core/vault/keyFile';
import {
  changePassphrase,
  closeVault,
  createVault,
  recoverVault,
  unlockVault,
  vaultPaths,
  type OpenVault,
} from '../../../electron/core/vault/vault';
import { expectKkError, tempDir, testPassphrase } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  dir = join(dir, 'vault');
});
afterEach(() => cleanup());

function insertNote(db: OpenVault['db'], text: string) {
  db.exec('CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  db.prepare('INSERT INTO note (text) VALUES (?)').run(text);
}

describe('vault life cycle', () => {
  it('creates, locks and unlocks with the same content', async () => {
    const passphrase = testPassphrase();
    const { vault, recoveryKey } = await createVault(dir, passphrase);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
    insertNote(vault.db, 'synthetic note one');
    closeVault(vault);

    const again = await unlockVault(dir, passphrase);
    expect(again.db.prepare('SELECT text FROM note').all()).toEqual([{ text: 'synthetic note one' }]);
    expect(again.db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(again.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(again.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(again.db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(again.db.pragma('cache_size', { simple: true })).toBe(-128 * 1024);
    expect(again.db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(again.db.pragma('wal_autocheckpoint', { simple: true })).toBe(8192);
    expect(again.db.pragma('locking_mode', { simple: true })).toBe('exclusive');
    const meta = again.db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").get() as { value: string };
    expect(meta.value).toBe(readKeyFile(vaultPaths(dir).keyFile).vaultId);
    closeVault(again);
  });

  it('lock closes the database and zeroes the data key', async () => {
    const { vault } = await createVault(dir, testPassphrase());
    expect(vault.dataKey.some((b) => b !== 0)).toBe(true);
    closeVault(vault);
    expect(vault.db.open).toBe(false);
    expect(vault.dataKey.every((b) => b === 0)).toBe(true);
  });

  it('keeps vault files readable by the owner only, and stores no key in the clear', async () => {
    const passphrase = testPassphrase();
    const { vault } = await createVault(dir, passphrase);
    const dataKey = Buffer.from(vault.dataKey);
    insertNote(vault.db, 'x');
    closeVault(vault);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o077, name).toBe(0);
    const keyFileText = readFileSync(vaultPaths(dir).keyFile, 'utf8');
    expect(keyFileText).not.toContain(passphrase);
    expect(keyFileText).not.toContain(dataKey.toString('hex'));
    expect(keyFileText).not.toContain(dataKey.toString('base64'));
    const kf = readKeyFile(vaultPaths(dir).keyFile);
    expect(kf.passphrase).toMatchObject({ kdf: 'argon2id', memoryKiB: 65536, passes: 3, parallelism: 4 });
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const passphrase = testPassphrase();
    const { vault } = await createVault(dir, passphrase);
    insertNote(vault.db, 'kept');
    closeVault(vault);
    const before = readFileSync(vaultPaths(dir).database);
    await expectKkError(unlockVault(dir, testPassphrase()), 'WRONG_PASSPHRASE');
    expect(readFileSync(vaultPaths(dir).database).equals(before)).toBe(true);
    const ok = await unlockVault(dir, passphrase);
    expect(ok.db.prepare('SELECT count(*) AS n FROM note').get()).toEqual({ n: 1 });
    closeVault(ok);
  });

  it('changes the passphrase: the old one is refused, the new one opens the same data', async () => {
    const oldPass = testPassphrase();
    const newPass = testPassphrase();
    const { vault } = await createVault(dir, oldPass);
    insertNote(vault.db, 'same data');
    closeVault(vault);
    await changePassphrase(dir, oldPass, newPass);
    await expectKkError(unlockVault(dir, oldPass), 'WRONG_PASSPHRASE');
    const v = await unlockVault(dir, newPass);
    expect(v.db.prepare('SELECT text FROM note').get()).toEqual({ text: 'same data' });
    closeVault(v);
  });

  it('refuses a passphrase change with the wrong current passphrase or a weak new one', async () => {
    const pass = testPassphrase();
    closeVault((await createVault(dir, pass)).vault);
    const keyBefore = readFileSync(vaultPaths(dir).keyFile);
    await expectKkError(changePassphrase(dir, testPassphrase(), testPassphrase()), 'WRONG_PASSPHRASE');
    const weak = await expectKkError(changePassphrase(dir, pass, 'aaaaaaaaaaaa'), 'WEAK_PASSPHRASE');
    expect(weak.issues?.map((i) => i.message)).toContain('repeated');
    expect(readFileSync(vaultPaths(dir).keyFile).equals(keyBefore)).toBe(true);
  });

  it('recovers with the recovery key and sets a new passphrase; a wrong recovery key is refused', async () => {
    const oldPass = testPassphrase();
    const { vault, recoveryKey } = await createVault(dir, oldPass);
    insertNote(vault.db, 'recovered data');
    closeVault(vault);

    // A typo is caught by the check group; a valid-looking key of another vault by the GCM tag.
    const typo = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await expectKkError(recoverVault(dir, typo, testPassphrase()), 'WRONG_RECOVERY_KEY');
    const otherDir = join(dir, '..', 'other');
    const other = await createVault(otherDir, testPassphrase());
    closeVault(other.vault);
    await expectKkError(recoverVault(dir, other.recoveryKey, testPassphrase()), 'WRONG_RECOVERY_KEY');

    const newPass = testPassphrase();
    // People type keys in lower case, with spaces, and read 0 as O.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    const recovered = await recoverVault(dir, typed, newPass);
    expect(recovered.db.prepare('SELECT text FROM note').get()).toEqual({ text: 'recovered data' });
    closeVault(recovered);
    await expectKkError(unlockVault(dir, oldPass), 'WRONG_PASSPHRASE');
    closeVault(await unlockVault(dir, newPass));
    // The recovery key stays valid after use.
    closeVault(await recoverVault(dir, recoveryKey, testPassphrase()));
  });

  it('reports a missing key file as KEYFILE_MISSING and a damaged one as KEYFILE_DAMAGED', async () => {
    const pass = testPassphrase();
    closeVault((await createVault(dir, pass)).vault);
    const keyPath = vaultPaths(dir).keyFile;
    const keyBytes = readFileSync(keyPath);
    rmSync(keyPath);
    await expectKkError(unlockVault(dir, pass), 'KEYFILE_MISSING');
    writeFileSync(keyPath, keyBytes.subarray(0, 100));
    await expectKkError(unlockVault(dir, pass), 'KEYFILE_DAMAGED');
    // A key file that asks for a weaker KDF is refused, not obeyed.
    const weakened = JSON.parse(keyBytes.toString('utf8'));
    weakened.passphrase.memoryKiB = 1024;
    writeFileSync(keyPath, JSON.stringify(weakened));
    await expectKkError(unlockVault(dir, pass), 'KEYFILE_DAMAGED');
    writeFileSync(keyPath, keyBytes);
    closeVault(await unlockVault(dir, pass));
  });

  it('refuses to create over an existing vault, and to unlock where there is none', async () => {
    const pass = testPassphrase();
    closeVault((await createVault(dir, pass)).vault);
    const before = readFileSync(vaultPaths(dir).keyFile);
    await expectKkError(createVault(dir, testPassphrase()), 'VAULT_EXISTS');
    expect(readFileSync(vaultPaths(dir).keyFile).equals(before)).toBe(true);
    await expectKkError(unlockVault(join(dir, '..', 'nothing-here'), pass), 'VAULT_NOT_FOUND');
  });

  it('refuses a weak passphrase at creation and creates nothing', async () => {
    const error = await expectKkError(createVault(dir, 'Zq1!Zq1!Zq1!'), 'WEAK_PASSPHRASE');
    expect(error.message).not.toContain('Zq1');
    expect(error.issues).toEqual([{ path: 'passphrase', message: 'repeated' }]);
    expect(existsSync(join(dir, VAULT_FILES.keyFile))).toBe(false);
    expect(existsSync(join(dir, VAULT_FILES.database))).toBe(false);
  });
});

describe('vault file permissions', () => {
  let previousUmask: number;
  beforeEach(() => {
    // The most permissive umask: whatever is private now is private by our own doing.
    previousUmask = process.umask(0);
  });
  afterEach(() => {
    process.umask(previousUmask);
  });

  it('makes the database and its WAL owner-only from the start, even with umask 0', async () => {
    const { vault } = await createVault(dir, testPassphrase());
    try {
      insertNote(vault.db, 'x');
      const wal = `${vaultPaths(dir).database}-wal`;
      expect(existsSync(wal)).toBe(true);
      for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).mode & 0o777, file).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      closeVault(vault);
    }
  });

  it('a new database file and its WAL are 0600 as SQLite opens them, with no chmod needed', () => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'fresh.db');
    const key = randomBytes(32);
    const db = openEncryptedDatabase(path, key, { create: true });
    try {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    } finally {
      db.close();
      key.fill(0);
    }
  });

  it('narrows an existing, open vault folder to 0700 on create', async () => {
    mkdirSync(dir, { mode: 0o777 });
    chmodSync(dir, 0o777);
    closeVault((await createVault(dir, testPassphrase())).vault);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});

describe('leftovers of a crash', () => {
  it('are swept when the vault opens: stale snapshots and temp files, by our own name patterns only', async () => {
    const pass = testPassphrase();
    closeVault((await createVault(dir, pass)).vault);
    const old = new Date(Date.now() - 3600_000);
    const stale = [
      '.snapshot-0123456789ab.db',
      '.snapshot-0123456789ab.db-wal',
      '.settings.json.a1b2c3d4e5f6.tmp',
      '.ketenkluis.key.a1b2c3d4e5f6.tmp',
      '.unlock-attempts.json.a1b2c3d4e5f6.tmp',
    ];
    const kept = ['.snapshot-notours.db', 'notes.txt', '.other.file.a1b2c3d4e5f6.tmp', 'snapshot-0123456789ab.db'];
    for (const name of [...stale, ...kept]) {
      writeFileSync(join(dir, name), 'synthetic leftover');
      utimesSync(join(dir, name), old, old);
    }
    // A temp file that is seconds old may be another process's write in progress: left alone.
    const fresh = '.settings.json.ffffffffffff.tmp';
    writeFileSync(join(dir, fresh), 'in progress');
    mkdirSync(join(dir, 'backups'), { recursive: true });
    const backupTemp = '.pre-migration-v0-to-v20-2026-01-01T00-00-00-000Z.kkbackup.0123456789ab.tmp';
    writeFileSync(join(dir, 'backups', backupTemp), 'x');
    utimesSync(join(dir, 'backups', backupTemp), old, old);

    const vault = await unlockVault(dir, pass);
    try {
      for (const name of stale) expect(existsSync(join(dir, name)), name).toBe(false);
      for (const name of [...kept, fresh]) expect(existsSync(join(dir, name)), name).toBe(true);
      expect(existsSync(join(dir, 'backups', backupTemp))).toBe(false);
      expect(existsSync(vaultPaths(dir).database)).toBe(true);
    } finally {
      closeVault(vault);
    }
  });
});
