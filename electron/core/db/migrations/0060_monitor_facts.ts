import type { Migration } from '../migration';
import { MELDING_COUNTS, createCountTriggers, recountSql } from '../../casework/countRules';

/**
 * What the regional monitor counts that a vault could not hold before (issue 11).
 * - Police contacts of a traject (informative conversations and aangiftes at the AVIM, per form).
 * - The melding counts also group by "the melder is a sex worker": the table is rebuilt from the
 *   meldingen themselves and its triggers regenerated from the one rule (countRules.ts).
 * - Cliënten are counted per year from the trajecten that ran (not from kept counts): a covering
 *   index makes that one index scan. Closures by reason get an index too.
 * Unknown age at the start of a traject is stored as -1 in `trajecten.minderjarig`, as the
 * melding counts already do; the column needs no change.
 */
export const monitorFacts: Migration = {
  version: 60,
  name: 'monitor facts: police contacts, sex workers, cliënten per year',
  up(db) {
    db.exec(`
      CREATE TABLE traject_politiecontacten (
        id          TEXT PRIMARY KEY NOT NULL,
        traject_id  TEXT NOT NULL REFERENCES trajecten (id) ON DELETE CASCADE,
        pos         INTEGER NOT NULL,
        soort       TEXT NOT NULL, -- informatief-gesprek | aangifte
        datum       TEXT NOT NULL,
        vorm        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX traject_politiecontacten_traject ON traject_politiecontacten (traject_id, pos);
      CREATE INDEX traject_politiecontacten_datum ON traject_politiecontacten (datum, soort, vorm);

      CREATE INDEX trajecten_monitor ON trajecten (aanmelddatum, afgesloten_op, client_id, preventief, vormen, minderjarig);
      CREATE INDEX trajecten_afgesloten ON trajecten (afgesloten_op, afsluit_reden) WHERE afgesloten_op IS NOT NULL;
      CREATE INDEX traject_opvang_start ON traject_opvang (soort, start);

      DROP TRIGGER IF EXISTS meldingen_tel_insert;
      DROP TRIGGER IF EXISTS meldingen_tel_update;
      DROP TRIGGER IF EXISTS meldingen_tel_delete;
      DROP TABLE melding_tellingen;
      CREATE TABLE melding_tellingen (
        jaar               INTEGER NOT NULL,
        gemeente           TEXT NOT NULL,
        vorm               TEXT NOT NULL,
        minderjarig        INTEGER NOT NULL, -- 1, 0, or -1 for unknown
        preventief_gesprek INTEGER NOT NULL,
        informatieverzoek  INTEGER NOT NULL,
        sekswerker         INTEGER NOT NULL, -- the melder is a sex worker
        conclusie          TEXT NOT NULL,    -- '' while open
        acuut              INTEGER NOT NULL,
        n                  INTEGER NOT NULL,
        PRIMARY KEY (jaar, gemeente, vorm, minderjarig, preventief_gesprek, informatieverzoek, sekswerker, conclusie, acuut)
      ) STRICT, WITHOUT ROWID;
    `);
    db.exec(`INSERT INTO melding_tellingen (${MELDING_COUNTS.groups.map((g) => g.column).join(', ')}, n) ${recountSql(MELDING_COUNTS)}`);
    createCountTriggers(db, MELDING_COUNTS);
  },
};
