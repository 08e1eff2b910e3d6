import type { Migration } from '../migration';

/**
 * Corrections of cliënten (issue 13).
 * - `client_verwijderingen`: for each wrongly created cliënt that was removed, the day and the
 *   reason's category, and for "anders" the person's own short explanation (the screen asks for
 *   it without names, and the core refuses one that holds the cliënt's name). No pseudonym, no
 *   name: the removed record's id is the one the change log names (its `remove` event carries the
 *   category too). Kept apart from the append-only change log, so a text that should not be there
 *   can still be corrected.
 * - Two expression indexes so the duplicate check ("a cliënt with this BSN, or this name and birth
 *   date, exists already") looks up the BSN and the birth date instead of reading every cliënt.
 *   The expressions must stay exactly as clienten.repo.ts writes them, or the lookups scan.
 */
export const clientCorrections: Migration = {
  version: 90,
  name: 'client corrections: removals and the duplicate check',
  up(db) {
    db.exec(`
      CREATE TABLE client_verwijderingen (
        client_id    TEXT PRIMARY KEY NOT NULL,
        op           TEXT NOT NULL,
        reden        TEXT NOT NULL CHECK (reden IN ('dubbel-aangemaakt', 'verkeerde-persoon', 'test', 'anders')),
        toelichting  TEXT
      ) STRICT;
      CREATE INDEX clienten_bsn ON clienten (json_extract(data, '$.bsn')) WHERE json_extract(data, '$.bsn') IS NOT NULL;
      CREATE INDEX clienten_geboortedatum ON clienten (json_extract(data, '$.geboortedatum')) WHERE json_extract(data, '$.geboortedatum') IS NOT NULL;
    `);
  },
};
