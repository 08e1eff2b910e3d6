import type { Concept } from '../../../shared/verstrekkingen/besluit.schema';
import type { DataCategorie } from '../../../shared/stappenplan/dataCategories';
import type { Doel } from '../../../shared/stappenplan/ruleSet.schema';
import type { WriteContext } from '../changelog/writeContext';
import { assertVersion, found } from '../db/records';
import { stmt, type Db } from '../db/sql';
import { recordChange } from './changeKinds';

// Drafts of decisions (migration 0080): the answers so far, so a person can stop and resume.
// Not part of the register: a draft decides nothing. Completed or thrown away, it is removed.

interface ConceptRow {
  id: string;
  traject_id: string;
  pseudoniem: string;
  partner_id: string;
  doel: Doel;
  gevraagd: string;
  antwoorden: string;
  ruleset_versie: string;
  vervangt: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT k.id, k.traject_id, c.pseudoniem, k.partner_id, k.doel, k.gevraagd, k.antwoorden, k.ruleset_versie, k.vervangt, k.version, k.created_at, k.updated_at
                  FROM verstrekking_concepten k JOIN trajecten t ON t.id = k.traject_id JOIN clienten c ON c.id = t.client_id`;

function toConcept(row: ConceptRow): Concept {
  return {
    id: row.id,
    trajectId: row.traject_id,
    pseudoniem: row.pseudoniem,
    partnerId: row.partner_id,
    doel: row.doel,
    gevraagdeGegevens: JSON.parse(row.gevraagd) as DataCategorie[],
    antwoorden: JSON.parse(row.antwoorden) as Record<string, string>,
    ruleSetVersie: row.ruleset_versie,
    ...(row.vervangt !== null ? { vervangt: row.vervangt } : {}),
    version: row.version,
    aangemaakt: row.created_at,
    bijgewerkt: row.updated_at,
  };
}

/** Stores a new draft in the caller's transaction. */
export function insertConcept(
  db: Db,
  ctx: WriteContext,
  input: { trajectId: string; partnerId: string; doel: Doel; gevraagdeGegevens: readonly DataCategorie[]; ruleSetVersie: string; vervangt?: string | undefined },
): Concept {
  const id = ctx.newId();
  stmt(
    db,
    `INSERT INTO verstrekking_concepten (id, traject_id, partner_id, doel, gevraagd, antwoorden, ruleset_versie, vervangt, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '{}', ?, ?, 1, ?, ?)`,
  ).run(id, input.trajectId, input.partnerId, input.doel, JSON.stringify(input.gevraagdeGegevens), input.ruleSetVersie, input.vervangt ?? null, ctx.now, ctx.now);
  recordChange(db, ctx, 'concept', id, 'create', ['trajectId', 'partnerId', 'doel', 'gevraagdeGegevens', 'ruleSetVersie', ...(input.vervangt ? ['vervangt'] : [])]);
  return getConcept(db, id);
}

/** One draft, or NOT_FOUND. */
export function getConcept(db: Db, id: string): Concept {
  return toConcept(found(stmt(db, `${SELECT} WHERE k.id = ?`).get(id) as ConceptRow | undefined, 'draft'));
}

/** The open drafts (of one traject when given), newest first. */
export function listConcepten(db: Db, trajectId?: string): Concept[] {
  const rows = (trajectId === undefined ? stmt(db, `${SELECT} ORDER BY k.updated_at DESC, k.id`).all() : stmt(db, `${SELECT} WHERE k.traject_id = ? ORDER BY k.updated_at DESC, k.id`).all(trajectId)) as ConceptRow[];
  return rows.map(toConcept);
}

/** Saves the answers and the data asked for, after checking the version; returns the draft. */
export function updateConcept(db: Db, ctx: WriteContext, id: string, version: number, change: { antwoorden: Record<string, string>; gevraagdeGegevens: readonly DataCategorie[] }): Concept {
  const current = getConcept(db, id);
  assertVersion(current.version, version);
  const fields = [
    ...(JSON.stringify(current.antwoorden) !== JSON.stringify(change.antwoorden) ? ['antwoorden'] : []),
    ...(JSON.stringify(current.gevraagdeGegevens) !== JSON.stringify(change.gevraagdeGegevens) ? ['gevraagdeGegevens'] : []),
  ];
  if (fields.length === 0) return current;
  stmt(db, 'UPDATE verstrekking_concepten SET antwoorden = ?, gevraagd = ?, version = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(change.antwoorden),
    JSON.stringify(change.gevraagdeGegevens),
    current.version + 1,
    ctx.now,
    id,
  );
  recordChange(db, ctx, 'concept', id, 'update', fields);
  return getConcept(db, id);
}

/** Removes a draft (thrown away, or completed into a decision), after checking the version. */
export function deleteConcept(db: Db, ctx: WriteContext, id: string, version: number): void {
  const current = getConcept(db, id);
  assertVersion(current.version, version);
  stmt(db, 'DELETE FROM verstrekking_concepten WHERE id = ?').run(id);
  recordChange(db, ctx, 'concept', id, 'delete', []);
}
