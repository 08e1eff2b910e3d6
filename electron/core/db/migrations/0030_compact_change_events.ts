import type { Migration } from '../migration';

/**
 * Change events in a compact form. An import of 100,000 trajecten writes over half a million
 * events, and in the 0020 form they were the largest table in the vault (about 180 bytes a row
 * plus a 50-byte index entry), so they cost more import time than any record table. Now:
 * - `at` is milliseconds since 1970 (UTC) instead of an ISO text;
 * - `entity_id` is the 16 bytes of the record's UUID instead of its 36-character text;
 * - the list of field names is stored once in `change_fieldsets` and referenced by number
 *   (a few dozen distinct lists serve every event);
 * - the index is on the record id alone (UUIDs are unique across kinds).
 * The foreign key to the field lists is checked at commit (deferred), so a bulk insert of
 * events needs no statement journal (see electron/core/changelog/changeLog.ts for why that matters).
 * Still field NAMES only, never values. Existing events keep their order (seq) and meaning.
 */
export const compactChangeEvents: Migration = {
  version: 30,
  name: 'compact change events',
  up(db) {
    db.exec(`
      CREATE TABLE change_fieldsets (
        id      INTEGER PRIMARY KEY,
        fields  TEXT NOT NULL UNIQUE -- JSON array of field names, sorted
      ) STRICT;
      INSERT INTO change_fieldsets (fields) SELECT DISTINCT fields FROM change_events ORDER BY fields;

      CREATE TABLE change_events_compact (
        seq        INTEGER PRIMARY KEY, -- rows are never deleted, so rowids only grow
        at         INTEGER NOT NULL,    -- milliseconds since 1970-01-01 UTC
        actor      TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_id  BLOB NOT NULL,       -- the 16 bytes of the record's UUID
        action     TEXT NOT NULL,
        fieldset   INTEGER NOT NULL REFERENCES change_fieldsets (id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT;
      INSERT INTO change_events_compact (seq, at, actor, entity, entity_id, action, fieldset)
        SELECT e.seq, CAST(round(unixepoch(e.at, 'subsec') * 1000) AS INTEGER), e.actor, e.entity,
               unhex(replace(e.entity_id, '-', '')), e.action, f.id
          FROM change_events e JOIN change_fieldsets f ON f.fields = e.fields
         ORDER BY e.seq;
      DROP TABLE change_events;
      ALTER TABLE change_events_compact RENAME TO change_events;
      CREATE INDEX change_events_record ON change_events (entity_id);
    `);
  },
};
