import { z } from 'zod';
import { KkError, type FieldIssue } from '../../../shared/errors';
import { ImportFile, ImportTraject, type ImportResult } from '../../../shared/casework/import.schema';
import { MeldingFields } from '../../../shared/casework/melding.schema';
import { writeClient } from './clienten.repo';
import { insertTraject } from './trajecten.repo';
import { insertJournal } from './journaal.repo';
import { insertTask } from './taken.repo';
import { writeToestemming } from './toestemmingen.repo';
import { writeMelding } from './meldingen.repo';
import { scanJsonLayout } from './jsonRecords';
import { inTransaction, type Db, type WriteContext } from './support';

/** At most this many reasons are returned; more would not help a person fix the file. */
export const MAX_IMPORT_ISSUES = 200;

/** The outer shape of an import file; the records are checked one by one after it (same rules as ImportFile). */
const ImportEnvelope = z.strictObject({
  format: ImportFile.shape.format,
  versie: ImportFile.shape.versie,
  trajecten: z.array(z.unknown()).max(250_000).default([]),
  meldingen: z.array(z.unknown()).max(500_000).default([]),
});

const NOT_JSON: FieldIssue = { path: '(bestand)', message: 'Dit is geen geldig JSON-bestand' };
class NotJson extends Error {}

/** Record access without holding the parsed file: each record is parsed from its slice when asked. */
interface RecordSource {
  envelope: unknown;
  count: { trajecten: number; meldingen: number };
  record(list: 'trajecten' | 'meldingen', index: number): unknown;
}

function parseSlice(text: string, [start, end]: [number, number]): unknown {
  try {
    return JSON.parse(text.slice(start, end));
  } catch {
    throw new NotJson();
  }
}

function openSource(text: string): RecordSource {
  const layout = scanJsonLayout(text, ['trajecten', 'meldingen']);
  if (!layout) {
    // Not the plain shape the scanner knows: parse it whole (still checked the same way).
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new NotJson();
    }
    const lists = (json ?? {}) as { trajecten?: unknown; meldingen?: unknown };
    const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);
    return {
      envelope: json,
      count: { trajecten: len(lists.trajecten), meldingen: len(lists.meldingen) },
      record: (list, i) => (lists[list] as unknown[])[i],
    };
  }
  const envelope: Record<string, unknown> = {};
  for (const [key, slice] of layout.values) envelope[key] = parseSlice(text, slice);
  const count = { trajecten: 0, meldingen: 0 };
  for (const list of ['trajecten', 'meldingen'] as const) {
    const elements = layout.arrays.get(list);
    if (elements) {
      // A placeholder of the right length, so the envelope check sees the count (not the records).
      envelope[list] = new Array(elements.length).fill(null);
      count[list] = elements.length;
    }
  }
  return { envelope, count, record: (list, i) => parseSlice(text, layout.arrays.get(list)![i]!) };
}

function check(text: string): { ok: true; source: RecordSource } | { ok: false; issues: FieldIssue[]; total: number } {
  let source: RecordSource;
  try {
    source = openSource(text);
    const envelope = ImportEnvelope.safeParse(source.envelope);
    if (!envelope.success) {
      const issues = envelope.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(bestand)', message: i.message }));
      return { ok: false, issues: issues.slice(0, MAX_IMPORT_ISSUES), total: issues.length };
    }
    const issues: FieldIssue[] = [];
    let total = 0;
    for (const [list, schema] of [['trajecten', ImportTraject], ['meldingen', MeldingFields]] as const) {
      for (let i = 0; i < source.count[list]; i++) {
        const r = schema.safeParse(source.record(list, i));
        if (r.success) continue;
        total += r.error.issues.length;
        for (const issue of r.error.issues) {
          if (issues.length < MAX_IMPORT_ISSUES) issues.push({ path: [list, i, ...issue.path].map(String).join('.'), message: issue.message });
        }
      }
    }
    return total > 0 ? { ok: false, issues, total } : { ok: true, source };
  } catch (error) {
    if (error instanceof NotJson) return { ok: false, issues: [NOT_JSON], total: 1 };
    throw error;
  }
}

/**
 * Checks a whole import file against the shared schemas, record by record. Every problem is
 * reported by record (index and field path) with a message that never repeats the value.
 */
export function validateImport(text: string): { ok: true; trajecten: number; meldingen: number } | { ok: false; issues: FieldIssue[]; total: number } {
  const r = check(text);
  return r.ok ? { ok: true, ...r.source.count } : r;
}

/**
 * Imports a casework file: first every record is checked (nothing is written while checking),
 * then all records are written in ONE transaction — all of them, or on any error none.
 * Records are parsed again one at a time for the write, so the file is never held as a tree.
 */
export function importJson(db: Db, ctx: WriteContext, text: string, options: { dryRun: boolean; today: string }): ImportResult {
  const checked = check(text);
  if (!checked.ok) throw new KkError('INVALID_INPUT', `Import refused: ${checked.total} problem(s)`, { issues: checked.issues });
  const { source } = checked;
  const result: ImportResult = { dryRun: options.dryRun, clienten: 0, trajecten: 0, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 };
  const each = (write: boolean) => {
    for (let i = 0; i < source.count.trajecten; i++) {
      const t = ImportTraject.parse(source.record('trajecten', i));
      result.clienten++;
      result.trajecten++;
      result.toestemmingen += t.toestemmingen.length;
      result.journaal += t.journaal.length;
      result.taken += t.taken.length;
      if (!write) continue;
      const { client, fase, afsluitReden, afsluitToelichting, afgeslotenOp, toestemmingen, journaal, taken, ...fields } = t;
      const c = writeClient(db, ctx, client);
      const { id } = insertTraject(db, ctx, c.id, fields, { fase, afsluitReden: afsluitReden ?? null, afsluitToelichting: afsluitToelichting ?? null, afgeslotenOp: afgeslotenOp ?? null });
      for (const s of toestemmingen) writeToestemming(db, ctx, id, s);
      for (const j of journaal) insertJournal(db, ctx, { trajectId: id, clientId: c.id, ...j });
      for (const k of taken) insertTask(db, ctx, { trajectId: id, ...k }, options.today);
    }
    result.meldingen = source.count.meldingen;
    if (!write) return;
    for (let i = 0; i < source.count.meldingen; i++) writeMelding(db, ctx, MeldingFields.parse(source.record('meldingen', i)));
  };
  if (options.dryRun) each(false);
  else inTransaction(db, () => each(true));
  return result;
}
