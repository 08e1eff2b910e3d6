import type { Migration } from '../migration';

/** The foundation: a small key/value table that describes the vault itself (no case data). */
export const foundation: Migration = {
  version: 10,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
    const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    insert.run('schema', 'ketenkluis');
    insert.run('created_at', new Date().toISOString());
  },
};
