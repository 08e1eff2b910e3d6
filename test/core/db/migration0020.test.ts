// Migration 0020: the casework tables, and an FTS index with secure-delete on.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { casework } from '../../../electron/core/db/migrations/0020_casework';
import { openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { tempDir } from '../vault/helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-migration-0020-')));
afterEach(() => cleanup());

describe('migration 0020', () => {
  it('creates the casework tables and an FTS index with secure-delete on', () => {
    const db = openEncryptedDatabase(join(dir, 'm.db'), randomBytes(32), { create: true });
    try {
      migrate(db, migrations.filter((m) => m.version <= casework.version));
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((t) => t.name);
      const of0020 = ['clienten', 'trajecten', 'traject_vormen', 'traject_opvang', 'traject_procedures', 'traject_fasen', 'toestemmingen', 'journaal', 'taken', 'meldingen', 'saved_views', 'change_events', 'search_docs', 'search_fts', 'name_fts'];
      expect(tables).toEqual(expect.arrayContaining(of0020));
      expect(db.prepare(`SELECT v FROM search_fts_config WHERE k = 'secure-delete'`).get()).toEqual({ v: 1 });
      expect(db.pragma('user_version', { simple: true })).toBe(casework.version);
    } finally {
      db.close();
    }
  });
});
