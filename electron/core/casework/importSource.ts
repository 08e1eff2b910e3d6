import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import { ImportFile, ImportTraject } from '../../../shared/casework/import.schema';
import { MeldingFields } from '../../../shared/casework/melding.schema';
import { trajectBezwaren } from '../../../shared/casework/trajectRules';
import { dutchFieldIssues, dutchIssueText, importFileText, unknownKeyPathPart } from '../../../shared/casework/issueText';
import { JsonFileRefusal, streamJsonRecords, type FileProblem, type JsonPath, type ValueProblem } from './jsonStream';

// Reading and checking an import file, record by record, against the shared schemas. No
// database here: this runs in the core and, for speed, in the import's checking thread.

/** At most this many reasons are returned; more would not help a person fix the file. */
export const MAX_IMPORT_ISSUES = 200;

/** The record lists of an import file. */
export type ListName = 'trajecten' | 'meldingen';
const LISTS: readonly ListName[] = ['trajecten', 'meldingen'];
/** The most records a list may have (as in ImportFile); reading stops after one more. */
const LIST_MAX: Record<ListName, number> = { trajecten: 250_000, meldingen: 500_000 };

/** The outer shape of an import file; the records are checked one by one after it (same rules as ImportFile). */
const ImportEnvelope = z.strictObject({
  format: ImportFile.shape.format,
  versie: ImportFile.shape.versie,
  trajecten: z.array(z.unknown()).max(LIST_MAX.trajecten).default([]),
  meldingen: z.array(z.unknown()).max(LIST_MAX.meldingen).default([]),
});

/** The file is refused as a whole, for this one reason. */
class FileRefused extends Error {
  constructor(readonly issue: FieldIssue) {
    super('import file refused');
  }
}

/** Dutch messages for every schema problem (schema-set messages, already Dutch, take precedence). */
const DUTCH = { error: dutchIssueText } as const;

type Visit = (list: ListName, index: number, record: unknown) => void;
/** A record that could not be read (too large, too deep, not UTF-8, a field twice): its reason. */
type Unreadable = (issue: FieldIssue) => void;

/**
 * An import file that can be walked record by record, as often as needed, without holding the
 * parsed file: `scan` calls `visit` for every record (parsed on its own) and `unreadable` for
 * every record it could not read, and returns the other top-level values with placeholder lists
 * of the right length, for the envelope check.
 */
export interface RecordSource {
  scan(visit: Visit, unreadable: Unreadable): { envelope: unknown; count: Record<ListName, number> };
}

/** A path for a person: field names that look like one, list positions; never a value. */
const pathText = (parts: JsonPath): string => parts.map((p) => (typeof p === 'number' ? String(p) : unknownKeyPathPart(p))).join('.');

function valueProblemText(problem: ValueProblem, topLevel: boolean): string {
  switch (problem.kind) {
    case 'too-large':
      return topLevel ? importFileText.topValueTooLarge(problem.limit / 1024) : importFileText.recordTooLarge(problem.limit / 1048576);
    case 'too-deep':
      return importFileText.tooDeep(problem.limit);
    case 'not-utf8':
      return importFileText.notUtf8;
    case 'duplicate-key':
      return importFileText.fieldTwice;
  }
}

/** Where a problem inside one value is: the value's own place, then the place inside it. */
function valueProblemIssue(problem: ValueProblem, at: JsonPath, topLevel: boolean): FieldIssue {
  const inside = problem.kind === 'not-utf8' || problem.kind === 'duplicate-key' ? problem.at : [];
  return { path: pathText([...at, ...inside]) || '(bestand)', message: valueProblemText(problem, topLevel) };
}

function fileProblemIssue(problem: FileProblem): FieldIssue {
  switch (problem.kind) {
    case 'not-json':
      return { path: '(bestand)', message: importFileText.notJson };
    case 'not-an-object':
      return { path: '(bestand)', message: problem.found === 'list' ? importFileText.aList : importFileText.notAnObject };
    case 'unknown-key':
      return { path: problem.key ? pathText([problem.key]) : '(bestand)', message: importFileText.unknownKey };
    case 'key-twice':
      return { path: pathText([problem.key]), message: importFileText.keyTwice };
    case 'not-a-list':
      return { path: pathText([problem.key]), message: importFileText.notAList };
    case 'bad-value':
      return valueProblemIssue(problem.problem, [problem.key], true);
  }
}

/** A placeholder of the right length, so the envelope check sees the count (not the records). */
const placeholder = (n: number) => new Array<null>(n).fill(null);

/**
 * An import file on disk, streamed in chunks on every scan: neither the text nor the records
 * are ever held whole, whatever the file's size or shape (see jsonStream.ts for the bound).
 */
export function fileSource(path: string): RecordSource {
  return {
    scan(visit, unreadable) {
      const envelope: Record<string, unknown> = {};
      const count = { trajecten: 0, meldingen: 0 };
      const lists = new Set<ListName>();
      for (const item of streamJsonRecords(path, { lists: LISTS, values: ['format', 'versie'] })) {
        // An own property even for "__proto__", so the strict envelope check refuses it.
        if (item.kind === 'value') Object.defineProperty(envelope, item.key, { value: item.value, enumerable: true, writable: true, configurable: true });
        else if (item.kind === 'list') lists.add(item.list as ListName);
        else {
          const list = item.list as ListName;
          const index = count[list]++;
          // Stop reading: a list this long is refused anyway, and checking on would take long.
          if (index === LIST_MAX[list]) throw new FileRefused({ path: list, message: importFileText.listTooLong(LIST_MAX[list]) });
          if (item.kind === 'record') visit(list, index, item.value);
          else unreadable(valueProblemIssue(item.problem, [list, index], false));
        }
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
 * The cliënten named by `clientRef` so far: a fingerprint of the first traject's cliënt fields
 * (not the fields: a large file must not fill memory) and the birth date the later trajecten are
 * checked against. Rules across records: a ref's first traject names the cliënt; a later one
 * that repeats the cliënt must repeat it exactly.
 */
function clientRefChecker() {
  const seen = new Map<string, { fingerprint: string; geboortedatum: string | undefined }>();
  const fingerprint = (client: unknown) => createHash('sha256').update(JSON.stringify(client)).digest('base64');
  return (t: ImportTraject, at: JsonPath): FieldIssue[] => {
    if (t.clientRef === undefined) return [];
    const where = pathText(at);
    const earlier = seen.get(t.clientRef);
    if (!earlier) {
      if (!t.client) return [{ path: `${where}.client`, message: importFileText.clientRefFirst }];
      seen.set(t.clientRef, { fingerprint: fingerprint(t.client), geboortedatum: t.client.geboortedatum });
      return [];
    }
    if (t.client && fingerprint(t.client) !== earlier.fingerprint) return [{ path: `${where}.client`, message: importFileText.clientRefDiffers }];
    return trajectBezwaren({ ...t, afgeslotenOp: null, geboortedatum: earlier.geboortedatum }).map((b) => ({ path: `${where}.${b.path}`, message: b.message }));
  };
}

/**
 * Checks every record, then the envelope; nothing is kept but the reasons (capped). Each record
 * that passes is handed to `accept` while no problem has been found yet, so a caller can write
 * in the same pass; after the first problem only the checking goes on, for the full list of reasons.
 */
export function check(source: RecordSource, accept: (valid: Valid) => void = () => undefined): Checked {
  try {
    const issues: FieldIssue[] = [];
    let total = 0;
    const note = (found: FieldIssue[]) => {
      total += found.length;
      for (const issue of found) if (issues.length < MAX_IMPORT_ISSUES) issues.push(issue);
    };
    const clientRefs = clientRefChecker();
    const { envelope, count } = source.scan(
      (list, i, record) => {
        const r = RECORD_SCHEMA[list].safeParse(record, DUTCH);
        if (r.success) {
          const across = list === 'trajecten' ? clientRefs(r.data as ImportTraject, [list, i]) : [];
          if (across.length > 0) note(across);
          else if (total === 0) accept({ list, record: r.data } as Valid);
          return;
        }
        note(dutchFieldIssues(r.error.issues, [list, i]));
      },
      (issue) => note([issue]),
    );
    const outer = ImportEnvelope.safeParse(envelope, DUTCH);
    if (!outer.success) {
      // The wrong kind of file: its records' reasons would only be noise.
      const reasons = dutchFieldIssues(outer.error.issues, []);
      return { ok: false, issues: reasons.slice(0, MAX_IMPORT_ISSUES), total: reasons.length };
    }
    return total > 0 ? { ok: false, issues, total } : { ok: true, count };
  } catch (error) {
    // A file that cannot be an import file: one reason (the records' reasons would only be noise).
    if (error instanceof JsonFileRefusal) return { ok: false, issues: [fileProblemIssue(error.problem)], total: 1 };
    if (error instanceof FileRefused) return { ok: false, issues: [error.issue], total: 1 };
    throw error;
  }
}
