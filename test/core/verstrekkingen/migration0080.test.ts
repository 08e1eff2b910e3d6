// Migration 0080 on a vault made before it: the verstrekkingen tables arrive empty, version 1 of
// the rule set is stored whole with its SHA-256, the append-only guards are in place, the
// searches have their indexes, and everything that was there stays.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { recordChange } from '../../../electron/core/casework/changeKinds';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { newRecordId } from '../../../electron/core/db/ids';
import { stappenplanV1 } from '../../../shared/stappenplan/ruleSet';
import { tempDir } from '../vault/helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m80-')));
afterEach(() => cleanup());

it('0080 adds the verstrekkingen tables and rule-set version 1 to a vault at 0070, keeping everything there', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
  try {
    migrate(db, migrations.filter((m) => m.version <= 70));
    expect(schemaVersion(db)).toBe(70);
    db.prepare("INSERT INTO meta (key, value) VALUES ('m80-test', 'kept')").run();
    recordChange(db, ownerWriter(), 'client', newRecordId(), 'create', ['roepnaam']);
    const events = db.prepare('SELECT * FROM change_events ORDER BY seq').all();
    const partners = db.prepare('SELECT * FROM partners ORDER BY id').all();

    expect(migrate(db, migrations.filter((m) => m.version <= 80))).toEqual({ from: 70, to: 80, applied: [80] });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'm80-test'").get()).toEqual({ value: 'kept' });
    expect(db.prepare('SELECT * FROM change_events ORDER BY seq').all()).toEqual(events);
    expect(db.prepare('SELECT * FROM partners ORDER BY id').all()).toEqual(partners);

    const v1 = db.prepare('SELECT versie, inhoud, sha256, herkomst FROM stappenplan_versies').all() as Array<{ versie: string; inhoud: string; sha256: string; herkomst: string }>;
    expect(v1).toHaveLength(1);
    expect(v1[0]).toMatchObject({ versie: '1', herkomst: 'ingebouwd' });
    expect(JSON.parse(v1[0]!.inhoud)).toEqual(stappenplanV1);
    expect(v1[0]!.sha256).toBe(createHash('sha256').update(v1[0]!.inhoud).digest('hex'));
    for (const table of ['verstrekking_concepten', 'verstrekking_besluiten', 'verstrekking_onderbouwing', 'verstrekkingen_register']) expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });

    const triggers = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_no\\_%' ESCAPE '\\' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    expect(triggers).toEqual(expect.arrayContaining(['stappenplan_versies_no_delete', 'stappenplan_versies_no_update', 'verstrekking_besluiten_no_delete', 'verstrekking_besluiten_no_update', 'verstrekking_onderbouwing_no_delete', 'verstrekking_onderbouwing_no_update', 'verstrekkingen_register_no_delete', 'verstrekkingen_register_no_update']));
    // Each of the four searches reads through its own index.
    const plan = (where: string, from = 'verstrekkingen_register r') => (db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM ${from} WHERE ${where} ORDER BY r.op DESC, r.seq DESC LIMIT 100`).all() as Array<{ detail: string }>).map((p) => p.detail).join(' ');
    expect(plan("r.pseudoniem = 'KK-2345-AB'")).toMatch(/USING INDEX verstrekkingen_register_client/);
    expect(plan("r.partner_id = 'comensha'")).toMatch(/USING INDEX verstrekkingen_register_partner/);
    expect(plan("r.grondslag = 'toestemming'")).toMatch(/USING INDEX verstrekkingen_register_grondslag/);
    expect(plan('r.op >= 1 AND r.op < 2')).toMatch(/USING INDEX verstrekkingen_register_op/);
    // Combined, the most selective named column drives (the others written +r.column, as register.repo.ts does); a partner with a ground has its own index.
    expect(plan("r.partner_id = 'comensha' AND r.grondslag = 'toestemming' AND r.op >= 1 AND r.op < 2", 'verstrekkingen_register r INDEXED BY verstrekkingen_register_partner_grondslag')).toMatch(/USING INDEX verstrekkingen_register_partner_grondslag \(partner_id=\? AND grondslag=\? AND op>\? AND op<\?\)/);
    expect(plan("r.partner_id = 'comensha' AND +r.grondslag = 'toestemming' AND r.op >= 1 AND r.op < 2")).toMatch(/USING INDEX verstrekkingen_register_partner \(partner_id=\? AND op>\? AND op<\?\)/);
    for (const where of ["r.pseudoniem = 'x'", "r.partner_id = 'x'", "r.grondslag = 'x'", 'r.op >= 1']) expect(plan(where), where).not.toMatch(/TEMP B-TREE/);
    expect(integrityOk(db)).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
});
