import type { Migration } from '../migration';

/** A trigger that refuses a change; its text is what a caller's SqliteError carries. */
const weiger = (tabel: string, wat: 'update' | 'delete', wanneer = '') =>
  `CREATE TRIGGER ${tabel}_no_${wat} BEFORE ${wat.toUpperCase()} ON ${tabel} ${wanneer} BEGIN
     SELECT RAISE(ABORT, 'append-only: ${tabel} rows are never changed or deleted');
   END;`;

/**
 * The organisation's combine step for the Regionale Tafel (issue 14).
 *
 * Reporter's side:
 * - `tafel_ontvangstsleutel`: the one X25519 receiving key (private key only here, in the
 *   encrypted database). Never changed or deleted: count files made for it must stay readable.
 * - `tafel_collegas`: colleagues registered by hand by signing fingerprint; revoking sets
 *   `ingetrokken_op` once, nothing else ever changes; one active registration per fingerprint.
 * - `tafel_telbestanden`: accepted count files with their raw counts (`ruw`, JSON; personal-data
 *   derived, so only in this database). A newer file of the same colleague and period replaces
 *   the older one: the older gets `vervangen_door` (set once, from NULL), so at most one file per
 *   signer and period counts. Never deleted; the SHA-256 of each file's bytes is unique (a file
 *   read twice is a replay).
 * - `tafel_vrijgave_bronnen`: which colleague files a release combined (ids and fingerprints).
 *   Append-only, like the release ledger it belongs to.
 * Colleague's side:
 * - `tafel_ontvanger`: the reporter's receiving key this vault makes count files for (one;
 *   replaced when a new key file is read).
 */
export const tafelSamenvoegen: Migration = {
  version: 110,
  name: 'tafel combine step: receiving key, colleagues, count files, release sources',
  up(db) {
    db.exec(`
      CREATE TABLE tafel_ontvangstsleutel (
        enig            INTEGER PRIMARY KEY CHECK (enig = 1),
        id              TEXT NOT NULL,
        organisatie     TEXT NOT NULL,
        sleutel_publiek BLOB NOT NULL,
        sleutel_prive   BLOB NOT NULL,
        vingerafdruk    TEXT NOT NULL,
        gemaakt_op      TEXT NOT NULL
      ) STRICT;
      ${weiger('tafel_ontvangstsleutel', 'update')}
      ${weiger('tafel_ontvangstsleutel', 'delete')}

      CREATE TABLE tafel_collegas (
        id               TEXT PRIMARY KEY NOT NULL,
        vingerafdruk     TEXT NOT NULL,
        organisatie      TEXT NOT NULL,
        omschrijving     TEXT NOT NULL,
        geregistreerd_op TEXT NOT NULL,
        ingetrokken_op   TEXT
      ) STRICT;
      CREATE UNIQUE INDEX tafel_collegas_actief ON tafel_collegas (vingerafdruk) WHERE ingetrokken_op IS NULL;
      CREATE TRIGGER tafel_collegas_no_update BEFORE UPDATE ON tafel_collegas
        WHEN OLD.ingetrokken_op IS NOT NULL OR NEW.ingetrokken_op IS NULL OR NEW.id IS NOT OLD.id OR NEW.vingerafdruk IS NOT OLD.vingerafdruk
          OR NEW.organisatie IS NOT OLD.organisatie OR NEW.omschrijving IS NOT OLD.omschrijving OR NEW.geregistreerd_op IS NOT OLD.geregistreerd_op
        BEGIN SELECT RAISE(ABORT, 'append-only: a colleague is only ever revoked, once'); END;
      ${weiger('tafel_collegas', 'delete')}

      CREATE TABLE tafel_telbestanden (
        id             TEXT PRIMARY KEY NOT NULL,
        collega_id     TEXT NOT NULL REFERENCES tafel_collegas (id),
        ondertekenaar  TEXT NOT NULL,
        jaar           INTEGER NOT NULL,
        kwartaal       INTEGER CHECK (kwartaal IS NULL OR kwartaal BETWEEN 1 AND 4),
        aangemaakt     TEXT NOT NULL,
        ingelezen_op   TEXT NOT NULL,
        ruw            TEXT NOT NULL,
        bestand_hash   TEXT NOT NULL UNIQUE,
        vervangen_door TEXT REFERENCES tafel_telbestanden (id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT;
      CREATE UNIQUE INDEX tafel_telbestanden_geldig ON tafel_telbestanden (ondertekenaar, jaar, coalesce(kwartaal, 0)) WHERE vervangen_door IS NULL;
      CREATE INDEX tafel_telbestanden_periode ON tafel_telbestanden (jaar, kwartaal);
      CREATE TRIGGER tafel_telbestanden_no_update BEFORE UPDATE ON tafel_telbestanden
        WHEN OLD.vervangen_door IS NOT NULL OR NEW.vervangen_door IS NULL OR NEW.id IS NOT OLD.id OR NEW.collega_id IS NOT OLD.collega_id
          OR NEW.ondertekenaar IS NOT OLD.ondertekenaar OR NEW.jaar IS NOT OLD.jaar OR NEW.kwartaal IS NOT OLD.kwartaal OR NEW.aangemaakt IS NOT OLD.aangemaakt
          OR NEW.ingelezen_op IS NOT OLD.ingelezen_op OR NEW.ruw IS NOT OLD.ruw OR NEW.bestand_hash IS NOT OLD.bestand_hash
        BEGIN SELECT RAISE(ABORT, 'append-only: a count file is only ever replaced, once'); END;
      ${weiger('tafel_telbestanden', 'delete')}

      CREATE TABLE tafel_vrijgave_bronnen (
        vrijgave_id   TEXT NOT NULL REFERENCES tafel_vrijgaven (id),
        telbestand_id TEXT NOT NULL REFERENCES tafel_telbestanden (id),
        ondertekenaar TEXT NOT NULL,
        PRIMARY KEY (vrijgave_id, telbestand_id)
      ) STRICT;
      ${weiger('tafel_vrijgave_bronnen', 'update')}
      ${weiger('tafel_vrijgave_bronnen', 'delete')}

      CREATE TABLE tafel_ontvanger (
        enig             INTEGER PRIMARY KEY CHECK (enig = 1),
        id               TEXT NOT NULL,
        bestand          TEXT NOT NULL,
        vingerafdruk     TEXT NOT NULL,
        organisatie      TEXT NOT NULL,
        organisatie_naam TEXT NOT NULL,
        ondertekenaar    TEXT NOT NULL,
        ingesteld_op     TEXT NOT NULL
      ) STRICT;
    `);
  },
};
