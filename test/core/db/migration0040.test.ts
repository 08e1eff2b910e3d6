import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { tempDir } from '../vault/helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m40-')));
afterEach(() => cleanup());

it('0040 adds the import ledger to a vault at 0030 with records, keeping them; a hash is 32 bytes, no path or name column', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true });
  try {
    migrate(db, migrations.filter((m) => m.version <= 30));
    db.prepare("INSERT INTO meta (key, value) VALUES ('m40-test', 'kept')").run();
    const report = migrate(db, migrations.filter((m) => m.version <= 40));
    expect(report.applied).toEqual([40]);
    expect(schemaVersion(db)).toBe(40);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'm40-test'").get()).toEqual({ value: 'kept' });
    const columns = (db.prepare("SELECT name FROM pragma_table_info('import_files')").all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(['id', 'sha256', 'imported_at', 'trajecten', 'clienten', 'meldingen', 'journaal', 'taken', 'toestemmingen']);
    const insert = db.prepare('INSERT INTO import_files (sha256, imported_at, trajecten, clienten, meldingen, journaal, taken, toestemmingen) VALUES (?, 1, 0, 0, 0, 0, 0, 0)');
    insert.run(randomBytes(32));
    expect(() => insert.run(randomBytes(16))).toThrow(/CHECK/);
    expect(() => insert.run('a'.repeat(32))).toThrow(); // STRICT: text is not a hash
    expect(integrityOk(db)).toBe(true);
  } finally {
    db.close();
  }
});
