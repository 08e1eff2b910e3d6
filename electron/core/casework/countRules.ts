import type { Db } from '../db/sql';

/**
 * The dashboard's kept counts: how trajecten and meldingen are grouped in `traject_tellingen`
 * and `melding_tellingen`. This is the ONE definition of that grouping. The triggers that keep
 * the counts on every write (created by migration 0050) and the import's grouped catch-up
 * (which adds an import's rows in one statement while the insert triggers are suspended) are
 * both generated from it, so they cannot disagree.
 *
 * Changing a rule changes what is stored: it needs a new migration that rebuilds the counts
 * table and calls `createCountTriggers` again, and the rule as it was stays for the migrations
 * that used it (as `MELDING_COUNTS_0050` for migration 0050).
 */
export interface CountRule {
  /** The records counted. */
  table: string;
  /** The table of counts: one row per group, with `n`. */
  counts: string;
  /** Triggers are named `<triggers>_insert`, `_update`, `_delete`. */
  triggers: string;
  /** Each group column of `counts` and how it follows from a record (`row` is `NEW.`, `OLD.` or ''). */
  groups: ReadonlyArray<{ column: string; of: (row: string) => string }>;
  /** The record columns whose change moves a record to another group. */
  moves: readonly string[];
}

const year = (column: string) => (row: string) => `CAST(substr(${row}${column}, 1, 4) AS INTEGER)`;
const same = (column: string) => ({ column, of: (row: string) => `${row}${column}` });

export const TRAJECT_COUNTS: CountRule = {
  table: 'trajecten',
  counts: 'traject_tellingen',
  triggers: 'trajecten_tel',
  groups: [
    same('fase'),
    same('preventief'),
    same('vormen'),
    same('minderjarig'),
    { column: 'aanmeldjaar', of: year('aanmelddatum') },
    // 0 while the traject is open.
    { column: 'sluitjaar', of: (row) => `coalesce(${year('afgesloten_op')(row)}, 0)` },
  ],
  moves: ['fase', 'preventief', 'vormen', 'minderjarig', 'aanmelddatum', 'afgesloten_op'],
};

/** The meldingen grouping of migrations 0020–0050 (kept as it was: a shipped migration never changes). */
export const MELDING_COUNTS_0050: CountRule = {
  table: 'meldingen',
  counts: 'melding_tellingen',
  triggers: 'meldingen_tel',
  groups: [
    { column: 'jaar', of: year('datum') },
    same('gemeente'),
    same('vorm'),
    // -1 when unknown.
    { column: 'minderjarig', of: (row) => `coalesce(${row}minderjarig, -1)` },
    same('preventief_gesprek'),
    same('informatieverzoek'),
    // '' while open.
    { column: 'conclusie', of: (row) => `coalesce(${row}conclusie, '')` },
    same('acuut'),
  ],
  moves: ['datum', 'gemeente', 'vorm', 'minderjarig', 'preventief_gesprek', 'informatieverzoek', 'conclusie', 'acuut'],
};

/** Since migration 0060 the meldingen also group by "the melder is a sex worker" (their information requests are the monitor's own figure). */
export const MELDING_COUNTS: CountRule = {
  ...MELDING_COUNTS_0050,
  groups: [...MELDING_COUNTS_0050.groups.slice(0, 6), { column: 'sekswerker', of: (row) => `(${row}melder_type = 'sekswerker')` }, ...MELDING_COUNTS_0050.groups.slice(6)],
  moves: [...MELDING_COUNTS_0050.moves, 'melder_type'],
};

/**
 * How many trajecten each cliënt has (since migration 0060). The monitor counts cliënten: those
 * with one traject come from the traject counts, the few with more are read one by one.
 */
export const CLIENT_TRAJECTEN: CountRule = {
  table: 'trajecten',
  counts: 'client_trajecten',
  triggers: 'client_trajecten_tel',
  groups: [same('client_id')],
  moves: ['client_id'],
};

/** The rules as migration 0050 created their triggers. */
export const COUNT_RULES_0050: readonly CountRule[] = [TRAJECT_COUNTS, MELDING_COUNTS_0050];

/** The rules of today's schema: the triggers in a vault and the import's catch-up follow these. */
export const COUNT_RULES: readonly CountRule[] = [TRAJECT_COUNTS, MELDING_COUNTS, CLIENT_TRAJECTEN];

const columns = (rule: CountRule) => rule.groups.map((g) => g.column).join(', ');
const values = (rule: CountRule, row: string) => rule.groups.map((g) => g.of(row)).join(', ');
const groupBy = (rule: CountRule) => rule.groups.map((_, i) => i + 1).join(', ');

/** One more in the group of the NEW record. */
const add = (rule: CountRule) => `INSERT INTO ${rule.counts} (${columns(rule)}, n) VALUES (${values(rule, 'NEW.')}, 1) ON CONFLICT DO UPDATE SET n = n + 1;`;
/** One less in the group of the OLD record (a group at 0 stays, as in migration 0020). */
const remove = (rule: CountRule) => `UPDATE ${rule.counts} SET n = n - 1 WHERE ${rule.groups.map((g) => `${g.column} = ${g.of('OLD.')}`).join(' AND ')};`;

/** The name and SQL of the trigger that counts an inserted record (the one an import suspends). */
export function insertTrigger(rule: CountRule): { name: string; sql: string } {
  const name = `${rule.triggers}_insert`;
  return { name, sql: `CREATE TRIGGER ${name} AFTER INSERT ON ${rule.table} BEGIN ${add(rule)} END` };
}

/** The three triggers that keep a rule's counts on every write. */
export function countTriggers(rule: CountRule): Array<{ name: string; sql: string }> {
  return [
    insertTrigger(rule),
    { name: `${rule.triggers}_delete`, sql: `CREATE TRIGGER ${rule.triggers}_delete AFTER DELETE ON ${rule.table} BEGIN ${remove(rule)} END` },
    { name: `${rule.triggers}_update`, sql: `CREATE TRIGGER ${rule.triggers}_update AFTER UPDATE OF ${rule.moves.join(', ')} ON ${rule.table} BEGIN ${remove(rule)} ${add(rule)} END` },
  ];
}

/** Replaces a rule's count triggers by the ones of this definition. Runs in the caller's transaction. */
export function createCountTriggers(db: Db, rule: CountRule): void {
  for (const t of countTriggers(rule)) {
    db.exec(`DROP TRIGGER IF EXISTS ${t.name}`);
    db.exec(t.sql);
  }
}

/** Adds the records with a rowid above `?` to the counts in one grouped statement (the import's catch-up). */
export function catchUpSql(rule: CountRule): string {
  return `INSERT INTO ${rule.counts} (${columns(rule)}, n)
    SELECT ${values(rule, '')}, count(*) FROM ${rule.table} WHERE rowid > ? GROUP BY ${groupBy(rule)}
    ON CONFLICT DO UPDATE SET n = n + excluded.n`;
}

/** Counts every record from scratch, with the group columns of the counts table and `n`. */
export function recountSql(rule: CountRule): string {
  return `SELECT ${rule.groups.map((g) => `${g.of('')} AS ${g.column}`).join(', ')}, count(*) AS n FROM ${rule.table} GROUP BY ${groupBy(rule)}`;
}
