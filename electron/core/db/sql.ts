import type Database from 'better-sqlite3-multiple-ciphers';
import { newRecordId, pooledRandomBytes } from './ids';
import type { z } from 'zod';
import { KkError } from '../../../shared/errors';
import { toFieldIssues } from '../../../shared/ipc/validate';
import type { ActorRole } from '../../../shared/casework/common.schema';

/** The database handle every repository takes. */
export type Db = Database.Database;

/** Things a write needs besides the data: who, when, and where randomness comes from. */
export interface WriteContext {
  actor: ActorRole;
  /** ISO timestamp of this write. */
  now: string;
  /** Source of ids (time-ordered UUID v7); the seed passes a deterministic one. */
  newId: () => string;
  /** Source of random bytes for pseudonym codes; the seed passes a deterministic one. */
  randomBytes: (n: number) => Uint8Array;
}

/** The context of a write by the vault owner, now. */
export function ownerWrite(actor: ActorRole = 'eigenaar'): WriteContext {
  return { actor, now: new Date().toISOString(), newId: () => newRecordId(), randomBytes: pooledRandomBytes };
}

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

/** SQLite boolean. */
export const bool = (value: unknown): boolean => value === 1 || value === 1n;
/** To a SQLite boolean. */
export const int = (value: boolean): number => (value ? 1 : 0);

/** The names of the fields that have a value (what `compact` would keep at the top level). */
export function definedKeys(value: object): string[] {
  return Object.entries(value).flatMap(([key, v]) => (v === undefined ? [] : [key]));
}

/** Strips `undefined` out of an object (deeply) for JSON storage. */
export function compact<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Runs `fn` in one IMMEDIATE transaction: all of it is written, or none of it. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, cached per connection (bulk imports run the same SQL 100,000 times). */
export function stmt(db: Db, sql: string): Database.Statement {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let s = perDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    perDb.set(sql, s);
  }
  return s;
}

/** A shallow copy without null fields (SQL NULL becomes an absent optional field). */
export function withoutNulls<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) as T;
}

/**
 * How to read one page cheaply: a page in the back half of the list is read from the other end
 * (reversed order, small offset) and flipped, so no page steps over more than half the index.
 */
export function pagePlan(total: number, offset: number, limit: number): { reverse: boolean; offset: number; limit: number } {
  if (offset + limit <= total / 2 || offset >= total) return { reverse: false, offset, limit };
  const take = Math.min(limit, total - offset);
  return { reverse: true, offset: Math.max(0, total - offset - take), limit: take };
}
