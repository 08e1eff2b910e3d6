import type { z } from 'zod';
import { KkError } from '../../../shared/errors';
import { toFieldIssues } from '../../../shared/ipc/validate';

// What every repository does with a record between the caller's input and its row: check it
// with the shared schema, apply a patch, name the changed fields, guard the version.

/** Parses a merged record with the full schema; problems become INVALID_INPUT with paths under `prefix`. */
export function parseOrInvalid<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new KkError('INVALID_INPUT', 'Invalid record', {
      issues: toFieldIssues(parsed.error).map((i) => ({ path: i.path === '(root)' ? prefix : `${prefix}.${i.path}`, message: i.message })),
    });
  }
  return parsed.data;
}

/** Applies a patch: `undefined` keeps a field, `null` clears it, anything else sets it. */
export function applyPatch<T extends object>(current: T, patch: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The names of the fields whose values differ (compared as JSON); the values themselves are not kept. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/** Throws NOT_FOUND when a row is missing. */
export function found<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new KkError('NOT_FOUND', `${what} not found`);
  return row;
}

/** Throws CONFLICT when the caller edited an older version than the stored one. */
export function assertVersion(stored: number, expected: number): void {
  if (stored !== expected) throw new KkError('CONFLICT', 'Version mismatch');
}

/** The names of the fields that have a value (what `compact` would keep at the top level). */
export function definedKeys(value: object): string[] {
  return Object.entries(value).flatMap(([key, v]) => (v === undefined ? [] : [key]));
}

/** Strips `undefined` out of an object (deeply) for JSON storage. */
export function compact<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
