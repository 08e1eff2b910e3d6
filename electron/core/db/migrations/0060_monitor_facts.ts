import type { Migration } from '../migration';
import { CLIENT_TRAJECTEN, MELDING_COUNTS, createCountTriggers, recountSql, type CountRule } from '../../casework/countRules';

/**
 * What the regional monitor counts that a vault could not hold before (issue 11).
 * - Police contacts of a traject (informative conversations and aangiftes at the AVIM, per form).
 * - The melding counts also group by "the melder is a sex worker": the table is rebuilt from the
 *   meldingen themselves and its triggers regenerated from the one rule (countRules.ts).
 * - The monitor counts cliënten, not trajecten: a kept count of trajecten per cliënt lets the
 *   dashboard take the many cliënten with one traject from the traject counts and read only the
 *   few with more one by one (partial index). Closures by reason get an index too.
 * Unknown age at the start of a traject is stored as -1 in `trajecten.minderjarig`, as the
 * melding counts already do; the column needs no change.
 */
export const monitorFacts: Migration = {
  version: 60,
  name: 'monitor facts: police contacts, sex workers, trajecten per cliënt',
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

      CREATE TABLE client_trajecten (
        client_id  TEXT NOT NULL PRIMARY KEY,
        n          INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX client_trajecten_meer ON client_trajecten (client_id) WHERE n > 1;
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
    const fill = (rule: CountRule) => {
      db.exec(`INSERT INTO ${rule.counts} (${rule.groups.map((g) => g.column).join(', ')}, n) ${recountSql(rule)}`);
      createCountTriggers(db, rule);
    };
    fill(MELDING_COUNTS);
    fill(CLIENT_TRAJECTEN);
  },
};
