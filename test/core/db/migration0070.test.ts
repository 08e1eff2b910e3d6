// Migration 0070 on vaults made before it: the partner register arrives seeded, the profile
// tables empty (so the app asks for a profile once), and everything that was there stays.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { closeVault, createVault, unlockVault, vaultPaths } from '../../../electron/core/vault/vault';
import { createCore } from '../../../electron/core/core';
import { changesOf, recordChange } from '../../../electron/core/casework/changeKinds';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { newRecordId } from '../../../electron/core/db/ids';
import { readProfile } from '../../../electron/core/profile/profile.repo';
import { partnersPolicy } from '../../../shared/partners/partners';
import { tempDir, testPassphrase } from '../vault/helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m70-')));
afterEach(() => cleanup());

const before70 = migrations.filter((m) => m.version < 70);

it('0070 adds the seeded register and an empty profile to a vault at the version before, keeping its records and change log', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
  try {
    migrate(db, before70);
    const previous = schemaVersion(db);
    expect(previous).toBeLessThan(70);
    db.prepare("INSERT INTO meta (key, value) VALUES ('m70-test', 'kept')").run();
    recordChange(db, ownerWriter(), 'client', newRecordId(), 'create', ['roepnaam']);
    const events = db.prepare('SELECT * FROM change_events ORDER BY seq').all();

    const report = migrate(db, migrations.filter((m) => m.version <= 70));
    expect(report).toEqual({ from: previous, to: 70, applied: [70] });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'm70-test'").get()).toEqual({ value: 'kept' });
    expect(db.prepare('SELECT * FROM change_events ORDER BY seq').all()).toEqual(events);

    const seeded = db.prepare('SELECT id, naam, categorie, actief, herkomst, version FROM partners ORDER BY id').all();
    expect(seeded).toEqual(
      partnersPolicy.inhoud.partners
        .map((p) => ({ id: p.id, naam: p.naam, categorie: p.categorie, actief: 1, herkomst: `register@${partnersPolicy.versie}`, version: 1 }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(readProfile(db)).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM profiel_historie').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM profiel_later').get()).toEqual({ n: 0 });
    // One profile per vault, and an active partner carries no retire date.
    const insertProfile = db.prepare("INSERT INTO profiel (id, enig, naam, functie, organisatie, regio, sleutel_publiek, sleutel_prive, version, created_at, updated_at) VALUES (?, ?, 'n', 'f', 'essm', 'rotterdam', x'00', x'00', 1, 't', 't')");
    insertProfile.run('a', 1);
    expect(() => insertProfile.run('b', 1)).toThrow(/UNIQUE/);
    expect(() => insertProfile.run('c', 2)).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE partners SET buiten_gebruik_op = '2026-01-01' WHERE id = 'om'")).toThrow(/CHECK/);
    expect(integrityOk(db)).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
});

it('a vault created before 0070 opens with the register after a verified backup, has no profile until one is made, and then records it as the writer', async () => {
  const vaultDir = join(dir, 'vault');
  const pass = testPassphrase();
  closeVault((await createVault(vaultDir, pass, { migrations: before70 })).vault);
  const migrated = await unlockVault(vaultDir, pass);
  try {
    expect(schemaVersion(migrated.db)).toBeGreaterThanOrEqual(70);
    expect((migrated.db.prepare('SELECT count(*) AS n FROM partners').get() as { n: number }).n).toBe(partnersPolicy.inhoud.partners.length);
  } finally {
    closeVault(migrated);
  }
  expect(readdirSync(vaultPaths(vaultDir).backups).filter((f) => f.startsWith('pre-migration-'))).toHaveLength(1);

  const core = createCore({ vaultDir });
  try {
    const call = async (method: string, input: unknown) => {
      const r = await core.dispatch(method as never, input);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as Record<string, unknown>;
    };
    await call('vault.unlock', { passphrase: pass });
    expect(await call('profile.get', {})).toEqual({ profiel: null, uitgesteld: false });
    const profiel = await call('profile.save', { fields: { naam: 'Testa Migratie', functie: 'riec-analist', organisatie: 'riec-haaglanden', regio: 'den-haag' } });
    const client = await call('clienten.create', { fields: { roepnaam: 'Testa' } });
    expect(changesOf(core.session.db(), 'client', client.id as string)[0]?.actor).toEqual({ kind: 'profiel', id: profiel.id });
  } finally {
    core.close();
  }
});
