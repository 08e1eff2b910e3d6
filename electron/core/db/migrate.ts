import type Database from 'better-sqlite3-multiple-ciphers';
import { KkError } from '../../../shared/errors';
import { log } from '../log';
import type { Migration } from './migration';

/** The schema version stored in the database header. */
export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** The newest version in a migration list (0 for an empty list). */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

function assertWellFormed(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new KkError('INTERNAL', `Migration list out of order at ${m.version}`);
    }
    previous = m.version;
  }
}

/** What `migrate` did. */
export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
}

/**
 * Brings the schema up to date, one transaction per migration (schema change and
 * `user_version` together, so a crash or error leaves the previous version intact).
 * A database newer than this program is refused with SCHEMA_TOO_NEW and left untouched.
 * `beforeMigrate` runs once before the first step on an existing database (the verified backup).
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  hooks: { beforeMigrate?: (from: number, to: number) => void } = {},
): MigrationReport {
  assertWellFormed(migrations);
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (from > latest) throw new KkError('SCHEMA_TOO_NEW', `Schema ${from} is newer than ${latest}`);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  if (from > 0) hooks.beforeMigrate?.(from, latest);

  const applied: number[] = [];
  for (const m of pending) {
    const step = db.transaction(() => {
      m.up(db);
      // PRAGMA cannot take a bound parameter; the version is an integer from our own list.
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      step.immediate();
    } catch (error) {
      log.error('migration.failed', { version: m.version });
      throw error;
    }
    applied.push(m.version);
    log.info('migration.applied', { version: m.version });
  }
  return { from, to: schemaVersion(db), applied };
}
