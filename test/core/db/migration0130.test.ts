// Migration 0130 on a vault of the schema before it: `trajecten.categorie` (written, never read)
// is gone, and nothing else is: every other table's rows, every trajecten column and rowid, the
// schema of everything but that one column, the kept counts and the links between records. The
// vault stays writable and readable afterwards. All data is synthetic.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { seedVault } from '../../../electron/core/casework/seed';
import { getTraject } from '../../../electron/core/casework/trajecten.repo';
import { countDrift } from '../casework/helpers';
import { tempDir } from '../vault/helpers';
import { writingCategorie } from './before0130';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m130-')));
afterEach(() => cleanup());

const today = '2026-05-01';

/** Every row of every ordinary table (FTS5's own tables included, their virtual front excluded), in a stable order. */
function allRows(db: Database.Database): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT * FROM main."${name}"`).all() as unknown[]).map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort()]));
}

/** The schema: every table, index, trigger and view with its SQL. */
const schema = (db: Database.Database) => db.prepare("SELECT type, name, tbl_name, sql FROM main.sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Array<{ type: string; name: string; sql: string | null }>;

it('0130 drops trajecten.categorie from a seeded vault of the schema before it, and changes nothing else', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
  try {
    migrate(db, migrations.filter((m) => m.version < 130));
    const from = schemaVersion(db);
    expect(from).toBeLessThan(130);
    writingCategorie(db, () => seedVault(db, { trajecten: 80, seed: 14, today }));
    const trajecten = db.prepare('SELECT rowid AS r, * FROM trajecten ORDER BY rowid').all() as Array<Record<string, unknown>>;
    expect(trajecten).toHaveLength(80);
    expect(new Set(trajecten.map((t) => t.categorie)).size).toBeGreaterThan(1);
    const rows = allRows(db);
    const before = schema(db);
    expect(countDrift(db)).toEqual([]);

    expect(migrate(db, migrations.filter((m) => m.version <= 130))).toMatchObject({ from, to: 130, applied: [130] });

    // The column is gone; every other column of every traject is as it was, rowids too.
    expect((db.prepare('SELECT name FROM pragma_table_info(?)').all('trajecten') as Array<{ name: string }>).map((c) => c.name)).not.toContain('categorie');
    expect(db.prepare('SELECT rowid AS r, * FROM trajecten ORDER BY rowid').all()).toEqual(trajecten.map(({ categorie: _c, ...rest }) => rest));
    // Every other table: the same rows.
    const after = allRows(db);
    expect(Object.keys(after)).toEqual(Object.keys(rows));
    for (const name of Object.keys(rows)) if (name !== 'trajecten') expect(after[name], name).toEqual(rows[name]);
    // The same schema but for that one line of the trajecten table.
    const oldTable = before.find((s) => s.type === 'table' && s.name === 'trajecten')!;
    expect(oldTable.sql).toMatch(/\bcategorie\b/);
    expect(schema(db)).toEqual(before.map((s) => (s === oldTable ? { ...s, sql: s.sql!.replace(/\n\s*categorie\s+TEXT NOT NULL,/, '') } : s)));
    expect(countDrift(db)).toEqual([]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(integrityOk(db)).toBe(true);

    // The code of today writes and reads the vault.
    seedVault(db, { trajecten: 5, seed: 15, today });
    expect((db.prepare('SELECT count(*) AS n FROM trajecten').get() as { n: number }).n).toBe(85);
    const one = trajecten[0]!;
    expect(getTraject(db, String(one.id), today)).toMatchObject({ id: one.id, fase: one.fase, gemeente: one.gemeente, aanmelddatum: one.aanmelddatum });
    expect(countDrift(db)).toEqual([]);
  } finally {
    db.close();
  }
});
