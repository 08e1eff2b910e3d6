import type { z } from 'zod';
import { KkError } from '../errors';
import { dutchIssueText, unknownKeyPathPart } from '../casework/issueText';

/** At most this many problems are spelled out; a badly broken file needs fixing from the top anyway. */
const MAX_LISTED = 10;

/** A path in the file as a person reads it: `inhoud.routes.2.vorm`, or `(bestand)` for the whole file. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(bestand)';
}

/** One line per problem: an unknown field gets its own line with its name in the path. */
function lines(issues: readonly z.core.$ZodIssue[]): Array<{ path: string; message: string }> {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathText([...issue.path, unknownKeyPathPart(key)]), message: issue.message }))
      : [{ path: pathText(issue.path), message: issue.message }],
  );
}

function listed(lines: string[]): string {
  const extra = lines.length - MAX_LISTED;
  return lines.slice(0, MAX_LISTED).join('; ') + (extra > 0 ? `; en nog ${extra}` : '');
}

/**
 * Validates a policy file (already read as JSON) against its schema and returns it typed.
 * A malformed file throws a KkError `POLICY_INVALID` whose message names the file, every
 * path in the file that is wrong and the problem in plain Dutch, followed by zod's English
 * summary for a developer. Policy files hold rules, never personal data, so quoting allowed
 * values is safe; the messages still never repeat what the file contained.
 *
 * The modules that own a policy call this at load, so a broken file stops Ketenkluis at
 * start instead of giving wrong advice later. The coming import of a new stappenplan version
 * uses the same function and shows `issues` per field.
 */
export function loadPolicy<S extends z.ZodType>(schema: S, raw: unknown, fileName: string): z.infer<S> {
  const dutch = schema.safeParse(raw, { error: dutchIssueText });
  if (dutch.success) return dutch.data;
  // Parsed once more without Dutch texts, only on failure, for the English technical summary.
  const english = schema.safeParse(raw);
  const nlLines = lines(dutch.error.issues);
  const enLines = english.success ? [] : lines(english.error.issues);
  const issues = nlLines.map((l) => ({ path: `${fileName}: ${l.path}`, message: l.message }));
  const nl = listed(nlLines.map((l) => `${l.path}: ${l.message}`));
  const en = listed(enLines.map((l) => `${l.path}: ${l.message}`));
  throw new KkError('POLICY_INVALID', `Het beleidsbestand ${fileName} klopt niet. ${nl}. (Policy file ${fileName} is invalid: ${en})`, { issues });
}
