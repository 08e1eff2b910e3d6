import type { Migration } from '../migration';
import { partnersPolicy } from '../../../../shared/partners/partners';

/**
 * Who works with this vault, and the partners they work with.
 * - `partners`: the partner register, seeded here from resources/partners.json. The seed is the
 *   register's starting state, not a change by anyone: it has no change events, and `herkomst`
 *   names the policy version it came from. Every later change is a change event. The id is a
 *   slug that never changes; the change log knows a partner by a UUID derived from it.
 * - `profiel`: one current profile (name, function, organisation, region) and the organisation's
 *   Ed25519 key pair — the private key lives only here, inside the encrypted database.
 * - `profiel_historie`: every version of the profile as it was saved, append-only, so "who" in
 *   an old change event or decision still reads as it was then.
 * - `profiel_later`: that the person chose "Later" when asked for a profile, so it is asked once.
 */
export const profilePartners: Migration = {
  version: 70,
  name: 'profile and partner register',
  up(db) {
    db.exec(`
      CREATE TABLE partners (
        id                 TEXT PRIMARY KEY NOT NULL,
        naam               TEXT NOT NULL,
        categorie          TEXT NOT NULL,
        data               TEXT NOT NULL, -- the other fields, JSON, checked by shared/partners/partner.schema.ts
        actief             INTEGER NOT NULL DEFAULT 1,
        buiten_gebruik_op  TEXT,
        herkomst           TEXT NOT NULL,  -- 'register@<versie>' or 'eigen'
        version            INTEGER NOT NULL,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        CHECK ((actief = 1) = (buiten_gebruik_op IS NULL))
      ) STRICT;

      CREATE TABLE profiel (
        id               TEXT PRIMARY KEY NOT NULL,
        enig             INTEGER NOT NULL UNIQUE DEFAULT 1 CHECK (enig = 1), -- one profile per vault
        naam             TEXT NOT NULL,
        functie          TEXT NOT NULL,
        organisatie      TEXT NOT NULL REFERENCES partners (id),
        regio            TEXT NOT NULL,
        sleutel_publiek  BLOB NOT NULL, -- Ed25519, SubjectPublicKeyInfo (DER)
        sleutel_prive    BLOB NOT NULL, -- Ed25519, PKCS#8 (DER); never leaves the vault
        version          INTEGER NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE profiel_historie (
        profiel_id   TEXT NOT NULL REFERENCES profiel (id),
        version      INTEGER NOT NULL,
        naam         TEXT NOT NULL,
        functie      TEXT NOT NULL,
        organisatie  TEXT NOT NULL REFERENCES partners (id),
        regio        TEXT NOT NULL,
        vanaf        TEXT NOT NULL,
        PRIMARY KEY (profiel_id, version)
      ) STRICT;
      CREATE INDEX profiel_historie_organisatie ON profiel_historie (organisatie);
      CREATE TRIGGER profiel_historie_no_update BEFORE UPDATE ON profiel_historie BEGIN
        SELECT RAISE(ABORT, 'append-only: profiel_historie rows are never changed or deleted');
      END;
      CREATE TRIGGER profiel_historie_no_delete BEFORE DELETE ON profiel_historie BEGIN
        SELECT RAISE(ABORT, 'append-only: profiel_historie rows are never changed or deleted');
      END;

      CREATE TABLE profiel_later (
        enig  INTEGER PRIMARY KEY NOT NULL CHECK (enig = 1),
        op    TEXT NOT NULL
      ) STRICT;
    `);

    // The register every vault starts with, written with this migration's own SQL (not the
    // repository's, which may change with later migrations).
    const now = new Date().toISOString();
    const herkomst = `register@${partnersPolicy.versie}`;
    const insert = db.prepare(
      `INSERT INTO partners (id, naam, categorie, data, actief, herkomst, version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, 1, ?, ?)`,
    );
    for (const { id, naam, categorie, ...rest } of partnersPolicy.inhoud.partners) insert.run(id, naam, categorie, JSON.stringify(rest), herkomst, now, now);
  },
};
