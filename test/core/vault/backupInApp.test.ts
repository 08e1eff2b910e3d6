// Backup in the app (issue 13), through the core's contract on real encrypted vaults: a backup
// to a path main chose (atomic, never over a file, its time recorded), a restore into a NEW vault
// in the app's vault folder (refused over an existing vault unless it is kept aside whole; a
// damaged or foreign file or a wrong passphrase creates nothing), and replacing the recovery key
// (the old key stops opening the vault, the new one opens it).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { readBackup } from '../../../electron/core/vault/backup';
import { VAULT_FILES } from '../../../electron/core/vault/constants';
import { closeVault, recoverVault, restoreIntoVaultFolder, unlockVault, vaultPaths } from '../../../electron/core/vault/vault';
import { ROOT, expectKkError, fingerprint, tempDir, testPassphrase } from './helpers';

let root: string;
let cleanup: () => void;
let vaultDir: string;
let core: Core;
let pass: string;
let recoveryKey: string;

/** A dispatch that must succeed; returns its value. */
async function ok<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function refused(method: string, input: unknown): Promise<string> {
  const result = await core.dispatch(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? '' : result.error.code;
}

function notes(c: Core = core): string[] {
  return (c.session.db().prepare('SELECT t FROM note ORDER BY t').all() as Array<{ t: string }>).map((r) => r.t);
}

beforeEach(async () => {
  ({ dir: root, cleanup } = tempDir('kk-appbackup-'));
  vaultDir = join(root, 'vault');
  core = createCore({ vaultDir });
  pass = testPassphrase();
  ({ recoveryKey } = await ok<{ recoveryKey: string }>('vault.create', { passphrase: pass }));
  core.session.db().exec("CREATE TABLE note (t TEXT NOT NULL); INSERT INTO note VALUES ('voor de back-up')");
  await ok('settings.update', { language: 'en' });
});
afterEach(() => {
  core.close();
  cleanup();
});

describe('backup.writeFile (the path from main’s save dialog)', () => {
  it('writes one verified, owner-only backup file, leaves no temp file, and records its time', async () => {
    expect(await ok('backup.status')).toMatchObject({ laatsteBackup: null, herinnerNaDagen: 7 });
    const out = join(root, 'usb', 'ketenkluis-back-up.kkbackup');
    mkdirSync(join(root, 'usb'));
    const before = Date.now();
    const written = await ok<{ bytes: number; gemaaktOp: string }>('backup.writeFile', { path: out });
    expect(written.bytes).toBe(statSync(out).size);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(root, 'usb'))).toEqual(['ketenkluis-back-up.kkbackup']);
    expect(readBackup(out).header.createdAt).toBe(written.gemaaktOp);
    const status = await ok<{ laatsteBackup: string; kluisSinds: string }>('backup.status');
    expect(status.laatsteBackup).toBe(written.gemaaktOp);
    expect(Date.parse(status.laatsteBackup)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(status.kluisSinds)).toBeLessThanOrEqual(Date.parse(status.laatsteBackup));
  });

  it('never overwrites an existing file (BACKUP_EXISTS), and the last backup stays what it was', async () => {
    const out = join(root, 'bestaat.kkbackup');
    writeFileSync(out, 'een bestand van iemand anders');
    expect(await refused('backup.writeFile', { path: out })).toBe('BACKUP_EXISTS');
    expect(readFileSync(out, 'utf8')).toBe('een bestand van iemand anders');
    expect(await ok('backup.status')).toMatchObject({ laatsteBackup: null });
  });

  it('needs the vault unlocked, and a path that is absolute', async () => {
    expect(await refused('backup.writeFile', { path: 'relatief.kkbackup' })).toBe('INVALID_INPUT');
    await ok('vault.lock');
    expect(await refused('backup.writeFile', { path: join(root, 'dicht.kkbackup') })).toBe('VAULT_LOCKED');
    expect(await refused('backup.status', {})).toBe('VAULT_LOCKED');
    expect(existsSync(join(root, 'dicht.kkbackup'))).toBe(false);
  });

  it('keeps the reminder setting (1–365 days) in the vault, across a lock and inside its backups', async () => {
    expect(await ok('backup.setReminder', { dagen: 14 })).toMatchObject({ herinnerNaDagen: 14 });
    expect(await refused('backup.setReminder', { dagen: 0 })).toBe('INVALID_INPUT');
    expect(await refused('backup.setReminder', { dagen: 366 })).toBe('INVALID_INPUT');
    expect(await refused('backup.setReminder', { dagen: 2.5 })).toBe('INVALID_INPUT');
    await ok('vault.lock');
    expect(await refused('backup.setReminder', { dagen: 3 })).toBe('VAULT_LOCKED');
    await ok('vault.unlock', { passphrase: pass });
    expect(await ok('backup.status')).toMatchObject({ herinnerNaDagen: 14 });
    const out = join(root, 'met-herinnering.kkbackup');
    await ok('backup.writeFile', { path: out });
    const restored = await restoreIntoVaultFolder(out, join(root, 'elders'), pass, { opzij: false });
    try {
      expect(restored.vault.db.prepare("SELECT value FROM meta WHERE key = 'backup_reminder_days'").get()).toEqual({ value: '14' });
    } finally {
      closeVault(restored.vault);
    }
  });

  // A real full file system (tmpfs), as for kk seed in errorCodes.test.ts. Mounting needs root; CI runs as root.
  const mountPoint = join(ROOT, 'test-results', `backup-tmpfs-${process.pid}`);
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.runIf(canMount)('on a full disk: DISK_FULL, no file and no temp file left, the vault unchanged and the last backup not moved', async () => {
    // Enough data that the backup cannot fit in 256 KiB.
    const insert = core.session.db().prepare('INSERT INTO note VALUES (?)');
    for (let i = 0; i < 300; i++) insert.run(`synthetische regel ${i} ${createHash('sha256').update(String(i)).digest('hex').repeat(8)}`);
    mkdirSync(mountPoint, { recursive: true });
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr.toString()}`);
    try {
      const result = await core.dispatch('backup.writeFile', { path: join(mountPoint, 'vol.kkbackup') });
      expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      expect(JSON.stringify(result)).not.toContain(mountPoint);
      expect(readdirSync(mountPoint)).toEqual([]);
      expect(await ok('backup.status')).toMatchObject({ laatsteBackup: null });
      expect(notes()).toHaveLength(301);
    } finally {
      spawnSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});

describe('backup.restoreFile (the path from main’s open dialog) into a NEW vault', () => {
  let backupFile: string;
  beforeEach(async () => {
    backupFile = join(root, 'back-up.kkbackup');
    await ok('backup.writeFile', { path: backupFile });
    // Written after the backup: must not be in a restore of it.
    core.session.db().exec("INSERT INTO note VALUES ('na de back-up')");
  });

  it('on a new computer (no vault in the folder, only its settings): restores, opens it, keeps the settings', async () => {
    await ok('vault.lock');
    core.close();
    // The vault is gone (a new computer), the settings file stays.
    for (const name of readdirSync(vaultDir)) if (name !== VAULT_FILES.settings) rmSync(join(vaultDir, name), { recursive: true, force: true });
    core = createCore({ vaultDir });
    expect(await ok('vault.status')).toEqual({ exists: false, locked: true });
    expect(await ok('backup.restoreFile', { path: backupFile, passphrase: pass })).toEqual({ bewaardAls: null });
    expect(await ok('vault.status')).toEqual({ exists: true, locked: false });
    expect(notes()).toEqual(['voor de back-up']);
    expect(await ok('settings.get')).toMatchObject({ language: 'en' });
    // The restored vault knows it was backed up: at the time of the backup it came from.
    expect((await ok<{ laatsteBackup: string }>('backup.status')).laatsteBackup).toBe(readBackup(backupFile).header.createdAt);
    expect(readdirSync(root).sort()).toEqual(['back-up.kkbackup', 'vault']);
    // It is an ordinary vault now: it opens again with the backup's passphrase.
    await ok('vault.lock');
    await ok('vault.unlock', { passphrase: pass });
    expect(notes()).toEqual(['voor de back-up']);
  });

  it('refuses over an existing vault (VAULT_EXISTS) and touches nothing, not even beside it', async () => {
    await ok('vault.lock');
    const before = fingerprint(vaultDir);
    expect(await refused('backup.restoreFile', { path: backupFile, passphrase: pass })).toBe('VAULT_EXISTS');
    expect(await refused('backup.restoreFile', { path: backupFile, passphrase: pass, opzij: false })).toBe('VAULT_EXISTS');
    expect(fingerprint(vaultDir)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['back-up.kkbackup', 'vault']);
    await ok('vault.unlock', { passphrase: pass });
    expect(notes()).toEqual(['na de back-up', 'voor de back-up']);
  });

  it('refuses while a vault is open, even when asked to keep it aside', async () => {
    expect(await refused('backup.restoreFile', { path: backupFile, passphrase: pass, opzij: true })).toBe('VAULT_EXISTS');
    expect(readdirSync(root).sort()).toEqual(['back-up.kkbackup', 'vault']);
    expect(notes()).toEqual(['na de back-up', 'voor de back-up']);
  });

  it('with opzij: the existing vault is kept whole beside it (still opens), the backup is the vault now', async () => {
    await ok('vault.lock');
    const before = fingerprint(vaultDir);
    const { bewaardAls } = await ok<{ bewaardAls: string }>('backup.restoreFile', { path: backupFile, passphrase: pass, opzij: true });
    expect(bewaardAls).toMatch(/^vault-bewaard-\d{4}-\d{2}-\d{2}-\d{6}$/);
    expect(readdirSync(root).sort()).toEqual(['back-up.kkbackup', 'vault', bewaardAls]);
    expect(notes()).toEqual(['voor de back-up']);
    expect(await ok('settings.get')).toMatchObject({ language: 'en' });
    // The vault that was there: every file as it was, and it still opens with its passphrase.
    const aside = join(root, bewaardAls);
    expect(fingerprint(aside)).toEqual(before);
    const old = await unlockVault(aside, pass);
    try {
      expect((old.db.prepare('SELECT t FROM note ORDER BY t').all() as Array<{ t: string }>).map((r) => r.t)).toEqual(['na de back-up', 'voor de back-up']);
    } finally {
      closeVault(old);
    }
  });

  it.each([
    ['a flipped byte', (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === bytes.length - 100 ? b ^ 1 : b)))],
    ['a truncated file', (bytes: Buffer) => bytes.subarray(0, bytes.length - 4096)],
    ['another file', () => Buffer.from('{"format":"ketenkluis.casework","versie":1}')],
    ['an empty file', () => Buffer.alloc(0)],
  ])('refuses %s as BACKUP_INVALID and creates nothing, with or without opzij', async (_name, spoil) => {
    await ok('vault.lock');
    const spoiled = join(root, 'kapot.kkbackup');
    writeFileSync(spoiled, spoil(readFileSync(backupFile)));
    const before = fingerprint(vaultDir);
    for (const opzij of [false, true]) {
      expect(await refused('backup.restoreFile', { path: spoiled, passphrase: pass, opzij })).toBe('BACKUP_INVALID');
    }
    expect(fingerprint(vaultDir)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['back-up.kkbackup', 'kapot.kkbackup', 'vault']);
    // On a new computer too: nothing is laid into the empty folder.
    const fresh = join(root, 'nieuw');
    await expectKkError(restoreIntoVaultFolder(spoiled, fresh, pass, { opzij: false }), 'BACKUP_INVALID');
    expect(existsSync(fresh)).toBe(false);
  });

  it('refuses a backup whose key file is damaged although its checksums fit (a crafted file) as BACKUP_INVALID', async () => {
    const { header, database } = readBackup(backupFile);
    const keyFile = Buffer.from('{"format":"ketenkluis-key","version":2}');
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const forged = Buffer.from(JSON.stringify({ ...header, keyFile: { length: keyFile.length, sha256: sha(keyFile) } }));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(forged.length);
    const crafted = join(root, 'nagemaakt.kkbackup');
    writeFileSync(crafted, Buffer.concat([Buffer.from('KKBACKUP', 'latin1'), length, forged, keyFile, database]));
    const target = join(root, 'nieuw');
    await expectKkError(restoreIntoVaultFolder(crafted, target, pass, { opzij: false }), 'BACKUP_INVALID');
    expect(existsSync(target)).toBe(false);
  });

  it('with a wrong passphrase: WRONG_PASSPHRASE before anything is laid out, and the folder’s unlock count is not touched', async () => {
    await ok('vault.lock');
    const before = fingerprint(vaultDir);
    expect(await refused('backup.restoreFile', { path: backupFile, passphrase: testPassphrase(), opzij: true })).toBe('WRONG_PASSPHRASE');
    expect(fingerprint(vaultDir)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['back-up.kkbackup', 'vault']);
    const fresh = join(root, 'nieuw');
    mkdirSync(fresh);
    await expectKkError(restoreIntoVaultFolder(backupFile, fresh, testPassphrase(), { opzij: false }), 'WRONG_PASSPHRASE');
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('an unreadable path (gone, or a folder) is BACKUP_INVALID', async () => {
    await ok('vault.lock');
    expect(await refused('backup.restoreFile', { path: join(root, 'weg.kkbackup'), passphrase: pass, opzij: true })).toBe('BACKUP_INVALID');
    expect(await refused('backup.restoreFile', { path: root, passphrase: pass, opzij: true })).toBe('BACKUP_INVALID');
    expect(readdirSync(root).sort()).toEqual(['back-up.kkbackup', 'vault']);
  });
});

describe('vault.replaceRecoveryKey', () => {
  it('gives a new key once: the old key no longer opens the vault, the new one does', async () => {
    const { recoveryKey: fresh } = await ok<{ recoveryKey: string }>('vault.replaceRecoveryKey', { passphrase: pass });
    expect(fresh).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){8}$/);
    expect(fresh).not.toBe(recoveryKey);
    // The key is never stored: not in any file of the folder.
    for (const name of readdirSync(vaultDir, { recursive: true }) as string[]) {
      const path = join(vaultDir, name);
      if (statSync(path).isFile()) expect(readFileSync(path).includes(Buffer.from(fresh)), name).toBe(false);
    }
    // The data is untouched and the passphrase still opens it.
    await ok('vault.lock');
    await ok('vault.unlock', { passphrase: pass });
    expect(notes()).toEqual(['voor de back-up']);
    core.close();

    await expectKkError(recoverVault(vaultDir, recoveryKey, testPassphrase()), 'WRONG_RECOVERY_KEY');
    const next = testPassphrase();
    const recovered = await recoverVault(vaultDir, fresh, next);
    try {
      expect((recovered.db.prepare('SELECT t FROM note').all() as Array<{ t: string }>).map((r) => r.t)).toEqual(['voor de back-up']);
    } finally {
      closeVault(recovered);
    }
    closeVault(await unlockVault(vaultDir, next));
  });

  it('refuses a wrong passphrase (counted as an unlock attempt) and leaves the key file as it was', async () => {
    const keyFile = readFileSync(vaultPaths(vaultDir).keyFile);
    expect(await refused('vault.replaceRecoveryKey', { passphrase: testPassphrase() })).toBe('WRONG_PASSPHRASE');
    expect(readFileSync(vaultPaths(vaultDir).keyFile)).toEqual(keyFile);
    expect(JSON.parse(readFileSync(join(vaultDir, VAULT_FILES.unlockAttempts), 'utf8'))).toMatchObject({ failures: 1 });
    core.close();
    closeVault(await recoverVault(vaultDir, recoveryKey, testPassphrase()));
  });

  it('needs the vault unlocked', async () => {
    await ok('vault.lock');
    expect(await refused('vault.replaceRecoveryKey', { passphrase: pass })).toBe('VAULT_LOCKED');
  });

  it('a backup made before keeps the key of its time: the old recovery key opens a restore of it', async () => {
    const before = join(root, 'van-voor.kkbackup');
    await ok('backup.writeFile', { path: before });
    await ok('vault.replaceRecoveryKey', { passphrase: pass });
    const restoredDir = join(root, 'teruggezet');
    closeVault((await restoreIntoVaultFolder(before, restoredDir, pass, { opzij: false })).vault);
    closeVault(await recoverVault(restoredDir, recoveryKey, testPassphrase()));
  });
});
