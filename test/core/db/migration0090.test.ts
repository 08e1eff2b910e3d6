// Migration 0090 on a vault made before it: cliënten written before keep every field and are
// found by the duplicate check through the new indexes; the removals table refuses an unknown
// reason. All data is synthetic.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { duplicateLookups, findDuplicates, writeClient } from '../../../electron/core/casework/clienten.repo';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';
import { ClientFields } from '../../../shared/casework/client.schema';
import { tempDir } from '../vault/helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m90-')));
afterEach(() => cleanup());

it('0090 adds the removals table and the duplicate-check indexes to a vault at 0080, keeping its cliënten', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
  try {
    migrate(db, migrations.filter((m) => m.version < 90));
    expect(schemaVersion(db)).toBe(80);
    const old = inTransaction(db, () => writeClient(db, ownerWriter(), ClientFields.parse({ roepnaam: 'Testa', achternaam: 'Oudgedaan', geboortedatum: '1990-05-06', bsn: '987654321' })));
    const rows = db.prepare('SELECT * FROM clienten').all();

    expect(migrate(db, migrations.filter((m) => m.version <= 90))).toMatchObject({ from: 80, applied: [90] });
    expect(db.prepare('SELECT * FROM clienten').all()).toEqual(rows);
    const plan = (sql: string) => JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x'));
    expect(plan(duplicateLookups.bsn)).toContain('USING INDEX clienten_bsn');
    expect(plan(duplicateLookups.geboortedatum)).toContain('USING INDEX clienten_geboortedatum');
    expect(findDuplicates(db, { roepnaam: 'x', bsn: '987654321' })).toEqual([{ id: old.id, pseudoniem: old.pseudoniem, op: ['bsn'] }]);
    expect(findDuplicates(db, { roepnaam: 'TESTA', achternaam: 'oudgedaan', geboortedatum: '1990-05-06' })).toEqual([{ id: old.id, pseudoniem: old.pseudoniem, op: ['naam-geboortedatum'] }]);

    const insert = db.prepare('INSERT INTO client_verwijderingen (client_id, op, reden, toelichting) VALUES (?, ?, ?, NULL)');
    expect(() => insert.run('a', '2026-01-01T00:00:00.000Z', 'zomaar')).toThrow(/CHECK/);
    insert.run('a', '2026-01-01T00:00:00.000Z', 'test');
    expect(() => insert.run('a', '2026-01-01T00:00:00.000Z', 'test')).toThrow(/UNIQUE|PRIMARY/);
    expect(integrityOk(db)).toBe(true);
  } finally {
    db.close();
  }
});
