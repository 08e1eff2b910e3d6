import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * One schema step. Versions go in steps of 10 (0010, 0020, …) so a fix can slot in between.
 * `up` runs inside a transaction that also sets `user_version`; it must not commit itself.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
