import type { Migration } from '../migration';
import { COUNT_RULES_0050, createCountTriggers } from '../../casework/countRules';

/** The refusal of a change to the change log; its text is what a caller's SqliteError carries. */
const refuse = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_no_${what} BEFORE ${what.toUpperCase()} ON ${table} BEGIN
     SELECT RAISE(ABORT, 'append-only: ${table} rows are never changed or deleted');
   END;`;

/**
 * Two promises made structural.
 * - The change log is append-only: triggers refuse every UPDATE and DELETE of a change event or
 *   of a stored field list, so no code path (and no mistake) can rewrite history; the coming
 *   audit trail hash-chains these rows. The import suspends only its count triggers, never these.
 * - The dashboard counts have one definition: the count triggers of migration 0020 are replaced
 *   by ones generated from `casework/countRules.ts`, the same rules the import's grouped
 *   catch-up uses. The generated triggers count exactly as 0020's did, so kept counts stay right.
 */
export const appendOnlyAndCountRules: Migration = {
  version: 50,
  name: 'append-only change log, count triggers from one rule',
  up(db) {
    db.exec(['change_events', 'change_fieldsets'].flatMap((t) => [refuse(t, 'update'), refuse(t, 'delete')]).join('\n'));
    for (const rule of COUNT_RULES_0050) createCountTriggers(db, rule);
  },
};
