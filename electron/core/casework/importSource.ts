import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import { ImportFile, ImportTraject } from '../../../shared/casework/import.schema';
import { MeldingFields } from '../../../shared/casework/melding.schema';
import { dutchFieldIssues, dutchIssueText } from '../../../shared/casework/issueText';
import { scanJsonLayout } from './jsonRecords';
import { JsonStreamShapeError, streamJsonRecords } from './jsonStream';

// Reading and checking an import file, record by record, against the shared schemas. No
// database here: this runs in the core and, for speed, in the import's checking thread.

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

/** Dutch messages for every schema problem (schema-set messages, already Dutch, take precedence). */
const DUTCH = { error: dutchIssueText } as const;

/** The record lists of an import file. */
export type ListName = 'trajecten' | 'meldingen';
const LISTS: readonly ListName[] = ['trajecten', 'meldingen'];
type Visit = (list: ListName, index: number, record: unknown) => void;

/**
 * An import file that can be walked record by record, as often as needed, without holding the
 * parsed file: `scan` calls `visit` for every record (parsed on its own) and returns the other
 * top-level values with placeholder lists of the right length, for the envelope check.
 */
export interface RecordSource {
  scan(visit: Visit): { envelope: unknown; count: Record<ListName, number> };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new NotJson();
  }
}

/** A placeholder of the right length, so the envelope check sees the count (not the records). */
const placeholder = (n: number) => new Array<null>(n).fill(null);

/** An import file given as text (a file of an unusual shape, and tests); opened on the first scan. */
export function textSource(text: string): RecordSource {
  let opened: RecordSource | undefined;
  return { scan: (visit) => (opened ??= openText(text)).scan(visit) };
}

function openText(text: string): RecordSource {
  const layout = scanJsonLayout(text, LISTS);
  if (!layout) {
    // Not the plain shape the scanner knows: parse it whole (still checked the same way).
    const json = parseJson(text);
    const lists = (json ?? {}) as Record<ListName, unknown>;
    return {
      scan(visit) {
        const count = { trajecten: 0, meldingen: 0 };
        for (const list of LISTS) {
          const records = lists[list];
          if (!Array.isArray(records)) continue;
          count[list] = records.length;
          records.forEach((r, i) => visit(list, i, r));
        }
        return { envelope: json, count };
      },
    };
  }
  return {
    scan(visit) {
      const envelope: Record<string, unknown> = {};
      for (const [key, [start, end]] of layout.values) Object.defineProperty(envelope, key, { value: parseJson(text.slice(start, end)), enumerable: true, writable: true, configurable: true });
      const count = { trajecten: 0, meldingen: 0 };
      for (const list of LISTS) {
        const elements = layout.arrays.get(list);
        if (!elements) continue;
        envelope[list] = placeholder(elements.length);
        count[list] = elements.length;
        elements.forEach(([start, end], i) => visit(list, i, parseJson(text.slice(start, end))));
      }
      return { envelope, count };
    },
  };
}

/**
 * An import file on disk: streamed in chunks on every scan, so neither the text nor the records
 * are ever held whole. A file of another shape falls back to reading it as text.
 */
export function fileSource(path: string): RecordSource {
  let fallback: RecordSource | undefined;
  return {
    scan(visit) {
      if (fallback) return fallback.scan(visit);
      const envelope: Record<string, unknown> = {};
      const count = { trajecten: 0, meldingen: 0 };
      const lists = new Set<ListName>();
      let visited = 0;
      try {
        for (const item of streamJsonRecords(path, LISTS)) {
          // An own property even for "__proto__", so the strict envelope check refuses it.
          if (item.kind === 'value') Object.defineProperty(envelope, item.key, { value: parseJson(item.json), enumerable: true, writable: true, configurable: true });
          else if (item.kind === 'list') lists.add(item.list as ListName);
          else {
            const list = item.list as ListName;
            visited++;
            visit(list, count[list]++, parseJson(item.json));
          }
        }
      } catch (error) {
        if (!(error instanceof JsonStreamShapeError)) throw error;
        // Broken after records were seen: not valid JSON. Before any: maybe another valid shape.
        if (visited > 0) throw new NotJson();
        fallback = textSource(readFileSync(path, 'utf8'));
        return fallback.scan(visit);
      }
      for (const list of lists) envelope[list] = placeholder(count[list]);
      return { envelope, count };
    },
  };
}

/** The outcome of checking a whole file. */
export type Checked = { ok: true; count: Record<ListName, number> } | { ok: false; issues: FieldIssue[]; total: number };
/** One record that passed its schema, as the schema gave it back. */
export type Valid = { list: 'trajecten'; record: ImportTraject } | { list: 'meldingen'; record: MeldingFields };

const RECORD_SCHEMA = { trajecten: ImportTraject, meldingen: MeldingFields } as const;

/**
 * Checks every record, then the envelope; nothing is kept but the reasons (capped). Each record
 * that passes is handed to `accept` while no problem has been found yet, so a caller can write
 * in the same pass; after the first problem only the checking goes on, for the full list of reasons.
 */
export function check(source: RecordSource, accept: (valid: Valid) => void = () => undefined): Checked {
  try {
    const issues: FieldIssue[] = [];
    let total = 0;
    const { envelope, count } = source.scan((list, i, record) => {
      const r = RECORD_SCHEMA[list].safeParse(record, DUTCH);
      if (r.success) {
        if (total === 0) accept({ list, record: r.data } as Valid);
        return;
      }
      const found = dutchFieldIssues(r.error.issues, [list, i]);
      total += found.length;
      for (const issue of found) if (issues.length < MAX_IMPORT_ISSUES) issues.push(issue);
    });
    const outer = ImportEnvelope.safeParse(envelope, DUTCH);
    if (!outer.success) {
      // The wrong kind of file: its records' reasons would only be noise.
      const reasons = dutchFieldIssues(outer.error.issues, []);
      return { ok: false, issues: reasons.slice(0, MAX_IMPORT_ISSUES), total: reasons.length };
    }
    return total > 0 ? { ok: false, issues, total } : { ok: true, count };
  } catch (error) {
    if (error instanceof NotJson) return { ok: false, issues: [NOT_JSON], total: 1 };
    throw error;
  }
}
