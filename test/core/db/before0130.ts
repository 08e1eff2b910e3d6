import type Database from 'better-sqlite3-multiple-ciphers';
import { monitorCategorie } from '../../../shared/casework/monitor';

/**
 * Runs `fn` (e.g. seedVault) on a vault of a schema before migration 0130, writing its trajecten
 * as the code of that time did: today's repositories leave out `trajecten.categorie`, which those
 * schemas require. A temporary view in the table's place (temp names are found first) adds the
 * category on insert, by the monitor's rule; the table, its triggers and indexes are the vault's own.
 */
export function writingCategorie<T>(db: Database.Database, fn: () => T): T {
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('trajecten') as Array<{ name: string }>).map((c) => c.name).filter((c) => c !== 'categorie');
  db.function('kk_test_categorie', (preventief: unknown, vormen: unknown) => monitorCategorie({ preventief: preventief === 1, vormen: JSON.parse(String(vormen)) as never }));
  db.exec(`CREATE TEMP VIEW trajecten AS SELECT ${columns.join(', ')} FROM main.trajecten;
    CREATE TEMP TRIGGER trajecten_voor_0130 INSTEAD OF INSERT ON trajecten BEGIN
      INSERT INTO main.trajecten (${columns.join(', ')}, categorie) VALUES (${columns.map((c) => `NEW.${c}`).join(', ')}, kk_test_categorie(NEW.preventief, NEW.vormen));
    END;`);
  try {
    return fn();
  } finally {
    db.exec('DROP VIEW temp.trajecten');
  }
}
