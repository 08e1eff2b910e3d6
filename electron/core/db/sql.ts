import type Database from 'better-sqlite3-multiple-ciphers';

/** The database handle every repository takes. */
export type Db = Database.Database;

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

/** SQLite boolean. */
export const bool = (value: unknown): boolean => value === 1 || value === 1n;
/** To a SQLite boolean. */
export const int = (value: boolean): number => (value ? 1 : 0);

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
