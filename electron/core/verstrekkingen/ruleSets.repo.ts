import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { KkError } from '../../../shared/errors';
import { leesStappenplan } from '../../../shared/stappenplan/ruleSet';
import type { StappenplanFile } from '../../../shared/stappenplan/ruleSet.schema';
import type { RuleSetVersie } from '../../../shared/verstrekkingen/ruleSetVersie.schema';
import type { WriteContext } from '../changelog/writeContext';
import { stmt, type Db } from '../db/sql';
import { toKkError } from '../vault/errorMapping';
import { recordChange, ruleSetRecordId } from './changeKinds';

// The rule-set versions of a vault (migration 0080): each stored whole, with its SHA-256, and
// never changed. The engine always runs on a version read from here, by its number, so an old
// decision is read against exactly the rules it was made with, whatever file ships later.

/** A rule-set file larger than this is refused unread (version 1 is about 60 KiB). */
export const MAX_RULESET_BYTES = 4 * 1024 * 1024;

interface VersieRow {
  volgorde: number;
  versie: string;
  inhoud: string;
  sha256: string;
  herkomst: 'ingebouwd' | 'geimporteerd';
  opgenomen_op: number;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Parsed rule sets by SHA-256: a stored version never changes, so its parse can be kept. */
const parsed = new Map<string, StappenplanFile>();

/** The version new drafts use: the newest stored. */
export function huidigeVersie(db: Db): string {
  const row = stmt(db, 'SELECT versie FROM stappenplan_versies ORDER BY volgorde DESC LIMIT 1').get() as { versie: string } | undefined;
  if (!row) throw new KkError('INTERNAL', 'No stappenplan version in the vault');
  return row.versie;
}

/**
 * A stored version, checked: its SHA-256 must match what was stored (a changed row is refused,
 * not used) and it must still pass the schema. NOT_FOUND for a version the vault does not have.
 */
export function laadRuleSet(db: Db, versie: string): StappenplanFile {
  const row = stmt(db, 'SELECT volgorde, versie, inhoud, sha256, herkomst, opgenomen_op FROM stappenplan_versies WHERE versie = ?').get(versie) as VersieRow | undefined;
  if (!row) throw new KkError('NOT_FOUND', 'stappenplan version not found');
  const cached = parsed.get(row.sha256);
  if (cached && sha256(row.inhoud) === row.sha256) return cached;
  if (sha256(row.inhoud) !== row.sha256) throw new KkError('POLICY_INVALID', `Stored stappenplan version ${versie} does not match its SHA-256`);
  const file = leesStappenplan(JSON.parse(row.inhoud), `kluis: stappenplan versie ${versie}`);
  parsed.set(row.sha256, file);
  return file;
}

/** Every stored version, newest first, with how many decisions used it. */
export function listVersies(db: Db): RuleSetVersie[] {
  const rows = stmt(
    db,
    `SELECT v.volgorde, v.versie, v.inhoud, v.sha256, v.herkomst, v.opgenomen_op,
            (SELECT count(*) FROM verstrekking_besluiten b WHERE b.ruleset_versie = v.versie) AS besluiten
       FROM stappenplan_versies v ORDER BY v.volgorde DESC`,
  ).all() as Array<VersieRow & { besluiten: number }>;
  return rows.map((r, i) => {
    const geldigVanaf = (JSON.parse(r.inhoud) as { geldigVanaf?: string }).geldigVanaf;
    return {
      versie: r.versie,
      ...(geldigVanaf !== undefined ? { geldigVanaf } : {}),
      sha256: r.sha256,
      herkomst: r.herkomst,
      opgenomenOp: new Date(r.opgenomen_op).toISOString(),
      actueel: i === 0,
      besluiten: r.besluiten,
    };
  });
}

/**
 * Stores a new version (validated first) and makes it the current one for new drafts. A version
 * number the vault already has is refused, whether its content is the same (CONFLICT) or not
 * (INVALID_INPUT: a changed rule set needs a new number); nothing is written then. Recorded as a
 * change event. Call inside a transaction.
 */
export function importeerRuleSet(db: Db, ctx: WriteContext, raw: unknown, fileName: string): RuleSetVersie {
  const file = leesStappenplan(raw, fileName);
  const inhoud = JSON.stringify(file);
  const bestaand = stmt(db, 'SELECT sha256 FROM stappenplan_versies WHERE versie = ?').get(file.versie) as { sha256: string } | undefined;
  if (bestaand) {
    if (bestaand.sha256 === sha256(inhoud)) throw new KkError('CONFLICT', 'This stappenplan version is in the vault already', { issues: [{ path: 'versie', message: `Versie ${file.versie} staat al in de kluis. Er is niets veranderd.` }] });
    throw new KkError('INVALID_INPUT', 'A stored stappenplan version never changes', {
      issues: [{ path: 'versie', message: `Versie ${file.versie} staat al in de kluis, met andere regels. Een versie verandert nooit: geef de gewijzigde regels een nieuw versienummer.` }],
    });
  }
  stmt(db, "INSERT INTO stappenplan_versies (versie, inhoud, sha256, herkomst, opgenomen_op) VALUES (?, ?, ?, 'geimporteerd', ?)").run(file.versie, inhoud, sha256(inhoud), Date.parse(ctx.now));
  recordChange(db, ctx, 'stappenplan', ruleSetRecordId(file.versie), 'import', ['versie', 'inhoud']);
  return listVersies(db).find((v) => v.versie === file.versie)!;
}

/** Reads a rule-set file from disk (a path from main's dialog or kk) and imports it. */
export function importeerRuleSetBestand(db: Db, ctx: WriteContext, path: string, run: <T>(fn: () => T) => T): RuleSetVersie {
  let text: string;
  try {
    if (statSync(path).size > MAX_RULESET_BYTES) {
      throw new KkError('INVALID_INPUT', 'Rule-set file too large', { issues: [{ path: '(bestand)', message: 'Het bestand is groter dan 4 MB; een regelset is veel kleiner' }] });
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof KkError) throw error;
    const mapped = toKkError(error, 'stappenplan.import');
    throw mapped.code === 'INTERNAL' ? new KkError('NOT_FOUND', 'The chosen file cannot be read') : mapped;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new KkError('INVALID_INPUT', 'Not JSON', { issues: [{ path: '(bestand)', message: 'Het bestand is geen geldige JSON' }] });
  }
  return run(() => importeerRuleSet(db, ctx, raw, 'het gekozen bestand'));
}
