import type { Migration } from '../migration';

/** The refusal of a change to the release ledger; its text is what a caller's SqliteError carries. */
const refuse = (what: string) =>
  `CREATE TRIGGER tafel_vrijgaven_no_${what} BEFORE ${what.toUpperCase()} ON tafel_vrijgaven BEGIN
     SELECT RAISE(ABORT, 'append-only: tafel_vrijgaven rows are never changed or deleted');
   END;`;

/**
 * The release ledger of summaries for the Regionale Tafel (issue 14). One row per summary that
 * left the vault: its number, period, the release it corrects, the disclosure-control ledger entry
 * (`vrijgave`: what was published, the relations, and — vault only — the true counts, so the next
 * release is checked against everything released before), and the SHA-256 of the file written.
 * Append-only like the change log (migration 0050): triggers refuse every UPDATE and DELETE, so a
 * release once made is never forgotten by the next check.
 */
export const tafelReleases: Migration = {
  version: 100,
  name: 'tafel releases: the append-only release ledger',
  up(db) {
    db.exec(`
      CREATE TABLE tafel_vrijgaven (
        id           TEXT PRIMARY KEY NOT NULL,
        volgnummer   INTEGER NOT NULL UNIQUE,
        jaar         INTEGER NOT NULL,
        kwartaal     INTEGER CHECK (kwartaal IS NULL OR kwartaal BETWEEN 1 AND 4),
        verbetert    TEXT REFERENCES tafel_vrijgaven (id),
        vrijgave     TEXT NOT NULL,
        bestand_hash TEXT NOT NULL,
        gemaakt_op   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tafel_vrijgaven_periode ON tafel_vrijgaven (jaar, kwartaal);
      ${refuse('update')}
      ${refuse('delete')}
    `);
  },
};
