import { createHash } from 'node:crypto';
import type { Migration } from '../migration';
import { stappenplanV1 } from '../../../../shared/stappenplan/ruleSet';

/** Triggers that refuse every UPDATE and DELETE of a table (as migration 0050 does for the change log). */
function appendOnly(table: string): string {
  return ['update', 'delete']
    .map(
      (what) => `CREATE TRIGGER ${table}_no_${what} BEFORE ${what.toUpperCase()} ON ${table} BEGIN
         SELECT RAISE(ABORT, 'append-only: ${table} rows are never changed or deleted');
       END;`,
    )
    .join('\n');
}

/**
 * Verstrekkingen (issue 12): the stappenplan's decisions and the register of every disclosure.
 * - `stappenplan_versies`: every rule-set version a decision can use, whole (JSON) with its
 *   SHA-256, append-only: an old decision is always read against its own version. The newest row
 *   is the current version; version 1 (resources/stappenplan/v1.json) is stored here now.
 * - `verstrekking_concepten`: drafts (answers so far), changed while the person works, removed
 *   when completed or thrown away. Not part of the register.
 * - `verstrekking_besluiten`: the decision records, append-only, with the engine's reasoning,
 *   sources and situation in `verstrekking_onderbouwing` beside them. Approval and revocation are
 *   register entries that refer to a decision; a correction is a new decision that `vervangt` the old.
 * - `verstrekkingen_register`: every decision, approval, revocation, package, print, copy and
 *   refusal, append-only, in `seq` order (the coming audit trail chains them). Searchable per
 *   cliënt (pseudonym), partner, ground and period, each with its own index, newest first.
 * Times are milliseconds since 1970 (UTC), as in the change log.
 */
export const verstrekkingen: Migration = {
  version: 80,
  name: 'verstrekkingen: rule-set versions, drafts, decisions and the register',
  up(db) {
    db.exec(`
      CREATE TABLE stappenplan_versies (
        volgorde      INTEGER PRIMARY KEY AUTOINCREMENT,
        versie        TEXT NOT NULL UNIQUE,
        inhoud        TEXT NOT NULL,  -- the whole rule-set file as JSON, checked by shared/stappenplan/ruleSet.schema.ts
        sha256        TEXT NOT NULL,  -- of inhoud (UTF-8)
        herkomst      TEXT NOT NULL CHECK (herkomst IN ('ingebouwd', 'geimporteerd')),
        opgenomen_op  INTEGER NOT NULL
      ) STRICT;
      ${appendOnly('stappenplan_versies')}

      CREATE TABLE verstrekking_besluiten (
        id                 TEXT PRIMARY KEY NOT NULL,
        referentie         TEXT NOT NULL UNIQUE,
        genomen_op         INTEGER NOT NULL,
        traject_id         TEXT NOT NULL REFERENCES trajecten (id),
        client_id          TEXT NOT NULL REFERENCES clienten (id),
        pseudoniem         TEXT NOT NULL,
        partner_id         TEXT NOT NULL REFERENCES partners (id),
        doel               TEXT NOT NULL,
        uitkomst           TEXT NOT NULL,
        grondslag          TEXT,
        velden             TEXT NOT NULL,  -- JSON array of data categories
        vier_ogen          INTEGER NOT NULL,
        herbeoordeling_op  TEXT NOT NULL,
        ruleset_versie     TEXT NOT NULL REFERENCES stappenplan_versies (versie),
        vervangt           TEXT REFERENCES verstrekking_besluiten (id),
        record             TEXT NOT NULL   -- the decision record without the engine's reasoning, JSON (BesluitSamenvatting in shared/verstrekkingen/besluit.schema.ts)
      ) STRICT;
      CREATE INDEX verstrekking_besluiten_traject ON verstrekking_besluiten (traject_id, genomen_op);
      CREATE INDEX verstrekking_besluiten_partner ON verstrekking_besluiten (partner_id);
      CREATE INDEX verstrekking_besluiten_versie ON verstrekking_besluiten (ruleset_versie);
      CREATE UNIQUE INDEX verstrekking_besluiten_vervangt ON verstrekking_besluiten (vervangt) WHERE vervangt IS NOT NULL;
      ${appendOnly('verstrekking_besluiten')}

      -- The engine's reasoning, sources, rules and situation of each decision: the larger half of a
      -- record, kept apart so the register's pages read small rows (one page each).
      CREATE TABLE verstrekking_onderbouwing (
        besluit_id  TEXT PRIMARY KEY NOT NULL REFERENCES verstrekking_besluiten (id),
        data        TEXT NOT NULL  -- JSON: redenering, bronnen, regels, situatie
      ) STRICT;
      ${appendOnly('verstrekking_onderbouwing')}

      CREATE TABLE verstrekking_concepten (
        id              TEXT PRIMARY KEY NOT NULL,
        traject_id      TEXT NOT NULL REFERENCES trajecten (id),
        partner_id      TEXT NOT NULL REFERENCES partners (id),
        doel            TEXT NOT NULL,
        gevraagd        TEXT NOT NULL,  -- JSON array of data categories
        antwoorden      TEXT NOT NULL,  -- JSON object: question id -> answer value
        ruleset_versie  TEXT NOT NULL REFERENCES stappenplan_versies (versie),
        vervangt        TEXT REFERENCES verstrekking_besluiten (id),
        version         INTEGER NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX verstrekking_concepten_traject ON verstrekking_concepten (traject_id);
      CREATE INDEX verstrekking_concepten_partner ON verstrekking_concepten (partner_id);

      CREATE TABLE verstrekkingen_register (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        id             TEXT NOT NULL UNIQUE,
        soort          TEXT NOT NULL CHECK (soort IN ('besluit', 'goedkeuring', 'intrekking', 'pakket', 'afdruk', 'kopie', 'geweigerd')),
        op             INTEGER NOT NULL,
        actor          TEXT NOT NULL,  -- as change_events.actor: profiel:<uuid>/hand
        door           TEXT NOT NULL,  -- JSON: the profile's name and function at the time
        besluit_id     TEXT REFERENCES verstrekking_besluiten (id),
        pseudoniem     TEXT,           -- the cliënt's pseudonym code (null when a refused call named no real traject)
        traject_id     TEXT,           -- as asked (a refusal keeps what a crafted call named)
        partner_id     TEXT,
        grondslag      TEXT,
        velden         TEXT NOT NULL,  -- JSON array of data categories
        verwijst_naar  TEXT REFERENCES verstrekkingen_register (id),
        details        TEXT NOT NULL   -- JSON: what was attempted, which field, why refused; never a value or a path
      ) STRICT;
      CREATE INDEX verstrekkingen_register_client ON verstrekkingen_register (pseudoniem, op);
      CREATE INDEX verstrekkingen_register_partner ON verstrekkingen_register (partner_id, op);
      CREATE INDEX verstrekkingen_register_grondslag ON verstrekkingen_register (grondslag, op);
      CREATE INDEX verstrekkingen_register_partner_grondslag ON verstrekkingen_register (partner_id, grondslag, op);
      CREATE INDEX verstrekkingen_register_op ON verstrekkingen_register (op);
      CREATE INDEX verstrekkingen_register_besluit ON verstrekkingen_register (besluit_id, soort) WHERE besluit_id IS NOT NULL;
      ${appendOnly('verstrekkingen_register')}
    `);

    // Version 1 as shipped, stored with this migration's own SQL (a later built-in version comes
    // with its own migration; the repository's code may change, this row may not).
    const inhoud = JSON.stringify(stappenplanV1);
    db.prepare("INSERT INTO stappenplan_versies (versie, inhoud, sha256, herkomst, opgenomen_op) VALUES (?, ?, ?, 'ingebouwd', ?)").run(
      stappenplanV1.versie,
      inhoud,
      createHash('sha256').update(inhoud, 'utf8').digest('hex'),
      Date.now(),
    );
  },
};
