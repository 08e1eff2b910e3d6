// The change log is append-only by construction: a real vault refuses every UPDATE and DELETE
// of a change event or a stored field list, also right after an import (which suspends only
// its count triggers), and no code in the program tries either.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestVault, today, type TestVault } from '../casework/helpers';
import { seedItems } from '../../../electron/core/casework/seedData';
import { seedVault } from '../../../electron/core/casework/seed';
import { closeVault, createVault } from '../../../electron/core/vault/vault';
import { tempDir, testPassphrase } from '../vault/helpers';
import type { Db } from '../../../electron/core/db/sql';

/** Every way to change a stored row of the log; each must be refused with the append-only message. */
function expectRefused(db: Db): void {
  const attempts = [
    "UPDATE change_events SET actor = 'iemand anders'",
    'UPDATE change_events SET seq = seq + 1000',
    'DELETE FROM change_events',
    'DELETE FROM change_events WHERE seq = (SELECT max(seq) FROM change_events)',
    "UPDATE change_fieldsets SET fields = '[]'",
    'DELETE FROM change_fieldsets',
    // A replace deletes the row it conflicts with: the vault opens with recursive_triggers on, so
    // that delete meets the guard too.
    "INSERT OR REPLACE INTO change_events (seq, at, actor, entity, entity_id, action, fieldset) SELECT seq, at, 'iemand anders', entity, entity_id, action, fieldset FROM change_events LIMIT 1",
    "REPLACE INTO change_fieldsets (id, fields) SELECT id, '[]' FROM change_fieldsets LIMIT 1",
  ];
  const before = db.prepare('SELECT count(*) AS n FROM change_events').get();
  expect(before).not.toEqual({ n: 0 });
  for (const sql of attempts) expect(() => db.exec(sql), sql).toThrow(/append-only: change_(events|fieldsets) rows are never changed or deleted/);
  expect(db.prepare('SELECT count(*) AS n FROM change_events').get()).toEqual(before);
}

const triggers = (db: Db) => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();

describe('the change log is append-only', () => {
  let cleanup: () => void = () => undefined;
  afterEach(() => cleanup());

  it('in a vault just created, with events in it', async () => {
    const t = tempDir('kk-append-');
    cleanup = t.cleanup;
    const { vault } = await createVault(t.dir, testPassphrase(), { cacheKiB: 4096 });
    try {
      seedVault(vault.db, { trajecten: 3, seed: 5, today });
      expectRefused(vault.db);
    } finally {
      closeVault(vault);
    }
  });

  describe('after an import', () => {
    let v: TestVault;
    beforeEach(() => (v = openTestVault()));
    afterEach(() => v.close());

    it('the import changed no trigger but its own count triggers, restored: the refusals stand', async () => {
      const before = triggers(v.db);
      expect(before.map((t) => (t as { name: string }).name)).toEqual(expect.arrayContaining(['change_events_no_update', 'change_events_no_delete', 'change_fieldsets_no_update', 'change_fieldsets_no_delete']));
      const items = [...seedItems({ trajecten: 10, seed: 3, today })];
      const path = join(v.dir, 'append.json');
      writeFileSync(path, JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten: items.map((i) => i.traject), meldingen: items.flatMap((i) => i.meldingen) }));
      const r = await v.call('import.file', { path });
      expect(r.trajecten).toBe(10);
      expect(triggers(v.db)).toEqual(before);
      expectRefused(v.db);
    });
  });

  it('no code outside the migrations updates, deletes or replaces a change event or field list', () => {
    const root = join(__dirname, '../../../electron');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.includes('migrations'));
    const writes = /\b(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|INSERT\s+OR\s+REPLACE\s+INTO|DROP\s+TABLE(\s+IF\s+EXISTS)?|DROP\s+TRIGGER(\s+IF\s+EXISTS)?)\s+change_(events|fieldsets)/i;
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => writes.test(readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });
});
