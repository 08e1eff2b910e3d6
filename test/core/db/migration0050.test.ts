import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { seedVault } from '../../../electron/core/casework/seed';
import { COUNT_RULES_0050, countTriggers } from '../../../electron/core/casework/countRules';
import { changesOf } from '../../../electron/core/casework/changeKinds';
import { inTransaction } from '../../../electron/core/db/sql';
import { countDrift } from '../casework/helpers';
import { tempDir } from '../vault/helpers';
import { writingCategorie } from './before0130';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m50-')));
afterEach(() => cleanup());

const today = '2026-05-01';

it('0050 makes the change log of a vault at 0040 append-only and its count triggers those of the one rule, keeping events and counts', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
  try {
    migrate(db, migrations.filter((m) => m.version <= 40));
    writingCategorie(db, () => seedVault(db, { trajecten: 12, seed: 9, today, politiecontacten: false }));
    const events = db.prepare('SELECT * FROM change_events ORDER BY seq').all();
    const counts = [db.prepare('SELECT * FROM traject_tellingen ORDER BY 1, 2, 3, 4, 5, 6').all(), db.prepare('SELECT * FROM melding_tellingen ORDER BY 1, 2, 3, 4, 5, 6, 7, 8').all()];
    // Before 0050 the log could be rewritten.
    expect(db.prepare("UPDATE change_events SET actor = 'x' WHERE seq = -1").run().changes).toBe(0);

    const report = migrate(db, migrations.filter((m) => m.version <= 50));
    expect(report.applied).toEqual([50]);
    expect(schemaVersion(db)).toBe(50);
    expect(db.prepare('SELECT * FROM change_events ORDER BY seq').all()).toEqual(events);
    expect([db.prepare('SELECT * FROM traject_tellingen ORDER BY 1, 2, 3, 4, 5, 6').all(), db.prepare('SELECT * FROM melding_tellingen ORDER BY 1, 2, 3, 4, 5, 6, 7, 8').all()]).toEqual(counts);

    expect(() => db.exec("UPDATE change_events SET actor = 'iemand anders'")).toThrow(/append-only: change_events/);
    expect(() => db.exec('DELETE FROM change_events')).toThrow(/append-only: change_events/);
    expect(() => db.exec("UPDATE change_fieldsets SET fields = '[]'")).toThrow(/append-only: change_fieldsets/);
    expect(() => db.exec('DELETE FROM change_fieldsets')).toThrow(/append-only: change_fieldsets/);

    const stored = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%_tel_%' ORDER BY name").all();
    expect(stored).toEqual(COUNT_RULES_0050.flatMap(countTriggers).sort((a, b) => a.name.localeCompare(b.name)));

    // The regenerated triggers count a single write exactly as a recount does.
    const open = db.prepare("SELECT id, version FROM trajecten WHERE fase <> 'afgesloten' LIMIT 1").get() as { id: string; version: number };
    // (Plain SQL: today's repositories expect today's schema, not the one of 0050.)
    inTransaction(db, () => db.prepare("UPDATE trajecten SET fase = 'afgesloten', afsluit_reden = 'doelen-bereikt', afgesloten_op = ?, version = version + 1 WHERE id = ?").run(today, open.id));
    expect(countDrift(db, COUNT_RULES_0050)).toEqual([]);
    expect(changesOf(db, 'traject', open.id).map((e) => [e.action, e.via])).toEqual([['create', 'seed']]);
    expect(integrityOk(db)).toBe(true);
  } finally {
    db.close();
  }
});
