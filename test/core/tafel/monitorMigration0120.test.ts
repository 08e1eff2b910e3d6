// Migration 0120 on a vault made before it: tafel mode's tables appear empty, the release ledger
// is untouched, and the triggers keep what must never change.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { tempDir } from '../vault/helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m120-')));
afterEach(() => cleanup());

it('0120 adds empty tafel-mode tables to a vault at 0110, keeping its releases; bytes never change, a used key is never deleted, seen ids never go', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
  try {
    migrate(db, migrations.filter((m) => m.version < 120));
    expect(schemaVersion(db)).toBe(110);
    db.prepare("INSERT INTO tafel_vrijgaven (id, volgnummer, jaar, kwartaal, verbetert, vrijgave, bestand_hash, gemaakt_op) VALUES ('r1', 1, 2025, 1, NULL, '{}', 'h', '2026-01-01T00:00:00Z')").run();
    const releases = db.prepare('SELECT * FROM tafel_vrijgaven').all();

    expect(migrate(db, migrations.filter((m) => m.version <= 120))).toMatchObject({ from: 110, applied: [120] });
    expect(db.prepare('SELECT * FROM tafel_vrijgaven').all()).toEqual(releases);
    for (const t of ['tafel_ondertekenaars', 'tafel_ontvangen', 'tafel_gezien']) expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });

    const T = '2026-01-01T00:00:00Z';
    db.prepare("INSERT INTO tafel_ondertekenaars (id, naam, organisatie_id, vingerafdruk, geregistreerd_op) VALUES ('s1', 'ESSM', 'essm', 'F1', ?), ('s2', 'Ongebruikt', 'x', 'F2', ?)").run(T, T);
    expect(() => db.prepare("INSERT INTO tafel_ondertekenaars (id, naam, organisatie_id, vingerafdruk, geregistreerd_op) VALUES ('s3', 'Dubbel', 'y', 'F1', ?)").run(T)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE tafel_ondertekenaars SET ingetrokken_op = ? WHERE id = 's1'").run(T)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE tafel_ondertekenaars SET vingerafdruk = 'F9' WHERE id = 's1'").run()).toThrow(/never change/);
    db.prepare("INSERT INTO tafel_ontvangen (id, vrijgave_id, volgnummer, ondertekenaar_id, organisatie_id, jaar, bestand, bestand_hash, ontvangen_op) VALUES ('o1', 'v1', 1, 's1', 'essm', 2024, x'7b7d', 'h', ?)").run(T);
    db.prepare("INSERT INTO tafel_ontvangen (id, vrijgave_id, volgnummer, verbetert, ondertekenaar_id, organisatie_id, jaar, bestand, bestand_hash, ontvangen_op) VALUES ('o2', 'v2', 2, 'v1', 's1', 'essm', 2024, x'7b7d', 'h', ?)").run(T);
    db.prepare("INSERT INTO tafel_gezien (vrijgave_id, gezien_op) VALUES ('v1', ?)").run(T);

    expect(() => db.prepare("DELETE FROM tafel_ondertekenaars WHERE id = 's1'").run()).toThrow(/retired, never deleted/);
    db.prepare("DELETE FROM tafel_ondertekenaars WHERE id = 's2'").run();
    expect(() => db.prepare("UPDATE tafel_ontvangen SET bestand = x'00' WHERE id = 'o1'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM tafel_ontvangen WHERE id = 'o1'").run()).toThrow(/append-only/);
    db.prepare("UPDATE tafel_ontvangen SET vervangen_door = 'v2' WHERE id = 'o1'").run();
    expect(() => db.prepare("UPDATE tafel_ontvangen SET vervangen_door = NULL WHERE id = 'o1'").run()).toThrow(/only marked replaced, once/);
    expect(() => db.prepare("UPDATE tafel_ontvangen SET vervangen_door = 'nergens' WHERE id = 'o2'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("DELETE FROM tafel_gezien").run()).toThrow(/append-only: tafel_gezien/);
    expect(() => db.prepare("INSERT INTO tafel_ontvangen (id, vrijgave_id, volgnummer, ondertekenaar_id, organisatie_id, jaar, kwartaal, bestand, bestand_hash, ontvangen_op) VALUES ('o3', 'v3', 1, 's1', 'essm', 2024, 5, x'00', 'h', ?)").run(T)).toThrow(/CHECK/);
    expect(integrityOk(db)).toBe(true);
  } finally {
    db.close();
  }
});
