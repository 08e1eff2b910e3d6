// Test helpers for casework: a real SQLCipher vault database (random key per test, A's opener
// and migrations) and the real dispatcher over the casework handlers.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect } from 'vitest';
import { verifySearchIndex } from '../../../electron/core/casework/indexCheck';
import { COUNT_RULES, recountSql, type CountRule } from '../../../electron/core/casework/countRules';
import { openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { createDispatch } from '../../../electron/core/host/dispatch';
import { caseworkHandlers } from '../../../electron/core/casework/casework.handlers';
import type { Session } from '../../../electron/core/session';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import type { z } from 'zod';
import type { CoreContract, CoreMethodName, CoreOutput, Handlers, Input } from '../../../shared/ipc/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { localToday, addDays } from '../../../shared/casework/dates';

/** What a caller passes to core method M (before parsing). */
type CoreCallInput<M extends CoreMethodName> = z.input<CoreContract[M]['input']>;

/** An open test vault database and a typed caller over the real dispatcher. */
export interface TestVault {
  db: Database.Database;
  dir: string;
  call<M extends CoreMethodName>(method: M, input: CoreCallInput<M>): Promise<CoreOutput<M>>;
  fail<M extends CoreMethodName>(method: M, input: CoreCallInput<M>): Promise<ErrorInfo>;
  close(): void;
}

/** Opens a fresh encrypted database with every migration, under a random key. */
export function openTestVault(): TestVault {
  const dir = mkdtempSync(join(tmpdir(), 'kk-casework-'));
  const key = randomBytes(32);
  const db = openEncryptedDatabase(join(dir, 'vault.db'), key, { create: true, cacheKiB: 8 * 1024 });
  key.fill(0);
  migrate(db, migrations);
  const session: Session = { vaultDir: dir, db: () => db, isLocked: () => false, emit: () => undefined, writer: (via) => ownerWriter(via) };
  // Only the casework part of the contract is under test here; vault methods are helper A's.
  const dispatch = createDispatch(caseworkHandlers as unknown as Handlers<Session>, session);
  return {
    db,
    dir,
    async call(method, input) {
      const r = await dispatch(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    async fail(method, input) {
      const r = await dispatch(method, input);
      expect(r.ok, `${method} should fail`).toBe(false);
      return (r as { ok: false; error: ErrorInfo }).error;
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Today and days around it, as the core sees them. */
export const today = localToday();
/** A date `n` days from today. */
export const inDays = (n: number) => addDays(today, n);

/** Synthetic cliënt fields (invented names, never real persons). */
export function clientFields(extra: Record<string, unknown> = {}) {
  return { roepnaam: 'Testa', achternaam: 'Voorbeeldig', geboortedatum: '1999-04-01', ...extra };
}

/** Synthetic traject fields. */
export function trajectFields(extra: Record<string, unknown> = {}) {
  return {
    vormen: ['seksuele-uitbuiting'],
    minderjarigBijStart: false,
    gemeente: 'Rotterdam',
    verwijzer: 'politie',
    aanmelddatum: inDays(-30),
    ...extra,
  } as Input<'trajecten.create'>['fields'];
}

/** Creates a cliënt and a traject; returns their ids and the pseudonym. */
export async function newTraject(v: TestVault, extra: Record<string, unknown> = {}, client: Record<string, unknown> = {}) {
  const fields = trajectFields(extra);
  // A minor at the start needs a birth date that says so (the core refuses the contradiction).
  const birth = fields.minderjarigBijStart === true && !('geboortedatum' in client) ? { geboortedatum: `${Number(fields.aanmelddatum.slice(0, 4)) - 15}-01-01` } : {};
  const c = await v.call('clienten.create', { fields: clientFields({ ...birth, ...client }) });
  const t = await v.call('trajecten.create', { clientId: c.id, fields });
  return { clientId: c.id, trajectId: t.id, version: t.version, pseudoniem: c.pseudoniem };
}

/** Row counts of every casework table plus the index and change events: "nothing changed" means these are equal. */
export function snapshotCounts(db: Database.Database): Record<string, number> {
  const tables = ['clienten', 'trajecten', 'traject_vormen', 'traject_opvang', 'traject_procedures', 'traject_fasen', 'toestemmingen', 'journaal', 'taken', 'meldingen', 'saved_views', 'change_events', 'change_fieldsets', 'search_docs'];
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

/**
 * The kept dashboard counts (maintained by triggers, and by the import's catch-up) compared with
 * a recount from the records under the same count rules. Returns the differing groups, both
 * ways; empty when the counts are exact. A group whose count went back to 0 is not a difference.
 */
export function countDrift(db: Database.Database, rules: readonly CountRule[] = COUNT_RULES): unknown[] {
  return rules.flatMap((rule) => {
    const columns = rule.groups.map((g) => g.column).join(', ');
    const kept = `SELECT ${columns}, n FROM ${rule.counts} WHERE n <> 0`;
    const recount = `SELECT * FROM (${recountSql(rule)})`;
    return [...db.prepare(`${kept} EXCEPT ${recount}`).all(), ...db.prepare(`${recount} EXCEPT ${kept}`).all()];
  });
}

/**
 * A fresh vault per test; after each test the search index must match the records and the kept
 * dashboard counts must match a recount, so every test also proves nothing drifted.
 */
export function useCheckedTestVault(assign: (vault: TestVault) => void): void {
  let vault: TestVault;
  beforeEach(() => {
    vault = openTestVault();
    assign(vault);
  });
  afterEach(() => {
    try {
      expect(verifySearchIndex(vault.db)).toEqual([]);
      expect(countDrift(vault.db)).toEqual([]);
    } finally {
      vault.close();
    }
  });
}
