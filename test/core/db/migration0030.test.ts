// Migration 0030: change events in their compact form keep every 0020 event, and the one-word
// actors of before read back as the owner (by hand, by import, by seed).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesOf } from '../../../electron/core/casework/changeKinds';
import { OWNER } from '../../../electron/core/changelog/writeContext';
import { newRecordId } from '../../../electron/core/db/ids';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';

describe('migration 0030 (compact change events)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kk-events-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every 0020 event with its order, time, actor, record and field names', () => {
    const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
    try {
      migrate(db, migrations.filter((m) => m.version <= 20));
      const ids = [newRecordId(), newRecordId(), newRecordId()];
      const old = [
        ['2025-12-31T23:59:59.999Z', 'eigenaar', 'client', ids[0], 'create', '["achternaam","roepnaam"]'],
        ['2026-01-01T00:00:00.000Z', 'import', 'traject', ids[1], 'create', '["gemeente","vormen"]'],
        ['2026-01-01T00:00:00.001Z', 'seed', 'client', ids[2], 'create', '["achternaam","roepnaam"]'],
        ['2026-02-03T04:05:06.007Z', 'eigenaar', 'client', ids[0], 'update', '["telefoon"]'],
        ['2026-02-03T04:05:07.000Z', 'eigenaar', 'client', ids[0], 'delete', '[]'],
      ] as const;
      const insert = db.prepare('INSERT INTO change_events (at, actor, entity, entity_id, action, fields) VALUES (?, ?, ?, ?, ?, ?)');
      for (const row of old) insert.run(...row);

      migrate(db, migrations);
      expect(changesOf(db, 'client', ids[0]!).map(({ seq: _s, ...e }) => e)).toEqual(
        // The one-word actors of before read as the vault owner, by hand.
        [old[0], old[3], old[4]].map(([at, , entity, entityId, action, fields]) => ({ at, actor: OWNER, via: 'hand', entity, entityId, action, fields: JSON.parse(fields) as string[] })),
      );
      expect(changesOf(db, 'traject', ids[1]!)[0]).toMatchObject({ at: '2026-01-01T00:00:00.000Z', actor: OWNER, via: 'import', fields: ['gemeente', 'vormen'] });
      expect(changesOf(db, 'client', ids[2]!)[0]).toMatchObject({ actor: OWNER, via: 'seed' });
      // and stay as they were stored (the log is append-only).
      expect(db.prepare('SELECT actor FROM change_events ORDER BY seq').pluck().all()).toEqual(old.map((row) => row[1]));
      expect((db.prepare('SELECT seq FROM change_events ORDER BY seq').all() as Array<{ seq: number }>).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      // Two events shared one list of names: it is stored once.
      expect(db.prepare('SELECT count(*) AS n FROM change_fieldsets').get()).toEqual({ n: 4 });
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
