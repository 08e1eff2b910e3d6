// Creating a vault never destroys one (issue 9): an unreadable folder is not "no vault", the key
// file and database are created exclusively, a failed create removes only its own files, and two
// creates at once leave exactly one working vault. Permission cases run as a non-root user.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../../electron/core/db/migration';
import { readKeyFile, unwrapWithRecoveryKey } from '../../../electron/core/vault/keyFile';
import { parseRecoveryKey } from '../../../electron/core/vault/recoveryKey';
import { createFileExclusive, createPrivateFile } from '../../../electron/core/vault/safeFs';
import { openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { closeVault, createVault, unlockVault, vaultPaths } from '../../../electron/core/vault/vault';
import { CHILD_USER, ROOT, expectKkError, giveToChildUser, lastJson, runAsChildUser, tempDir, testPassphrase } from './helpers';

const CHILD = join(ROOT, 'test/core/vault/fixtures/vaultRaceChild.ts');
const KK = join(ROOT, 'electron/core/cli/kk.ts');

let root: string;
let cleanup: () => void;
beforeEach(() => ({ dir: root, cleanup } = tempDir('kk-create-')));
afterEach(() => {
  if (existsSync(join(root, 'vault'))) chmodSync(join(root, 'vault'), 0o700);
  cleanup();
});

/** The bytes of the vault's key file and database, to prove nothing changed. */
function snapshot(dir: string) {
  const p = vaultPaths(dir);
  return { key: readFileSync(p.keyFile), db: readFileSync(p.database) };
}

describe('a vault folder that cannot be read is never "no vault"', () => {
  it(`status, create (kluis and app) and kk vault init refuse with VAULT_UNREADABLE and change nothing (as ${CHILD_USER ? 'nobody' : 'this user'})`, { timeout: 120_000 }, async () => {
    const dir = join(root, 'vault');
    const pass = testPassphrase();
    closeVault((await createVault(dir, pass)).vault);
    const before = snapshot(dir);
    giveToChildUser(root);
    chmodSync(dir, 0o600); // the owner may not search it: every stat inside is EACCES

    const status = await runAsChildUser(CHILD, ['status', dir]);
    expect(lastJson(status.stdout), status.stderr).toEqual({ code: 'VAULT_UNREADABLE' });
    const create = await runAsChildUser(CHILD, ['create', dir], { KK_PASSPHRASE: testPassphrase() });
    expect(lastJson(create.stdout), create.stderr).toEqual({ code: 'VAULT_UNREADABLE' });
    const app = await runAsChildUser(CHILD, ['app', dir], { KK_PASSPHRASE: testPassphrase() });
    expect(lastJson(app.stdout), app.stderr).toMatchObject({
      status: { ok: false, error: { code: 'VAULT_UNREADABLE' } },
      create: { ok: false, error: { code: 'VAULT_UNREADABLE' } },
    });
    const kk = await runAsChildUser(KK, ['vault', 'init', '--dir', dir], { KK_PASSPHRASE: testPassphrase(), KK_LANG: 'nl' });
    expect(kk.status).toBe(1);
    expect(kk.stderr).toContain('De map van de kluis kan niet gelezen worden');
    expect(kk.stderr).toContain('[VAULT_UNREADABLE]');
    expect(kk.stdout).not.toContain('Kluis gemaakt');

    chmodSync(dir, 0o700);
    expect(snapshot(dir)).toEqual(before);
    closeVault(await unlockVault(dir, pass));
  });
});

describe('creating never replaces an existing file', () => {
  it('createFileExclusive leaves an existing file as it was and reports false', () => {
    const path = join(root, 'ketenkluis.key');
    writeFileSync(path, 'existing');
    expect(createFileExclusive(path, 'new')).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('existing');
    expect(createFileExclusive(join(root, 'other'), 'new')).toBe(true);
  });

  it('opening a database "as new" refuses a file that already holds data (VAULT_EXISTS)', async () => {
    const dir = join(root, 'vault');
    closeVault((await createVault(dir, testPassphrase())).vault);
    const before = readFileSync(vaultPaths(dir).database);
    await expectKkError(() => openEncryptedDatabase(vaultPaths(dir).database, Buffer.alloc(32, 1), { create: true }), 'VAULT_EXISTS');
    expect(readFileSync(vaultPaths(dir).database).equals(before)).toBe(true);
    // And the fresh-file path still works on a file made by createPrivateFile.
    const fresh = join(root, 'fresh.db');
    createPrivateFile(fresh);
    openEncryptedDatabase(fresh, Buffer.alloc(32, 2), { create: true }).close();
  });

  it('a WAL left by an earlier vault is VAULT_EXISTS and survives the refused create', async () => {
    const dir = join(root, 'vault');
    mkdirSync(dir, { mode: 0o700 });
    // Only the WAL is left (the database file went missing): its writes must not be thrown away.
    const wal = randomBytes(8192);
    writeFileSync(`${vaultPaths(dir).database}-wal`, wal);
    await expectKkError(createVault(dir, testPassphrase()), 'VAULT_EXISTS');
    expect(readFileSync(`${vaultPaths(dir).database}-wal`).equals(wal)).toBe(true);
    expect(existsSync(vaultPaths(dir).keyFile)).toBe(false);
    expect(existsSync(vaultPaths(dir).database)).toBe(false);
  });

  it('a create that fails half-way removes its own files only, never a file that was there', async () => {
    const dir = join(root, 'vault');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'settings.json'), '{"language":"nl"}');
    const failing: Migration[] = [
      {
        version: 10,
        name: 'boom',
        up: () => {
          throw new Error('migration failed');
        },
      },
    ];
    await expectKkError(createVault(dir, testPassphrase(), { migrations: failing }), 'INTERNAL');
    expect(existsSync(vaultPaths(dir).keyFile)).toBe(false);
    expect(existsSync(vaultPaths(dir).database)).toBe(false);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{"language":"nl"}');
  });
});

describe('two creates at once', () => {
  const ROUNDS = 3;
  it(`leave exactly one working vault and a clear refusal, ${ROUNDS} rounds of two processes`, { timeout: 240_000 }, async () => {
    giveToChildUser(root);
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(root, `race-${round}`);
      const passes = [testPassphrase(), testPassphrase()];
      let ready = 0;
      const children: ChildProcess[] = [];
      const startAll = () => {
        if (++ready === passes.length) for (const c of children) c.stdin?.write('go\n');
      };
      const runs = passes.map((pass) =>
        runAsChildUser(CHILD, ['race-create', dir], { KK_PASSPHRASE: pass }, (child) => {
          children.push(child);
          child.stdout?.on('data', (d: Buffer) => {
            if (d.toString().includes('ready')) startAll();
          });
        }),
      );
      const results = (await Promise.all(runs)).map((r) => lastJson<{ ok?: true; recoveryKey?: string; code?: string }>(r.stdout));
      const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
      expect(winners, `round ${round}: ${JSON.stringify(results.map((r) => r.code ?? 'ok'))}`).toHaveLength(1);
      const winner = winners[0]!;
      const loser = results[1 - winner]!;
      expect(['VAULT_EXISTS', 'VAULT_IN_USE']).toContain(loser.code);
      // The folder holds the winner's vault: their passphrase opens it, their recovery key unwraps it.
      closeVault(await unlockVault(dir, passes[winner]!));
      const recovery = parseRecoveryKey(results[winner]!.recoveryKey!);
      unwrapWithRecoveryKey(readKeyFile(vaultPaths(dir).keyFile), recovery).fill(0);
      await expectKkError(unlockVault(dir, passes[1 - winner]!), 'WRONG_PASSPHRASE');
    }
  });
});
