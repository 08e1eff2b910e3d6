import type { Migration } from '../migration';

/**
 * The files imported so far, by the SHA-256 of their bytes, so the same file is not imported
 * twice by accident (a retry after a slow answer, a second click, the same export read in
 * again). One row per import, written in the import's own transaction: a row exists exactly
 * when the import committed. No path and no file name (they may name a person), only the
 * hash, when, and what was written.
 */
export const importFiles: Migration = {
  version: 40,
  name: 'import files',
  up(db) {
    db.exec(`
      CREATE TABLE import_files (
        id             INTEGER PRIMARY KEY,
        sha256         BLOB NOT NULL CHECK (length(sha256) = 32),
        imported_at    INTEGER NOT NULL, -- milliseconds since 1970-01-01 UTC
        trajecten      INTEGER NOT NULL,
        clienten       INTEGER NOT NULL,
        meldingen      INTEGER NOT NULL,
        journaal       INTEGER NOT NULL,
        taken          INTEGER NOT NULL,
        toestemmingen  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX import_files_sha256 ON import_files (sha256, imported_at);
    `);
  },
};
