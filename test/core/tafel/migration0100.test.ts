// Migration 0100 on a vault made before it: the release ledger appears empty, the vault's casework
// is untouched, and the ledger refuses a change or a removal of a release.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { writeClient } from '../../../electron/core/casework/clienten.repo';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';
import { ClientFields } from '../../../shared/casework/client.schema';
import { tempDir } from '../vault/helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m100-')));
afterEach(() => cleanup());

it('0100 adds an empty, append-only release ledger to a vault at 0090, keeping its cliënten', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
  try {
    migrate(db, migrations.filter((m) => m.version < 100));
    expect(schemaVersion(db)).toBe(90);
    inTransaction(db, () => writeClient(db, ownerWriter(), ClientFields.parse({ roepnaam: 'Testa', achternaam: 'Vooraf', geboortedatum: '1991-02-03' })));
    const rows = db.prepare('SELECT * FROM clienten').all();

    expect(migrate(db, migrations.filter((m) => m.version <= 100))).toMatchObject({ from: 90, applied: [100] });
    expect(db.prepare('SELECT * FROM clienten').all()).toEqual(rows);
    expect(db.prepare('SELECT count(*) AS n FROM tafel_vrijgaven').get()).toEqual({ n: 0 });
    db.prepare("INSERT INTO tafel_vrijgaven (id, volgnummer, jaar, kwartaal, verbetert, vrijgave, bestand_hash, gemaakt_op) VALUES ('r1', 1, 2025, 1, NULL, '{}', 'h', '2026-01-01T00:00:00Z')").run();
    expect(() => db.prepare("UPDATE tafel_vrijgaven SET vrijgave = '{\"x\":1}'").run()).toThrow(/append-only: tafel_vrijgaven/);
    expect(() => db.prepare('DELETE FROM tafel_vrijgaven').run()).toThrow(/append-only: tafel_vrijgaven/);
    expect(() => db.prepare("INSERT INTO tafel_vrijgaven (id, volgnummer, jaar, kwartaal, verbetert, vrijgave, bestand_hash, gemaakt_op) VALUES ('r2', 1, 2025, 2, NULL, '{}', 'h', 'x')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO tafel_vrijgaven (id, volgnummer, jaar, kwartaal, verbetert, vrijgave, bestand_hash, gemaakt_op) VALUES ('r3', 3, 2025, 5, NULL, '{}', 'h', 'x')").run()).toThrow(/CHECK/);
    expect(integrityOk(db)).toBe(true);
  } finally {
    db.close();
  }
});
