import type { Migration } from '../migration';

/**
 * Tafel mode (issue 14): what the secretariaat of the Regionale Tafel keeps.
 * - `tafel_ondertekenaars`: the registered signing keys of the organisations (name, the
 *   organisation id its files carry, the fingerprint). Retired with a date and reason, never
 *   deleted once a file signed with it was imported (a trigger refuses that).
 * - `tafel_ontvangen`: every imported summary with its file's bytes verbatim and their SHA-256,
 *   so what the monitor was compiled from can always be shown and checked again. The bytes never
 *   change (trigger); `vervangen_door` is set once, when a correction replaces the release.
 * - `tafel_gezien`: every release id ever imported, so a replayed file is refused even after
 *   its release was replaced. Append-only.
 */
export const tafelModus: Migration = {
  version: 120,
  name: 'tafel mode: registered signers, imported summaries, seen release ids',
  up(db) {
    db.exec(`
      CREATE TABLE tafel_ondertekenaars (
        id                TEXT PRIMARY KEY NOT NULL,
        naam              TEXT NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
        organisatie_id    TEXT NOT NULL CHECK (length(organisatie_id) BETWEEN 1 AND 100),
        vingerafdruk      TEXT NOT NULL UNIQUE,
        geregistreerd_op  TEXT NOT NULL,
        ingetrokken_op    TEXT,
        ingetrokken_reden TEXT,
        CHECK ((ingetrokken_op IS NULL) = (ingetrokken_reden IS NULL))
      ) STRICT;

      CREATE TABLE tafel_ontvangen (
        id               TEXT PRIMARY KEY NOT NULL,
        vrijgave_id      TEXT NOT NULL UNIQUE,
        volgnummer       INTEGER NOT NULL,
        verbetert        TEXT,
        ondertekenaar_id TEXT NOT NULL REFERENCES tafel_ondertekenaars (id),
        organisatie_id   TEXT NOT NULL,
        jaar             INTEGER NOT NULL,
        kwartaal         INTEGER CHECK (kwartaal IS NULL OR kwartaal BETWEEN 1 AND 4),
        bestand          BLOB NOT NULL,
        bestand_hash     TEXT NOT NULL,
        ontvangen_op     TEXT NOT NULL,
        vervangen_door   TEXT REFERENCES tafel_ontvangen (vrijgave_id)
      ) STRICT;
      CREATE INDEX tafel_ontvangen_periode ON tafel_ontvangen (jaar, kwartaal, organisatie_id);

      CREATE TABLE tafel_gezien (
        vrijgave_id TEXT PRIMARY KEY NOT NULL,
        gezien_op   TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER tafel_ondertekenaars_no_delete_used BEFORE DELETE ON tafel_ondertekenaars
        WHEN EXISTS (SELECT 1 FROM tafel_ontvangen WHERE ondertekenaar_id = OLD.id)
      BEGIN
        SELECT RAISE(ABORT, 'tafel_ondertekenaars: a key that signed an imported file is retired, never deleted');
      END;
      CREATE TRIGGER tafel_ondertekenaars_fixed BEFORE UPDATE OF id, organisatie_id, vingerafdruk, geregistreerd_op ON tafel_ondertekenaars
      BEGIN
        SELECT RAISE(ABORT, 'tafel_ondertekenaars: the key, its organisation and registration never change');
      END;
      CREATE TRIGGER tafel_ontvangen_no_delete BEFORE DELETE ON tafel_ontvangen BEGIN
        SELECT RAISE(ABORT, 'append-only: tafel_ontvangen rows are never deleted');
      END;
      CREATE TRIGGER tafel_ontvangen_fixed BEFORE UPDATE ON tafel_ontvangen
        WHEN NEW.id IS NOT OLD.id OR NEW.vrijgave_id IS NOT OLD.vrijgave_id OR NEW.bestand IS NOT OLD.bestand OR NEW.bestand_hash IS NOT OLD.bestand_hash
          OR NEW.ondertekenaar_id IS NOT OLD.ondertekenaar_id OR NEW.organisatie_id IS NOT OLD.organisatie_id OR NEW.jaar IS NOT OLD.jaar
          OR NEW.kwartaal IS NOT OLD.kwartaal OR NEW.volgnummer IS NOT OLD.volgnummer OR NEW.verbetert IS NOT OLD.verbetert
          OR NEW.ontvangen_op IS NOT OLD.ontvangen_op OR OLD.vervangen_door IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'append-only: an imported summary never changes; it is only marked replaced, once');
      END;
      CREATE TRIGGER tafel_gezien_no_update BEFORE UPDATE ON tafel_gezien BEGIN
        SELECT RAISE(ABORT, 'append-only: tafel_gezien');
      END;
      CREATE TRIGGER tafel_gezien_no_delete BEFORE DELETE ON tafel_gezien BEGIN
        SELECT RAISE(ABORT, 'append-only: tafel_gezien');
      END;
    `);
  },
};
