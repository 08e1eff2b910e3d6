// Migration 0110 on a vault made before it: the combine step's tables appear empty, the release
// ledger and casework are untouched, and the append-only rules hold (a receiving key is never
// changed or removed, a colleague only revoked once, a count file only replaced once).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { tempDir } from '../vault/helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m110-')));
afterEach(() => cleanup());

const T = '2026-01-01T00:00:00.000Z';

it('0110 adds the combine step’s tables to a vault at 0100, keeping its release ledger; the append-only rules hold', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
  try {
    migrate(db, migrations.filter((m) => m.version <= 100));
    expect(schemaVersion(db)).toBe(100);
    db.prepare("INSERT INTO tafel_vrijgaven (id, volgnummer, jaar, kwartaal, verbetert, vrijgave, bestand_hash, gemaakt_op) VALUES ('r1', 1, 2025, NULL, NULL, '{}', 'h', ?)").run(T);
    const ledger = db.prepare('SELECT * FROM tafel_vrijgaven').all();

    expect(migrate(db, migrations.filter((m) => m.version <= 110))).toMatchObject({ from: 100, applied: [110] });
    expect(db.prepare('SELECT * FROM tafel_vrijgaven').all()).toEqual(ledger);
    for (const t of ['tafel_ontvangstsleutel', 'tafel_collegas', 'tafel_telbestanden', 'tafel_vrijgave_bronnen', 'tafel_ontvanger']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    }

    // One receiving key, never changed or removed.
    db.prepare("INSERT INTO tafel_ontvangstsleutel (enig, id, organisatie, sleutel_publiek, sleutel_prive, vingerafdruk, gemaakt_op) VALUES (1, 'k', 'essm', x'00', x'01', 'F', ?)").run(T);
    expect(() => db.prepare("INSERT INTO tafel_ontvangstsleutel (enig, id, organisatie, sleutel_publiek, sleutel_prive, vingerafdruk, gemaakt_op) VALUES (2, 'k2', 'essm', x'00', x'01', 'F', ?)").run(T)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE tafel_ontvangstsleutel SET sleutel_prive = x'02'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM tafel_ontvangstsleutel').run()).toThrow(/append-only/);

    // A colleague: one active registration per fingerprint; only ever revoked, once.
    db.prepare("INSERT INTO tafel_collegas (id, vingerafdruk, organisatie, omschrijving, geregistreerd_op) VALUES ('c1', 'F1', 'essm', '', ?)").run(T);
    expect(() => db.prepare("INSERT INTO tafel_collegas (id, vingerafdruk, organisatie, omschrijving, geregistreerd_op) VALUES ('c2', 'F1', 'essm', '', ?)").run(T)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE tafel_collegas SET organisatie = 'shop'").run()).toThrow(/append-only/);
    db.prepare('UPDATE tafel_collegas SET ingetrokken_op = ?').run(T);
    expect(() => db.prepare("UPDATE tafel_collegas SET ingetrokken_op = '2027-01-01T00:00:00Z'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM tafel_collegas').run()).toThrow(/append-only/);

    // Count files: one current per signer and period; replaced once, by a file that exists.
    const ins = db.prepare('INSERT INTO tafel_telbestanden (id, collega_id, ondertekenaar, jaar, kwartaal, aangemaakt, ingelezen_op, ruw, bestand_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    ins.run('t1', 'c1', 'F1', 2025, 1, T, T, '{}', 'h1');
    expect(() => ins.run('t2', 'c1', 'F1', 2025, 1, T, T, '{}', 'h2')).toThrow(/UNIQUE/);
    ins.run('t3', 'c1', 'F1', 2025, null, T, T, '{}', 'h3');
    expect(() => ins.run('t4', 'c1', 'F1', 2025, 2, T, T, '{}', 'h3')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE tafel_telbestanden SET vervangen_door = 'bestaat-niet' WHERE id = 't1'").run()).toThrow(/FOREIGN KEY/);
    db.transaction(() => {
      db.prepare("UPDATE tafel_telbestanden SET vervangen_door = 't5' WHERE id = 't1'").run();
      ins.run('t5', 'c1', 'F1', 2025, 1, T, T, '{}', 'h5');
    })();
    expect(() => db.prepare("UPDATE tafel_telbestanden SET vervangen_door = NULL WHERE id = 't1'").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE tafel_telbestanden SET ruw = '{\"x\":1}' WHERE id = 't5'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM tafel_telbestanden').run()).toThrow(/append-only/);

    // What a release combined: append-only.
    db.prepare("INSERT INTO tafel_vrijgave_bronnen (vrijgave_id, telbestand_id, ondertekenaar) VALUES ('r1', 't5', 'F1')").run();
    expect(() => db.prepare("UPDATE tafel_vrijgave_bronnen SET ondertekenaar = 'F2'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM tafel_vrijgave_bronnen').run()).toThrow(/append-only/);
    expect(integrityOk(db)).toBe(true);
  } finally {
    db.close();
  }
});
