import type { Migration } from '../migration';

/**
 * Casework of the zorgcoördinator: cliënten, trajecten with their parts, meldingen, saved
 * views, change events and the full-text index. Ids are random UUIDs (stable, never derived
 * from content), so later issues (verstrekkingen, casusoverleg, audit) can point at them.
 * Queried facts get columns; the rest of a record lives in a JSON column validated by the
 * shared zod schemas on the way in and out.
 */
export const casework: Migration = {
  version: 20,
  name: 'casework',
  up(db) {
    db.exec(`
      CREATE TABLE clienten (
        id          TEXT PRIMARY KEY NOT NULL,
        pseudoniem  TEXT NOT NULL UNIQUE,
        roepnaam    TEXT NOT NULL,
        achternaam  TEXT,
        data        TEXT NOT NULL,
        version     INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX clienten_updated ON clienten (updated_at, id);

      CREATE TABLE trajecten (
        id                   TEXT PRIMARY KEY NOT NULL,
        client_id            TEXT NOT NULL REFERENCES clienten (id),
        -- A copy of the cliënt's pseudonym (stable by design) so lists sort and page without a join.
        pseudoniem           TEXT NOT NULL,
        fase                 TEXT NOT NULL,
        preventief           INTEGER NOT NULL,
        vormen               TEXT NOT NULL,
        categorie            TEXT NOT NULL,
        minderjarig          INTEGER NOT NULL,
        gemeente             TEXT NOT NULL,
        verwijzer            TEXT NOT NULL,
        aanmelddatum         TEXT NOT NULL,
        afgesloten_op        TEXT,
        afsluit_reden        TEXT,
        afsluit_toelichting  TEXT,
        melding_id           TEXT,
        notities             TEXT,
        version              INTEGER NOT NULL,
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trajecten_client ON trajecten (client_id);
      CREATE INDEX trajecten_updated ON trajecten (updated_at, id);
      CREATE INDEX trajecten_aanmeld ON trajecten (aanmelddatum, id);
      CREATE INDEX trajecten_pseudoniem ON trajecten (pseudoniem, id);

      -- The dashboard counts trajecten by phase, form and year. Counts kept up to date by
      -- triggers on every write make it cost the same at 100 or 100,000 trajecten.
      CREATE TABLE traject_tellingen (
        fase         TEXT NOT NULL,
        preventief   INTEGER NOT NULL,
        vormen       TEXT NOT NULL,
        minderjarig  INTEGER NOT NULL,
        aanmeldjaar  INTEGER NOT NULL,
        sluitjaar    INTEGER NOT NULL, -- 0 while open
        n            INTEGER NOT NULL,
        PRIMARY KEY (fase, preventief, vormen, minderjarig, aanmeldjaar, sluitjaar)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER trajecten_tel_insert AFTER INSERT ON trajecten BEGIN
        INSERT INTO traject_tellingen VALUES (NEW.fase, NEW.preventief, NEW.vormen, NEW.minderjarig,
          CAST(substr(NEW.aanmelddatum, 1, 4) AS INTEGER), coalesce(CAST(substr(NEW.afgesloten_op, 1, 4) AS INTEGER), 0), 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER trajecten_tel_delete AFTER DELETE ON trajecten BEGIN
        UPDATE traject_tellingen SET n = n - 1
         WHERE fase = OLD.fase AND preventief = OLD.preventief AND vormen = OLD.vormen AND minderjarig = OLD.minderjarig
           AND aanmeldjaar = CAST(substr(OLD.aanmelddatum, 1, 4) AS INTEGER) AND sluitjaar = coalesce(CAST(substr(OLD.afgesloten_op, 1, 4) AS INTEGER), 0);
      END;
      CREATE TRIGGER trajecten_tel_update AFTER UPDATE OF fase, preventief, vormen, minderjarig, aanmelddatum, afgesloten_op ON trajecten BEGIN
        UPDATE traject_tellingen SET n = n - 1
         WHERE fase = OLD.fase AND preventief = OLD.preventief AND vormen = OLD.vormen AND minderjarig = OLD.minderjarig
           AND aanmeldjaar = CAST(substr(OLD.aanmelddatum, 1, 4) AS INTEGER) AND sluitjaar = coalesce(CAST(substr(OLD.afgesloten_op, 1, 4) AS INTEGER), 0);
        INSERT INTO traject_tellingen VALUES (NEW.fase, NEW.preventief, NEW.vormen, NEW.minderjarig,
          CAST(substr(NEW.aanmelddatum, 1, 4) AS INTEGER), coalesce(CAST(substr(NEW.afgesloten_op, 1, 4) AS INTEGER), 0), 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      -- One row per form, so "open trajecten by form" is an index lookup, not a JSON scan.
      CREATE TABLE traject_vormen (
        traject_id  TEXT NOT NULL REFERENCES trajecten (id) ON DELETE CASCADE,
        vorm        TEXT NOT NULL,
        PRIMARY KEY (traject_id, vorm)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX traject_vormen_vorm ON traject_vormen (vorm);

      CREATE TABLE traject_opvang (
        id          TEXT PRIMARY KEY NOT NULL,
        traject_id  TEXT NOT NULL REFERENCES trajecten (id) ON DELETE CASCADE,
        pos         INTEGER NOT NULL,
        soort       TEXT NOT NULL,
        start       TEXT NOT NULL,
        eind        TEXT,
        einde       TEXT,
        locatie     TEXT
      ) STRICT;
      CREATE INDEX traject_opvang_traject ON traject_opvang (traject_id, pos);
      -- Covering: "ending soon" filters on end, planned end and start inside the index.
      CREATE INDEX traject_opvang_einde ON traject_opvang (einde, eind, start, soort, traject_id);

      CREATE TABLE traject_procedures (
        id          TEXT PRIMARY KEY NOT NULL,
        traject_id  TEXT NOT NULL REFERENCES trajecten (id) ON DELETE CASCADE,
        pos         INTEGER NOT NULL,
        soort       TEXT NOT NULL,
        status      TEXT NOT NULL,
        start       TEXT,
        deadline    TEXT,
        toelichting TEXT
      ) STRICT;
      CREATE INDEX traject_procedures_traject ON traject_procedures (traject_id, pos);
      CREATE INDEX traject_procedures_deadline ON traject_procedures (soort, deadline, status, traject_id);

      CREATE TABLE traject_fasen (
        traject_id  TEXT NOT NULL REFERENCES trajecten (id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        van         TEXT,
        naar        TEXT NOT NULL,
        datum       TEXT NOT NULL,
        reden       TEXT,
        at          TEXT NOT NULL,
        PRIMARY KEY (traject_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE toestemmingen (
        id              TEXT PRIMARY KEY NOT NULL,
        traject_id      TEXT NOT NULL REFERENCES trajecten (id) ON DELETE CASCADE,
        doel            TEXT NOT NULL,
        ontvanger       TEXT NOT NULL,
        vanaf           TEXT NOT NULL,
        tot             TEXT,
        schriftelijk    INTEGER NOT NULL,
        gegeven_door    TEXT NOT NULL,
        toelichting     TEXT,
        ingetrokken_op  TEXT,
        created_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX toestemmingen_traject ON toestemmingen (traject_id);

      CREATE TABLE journaal (
        id          TEXT PRIMARY KEY NOT NULL,
        traject_id  TEXT NOT NULL REFERENCES trajecten (id) ON DELETE CASCADE,
        datum       TEXT NOT NULL,
        soort       TEXT NOT NULL,
        tekst       TEXT NOT NULL,
        version     INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX journaal_traject ON journaal (traject_id, datum, created_at);

      CREATE TABLE taken (
        id           TEXT PRIMARY KEY NOT NULL,
        traject_id   TEXT NOT NULL REFERENCES trajecten (id) ON DELETE CASCADE,
        titel        TEXT NOT NULL,
        deadline     TEXT NOT NULL,
        herinnering  TEXT,
        afgerond_op  TEXT,
        created_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX taken_traject ON taken (traject_id);
      -- Only open tasks are ever listed by date: a partial index keeps that lookup small.
      CREATE INDEX taken_open_deadline ON taken (deadline, id) WHERE afgerond_op IS NULL;
      CREATE INDEX taken_open_herinnering ON taken (coalesce(herinnering, deadline), id) WHERE afgerond_op IS NULL;

      CREATE TABLE meldingen (
        id                 TEXT PRIMARY KEY NOT NULL,
        datum              TEXT NOT NULL,
        kanaal             TEXT NOT NULL,
        anoniem            INTEGER NOT NULL,
        melder_type        TEXT NOT NULL,
        gemeente           TEXT NOT NULL,
        vorm               TEXT NOT NULL,
        minderjarig        INTEGER,
        preventief_gesprek INTEGER NOT NULL,
        informatieverzoek  INTEGER NOT NULL,
        conclusie          TEXT,
        acuut              INTEGER NOT NULL,
        teruggekoppeld     INTEGER NOT NULL,
        traject_id         TEXT REFERENCES trajecten (id),
        data               TEXT NOT NULL,
        version            INTEGER NOT NULL,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meldingen_datum ON meldingen (datum, id);
      CREATE INDEX meldingen_updated ON meldingen (updated_at, id);
      CREATE INDEX meldingen_traject ON meldingen (traject_id);

      -- The monitor counts meldingen per year; keeping the counts up to date on every write
      -- (triggers, so no write path can forget) makes the dashboard cost the same at any size.
      CREATE TABLE melding_tellingen (
        jaar               INTEGER NOT NULL,
        gemeente           TEXT NOT NULL,
        vorm               TEXT NOT NULL,
        minderjarig        INTEGER NOT NULL, -- 1, 0, or -1 for unknown
        preventief_gesprek INTEGER NOT NULL,
        informatieverzoek  INTEGER NOT NULL,
        conclusie          TEXT NOT NULL,    -- '' while open
        acuut              INTEGER NOT NULL,
        n                  INTEGER NOT NULL,
        PRIMARY KEY (jaar, gemeente, vorm, minderjarig, preventief_gesprek, informatieverzoek, conclusie, acuut)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER meldingen_tel_insert AFTER INSERT ON meldingen BEGIN
        INSERT INTO melding_tellingen VALUES (CAST(substr(NEW.datum, 1, 4) AS INTEGER), NEW.gemeente, NEW.vorm, coalesce(NEW.minderjarig, -1),
          NEW.preventief_gesprek, NEW.informatieverzoek, coalesce(NEW.conclusie, ''), NEW.acuut, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER meldingen_tel_delete AFTER DELETE ON meldingen BEGIN
        UPDATE melding_tellingen SET n = n - 1
         WHERE jaar = CAST(substr(OLD.datum, 1, 4) AS INTEGER) AND gemeente = OLD.gemeente AND vorm = OLD.vorm AND minderjarig = coalesce(OLD.minderjarig, -1)
           AND preventief_gesprek = OLD.preventief_gesprek AND informatieverzoek = OLD.informatieverzoek AND conclusie = coalesce(OLD.conclusie, '') AND acuut = OLD.acuut;
      END;
      CREATE TRIGGER meldingen_tel_update AFTER UPDATE OF datum, gemeente, vorm, minderjarig, preventief_gesprek, informatieverzoek, conclusie, acuut ON meldingen BEGIN
        UPDATE melding_tellingen SET n = n - 1
         WHERE jaar = CAST(substr(OLD.datum, 1, 4) AS INTEGER) AND gemeente = OLD.gemeente AND vorm = OLD.vorm AND minderjarig = coalesce(OLD.minderjarig, -1)
           AND preventief_gesprek = OLD.preventief_gesprek AND informatieverzoek = OLD.informatieverzoek AND conclusie = coalesce(OLD.conclusie, '') AND acuut = OLD.acuut;
        INSERT INTO melding_tellingen VALUES (CAST(substr(NEW.datum, 1, 4) AS INTEGER), NEW.gemeente, NEW.vorm, coalesce(NEW.minderjarig, -1),
          NEW.preventief_gesprek, NEW.informatieverzoek, coalesce(NEW.conclusie, ''), NEW.acuut, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE TABLE saved_views (
        id          TEXT PRIMARY KEY NOT NULL,
        naam        TEXT NOT NULL,
        definitie   TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      -- Who changed what, when, and which FIELD NAMES: never values (the audit trail builds on it).
      CREATE TABLE change_events (
        seq        INTEGER PRIMARY KEY, -- rows are never deleted, so rowids only grow
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        action     TEXT NOT NULL,
        fields     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX change_events_entity ON change_events (entity, entity_id);

      -- Names for the quick switcher: a small index of cliënt names and codes only, with prefix
      -- indexes for short prefixes, so typing three letters never walks through journal text.
      CREATE VIRTUAL TABLE name_fts USING fts5 (
        naam,
        content = '',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
      INSERT INTO name_fts (name_fts, rank) VALUES ('secure-delete', 1);

      -- Full-text search. The FTS table is contentless (the text lives only in the encrypted
      -- tables above). Deletes are real: the repository removes a row with FTS5's 'delete'
      -- command and the old text, and secure-delete makes FTS5 take the terms out of the index
      -- pages themselves, so a corrected or removed note cannot be read back from the index.
      -- (contentless_delete=1 is deliberately NOT used: it only marks rows with tombstones and
      -- leaves the old terms in the index.)
      CREATE TABLE search_docs (
        rowid      INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        traject_id TEXT,
        client_id  TEXT,
        UNIQUE (kind, entity_id)
      ) STRICT;
      CREATE VIRTUAL TABLE search_fts USING fts5 (
        naam, tekst,
        content = '',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
    `);
  },
};
