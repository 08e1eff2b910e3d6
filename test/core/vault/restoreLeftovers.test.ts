// What a restore leaves when a crash interrupts it (issue 13): its own folders beside the vault
// folder, `<folder>.terugzetten-<hex>` (laid out, being checked) and `….klaar` (checked). At the
// core's next start, and before the next restore, they are finished or removed, and nothing else
// is ever touched: not the vault, not a kept-aside `-bewaard-` folder, not a look-alike folder.
import { existsSync, mkdirSync, readdirSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { cleanRestoreLeftovers, RESTORE_STAGING_MIN_AGE_MS } from '../../../electron/core/vault/leftovers';
import { closeVault, restoreIntoVaultFolder, restoreVault, unlockVault } from '../../../electron/core/vault/vault';
import { fingerprint, tempDir, testPassphrase } from './helpers';

let root: string;
let cleanup: () => void;
let vaultDir: string;
let pass: string;
let backupFile: string;

async function ok<T = Record<string, unknown>>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}`);
  return result.value as T;
}

/** Sets the mtime of `dir` and everything in it `ms` back: a folder nobody wrote to for that long. */
function age(dir: string, ms: number): void {
  const when = new Date(Date.now() - ms);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) utimesSync(join(dir, name), when, when);
  utimesSync(dir, when, when);
}

/** A restore folder as a crash leaves it while laying out: a partial database and the key file. */
function crashedWhileLayingOut(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'ketenkluis.key'), '{"half":');
  writeFileSync(join(dir, 'ketenkluis.db'), Buffer.alloc(4096, 7));
  return dir;
}

async function notes(dir: string, passphrase: string): Promise<string[]> {
  const v = await unlockVault(dir, passphrase);
  try {
    return (v.db.prepare('SELECT t FROM note ORDER BY t').all() as Array<{ t: string }>).map((r) => r.t);
  } finally {
    closeVault(v);
  }
}

beforeEach(async () => {
  ({ dir: root, cleanup } = tempDir('kk-restoreleft-'));
  vaultDir = join(root, 'vault');
  pass = testPassphrase();
  const core = createCore({ vaultDir });
  await ok(core, 'vault.create', { passphrase: pass });
  core.session.db().exec("CREATE TABLE note (t TEXT NOT NULL); INSERT INTO note VALUES ('in de back-up')");
  backupFile = join(root, 'kluis.kkbackup');
  await ok(core, 'backup.writeFile', { path: backupFile });
  core.session.db().exec("INSERT INTO note VALUES ('na de back-up')");
  core.close();
});
afterEach(() => cleanup());

describe('a restore interrupted by a crash', () => {
  it('while laying out or checking: at the next start the folder is removed, the vault untouched', async () => {
    const leftover = crashedWhileLayingOut('vault.terugzetten-0123456789ab');
    age(leftover, RESTORE_STAGING_MIN_AGE_MS + 60_000);
    // Look-alikes that are not ours, and the folder of a vault kept aside: never touched.
    const aside = join(root, 'vault-bewaard-2026-01-02-030405');
    mkdirSync(aside);
    writeFileSync(join(aside, 'ketenkluis.db'), 'oude kluis');
    const notHex = crashedWhileLayingOut('vault.terugzetten-niet-van-ons');
    const otherVault = crashedWhileLayingOut('vault2.terugzetten-0123456789ab');
    const withLink = crashedWhileLayingOut('vault.terugzetten-aaaaaaaaaaaa');
    symlinkSync(join(root, 'vault'), join(withLink, 'link'));
    for (const d of [aside, notHex, otherVault, withLink]) age(d, RESTORE_STAGING_MIN_AGE_MS + 60_000);
    const vaultBefore = fingerprint(vaultDir);

    const core = createCore({ vaultDir });
    core.close();

    expect(existsSync(leftover)).toBe(false);
    for (const d of [aside, notHex, otherVault, withLink]) expect(existsSync(d), d).toBe(true);
    expect(fingerprint(vaultDir)).toEqual(vaultBefore);
    expect(await notes(vaultDir, pass)).toEqual(['in de back-up', 'na de back-up']);
  });

  it('a restore folder written to a moment ago may belong to a restore still running: it stays', () => {
    const fresh = crashedWhileLayingOut('vault.terugzetten-fedcba987654');
    expect(cleanRestoreLeftovers(vaultDir)).toMatchObject({ removed: 0, completed: false });
    expect(existsSync(fresh)).toBe(true);
    age(fresh, RESTORE_STAGING_MIN_AGE_MS + 1000);
    expect(cleanRestoreLeftovers(vaultDir)).toMatchObject({ removed: 1 });
    expect(existsSync(fresh)).toBe(false);
  });

  it('between moving the old vault aside and the checked one in: the next start finishes the restore', async () => {
    // The state on disk of that moment: the checked restore as `.klaar`, the old vault aside, no vault folder.
    const klaar = join(root, 'vault.terugzetten-00112233aabb.klaar');
    closeVault(await restoreVault(backupFile, klaar, pass));
    const aside = join(root, 'vault-bewaard-2026-12-03-101010');
    renameSync(vaultDir, aside);
    const asideBefore = fingerprint(aside);

    const core = createCore({ vaultDir });
    expect(await ok(core, 'vault.status')).toMatchObject({ exists: true, locked: true });
    core.close();

    expect(existsSync(klaar)).toBe(false);
    expect(await notes(vaultDir, pass)).toEqual(['in de back-up']);
    // The old vault stays whole where it was kept.
    expect(fingerprint(aside)).toEqual(asideBefore);
    expect(await notes(aside, pass)).toEqual(['in de back-up', 'na de back-up']);
  });

  it('with no vault and only an unchecked restore folder, nothing is guessed: it stays for a person to look at', () => {
    const aside = join(root, 'vault-bewaard-2026-12-03-101010');
    renameSync(vaultDir, aside);
    const leftover = crashedWhileLayingOut('vault.terugzetten-0123456789ab');
    age(leftover, RESTORE_STAGING_MIN_AGE_MS + 60_000);
    expect(cleanRestoreLeftovers(vaultDir)).toEqual({ removed: 0, completed: false, leftAlone: 0 });
    expect(existsSync(leftover)).toBe(true);
    expect(existsSync(vaultDir)).toBe(false);
  });

  it('the next restore clears an old leftover first, and leaves no restore folder of its own', async () => {
    const leftover = crashedWhileLayingOut('vault.terugzetten-0123456789ab');
    age(leftover, RESTORE_STAGING_MIN_AGE_MS + 60_000);
    const restored = await restoreIntoVaultFolder(backupFile, vaultDir, pass, { opzij: true });
    closeVault(restored.vault);
    expect(readdirSync(root).filter((n) => n.includes('terugzetten'))).toEqual([]);
    expect(restored.bewaardAls).toMatch(/^vault-bewaard-/);
    expect(await notes(vaultDir, pass)).toEqual(['in de back-up']);
  });
});
