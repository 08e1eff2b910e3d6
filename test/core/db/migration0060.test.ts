import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { integrityOk, openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { seedVault } from '../../../electron/core/casework/seed';
import { COUNT_RULES_0050, MELDING_COUNTS, countTriggers } from '../../../electron/core/casework/countRules';
import { monitorFor } from '../../../electron/core/casework/dashboard.repo';
import { getTraject } from '../../../electron/core/casework/trajecten.repo';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import { countDrift, snapshotCounts } from '../casework/helpers';
import { tempDir } from '../vault/helpers';
import { writingCategorie } from './before0130';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-m60-')));
afterEach(() => cleanup());

const today = '2026-05-01';

it('0060 brings a seeded vault of schema 0050 to the monitor facts without losing or changing a record', () => {
  const db = openEncryptedDatabase(join(dir, 'v.db'), randomBytes(32), { create: true, cacheKiB: 4096 });
  try {
    migrate(db, migrations.filter((m) => m.version <= 50));
    writingCategorie(db, () => seedVault(db, { trajecten: 60, seed: 11, today, politiecontacten: false }));
    // A sex worker's request, so the regrouped counts have something to find.
    const sekswerkers = (db.prepare("SELECT count(*) AS n FROM meldingen WHERE melder_type = 'sekswerker' AND substr(datum, 1, 4) = '2026' AND informatieverzoek = 1").get() as { n: number }).n;
    expect(sekswerkers).toBeGreaterThan(0);
    const before = snapshotCounts(db);
    const records = ['clienten', 'trajecten', 'meldingen', 'change_events'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
    const trajectCounts = db.prepare('SELECT * FROM traject_tellingen ORDER BY 1, 2, 3, 4, 5, 6').all();
    expect(countDrift(db, COUNT_RULES_0050)).toEqual([]);

    const report = migrate(db, migrations.filter((m) => m.version <= 60));
    expect(report.applied).toEqual([60]);
    expect(schemaVersion(db)).toBe(60);
    expect(snapshotCounts(db)).toEqual(before);
    expect(['clienten', 'trajecten', 'meldingen', 'change_events'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).toEqual(records);
    expect(db.prepare('SELECT * FROM traject_tellingen ORDER BY 1, 2, 3, 4, 5, 6').all()).toEqual(trajectCounts);
    // The melding counts were rebuilt under the new rule (with "sekswerker") and equal a recount.
    expect(countDrift(db)).toEqual([]);
    const meldingTriggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'meldingen_tel_%' ORDER BY name").all();
    expect(meldingTriggers).toEqual(countTriggers(MELDING_COUNTS).sort((a, b) => a.name.localeCompare(b.name)));
    // The figures can be read, and the sex workers' requests are their own figure.
    const figures = monitorFor(db, 2026, regioGemeenten('rotterdam'));
    expect(figures.meldingen.informatieverzoeken.sekswerkers).toBe(sekswerkers);
    expect(figures.clienten.totaal.totaal).toBeGreaterThan(0);
    // A traject of the old schema reads with an empty list of police contacts.
    const one = db.prepare('SELECT id FROM trajecten LIMIT 1').get() as { id: string };
    expect(getTraject(db, one.id, today).politiecontacten).toEqual([]);
    // A new melding is counted by the new triggers.
    db.prepare("UPDATE meldingen SET melder_type = 'sekswerker' WHERE rowid = (SELECT min(rowid) FROM meldingen WHERE melder_type <> 'sekswerker')").run();
    expect(countDrift(db)).toEqual([]);
    expect(integrityOk(db)).toBe(true);
  } finally {
    db.close();
  }
});
