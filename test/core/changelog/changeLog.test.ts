// Change events in their compact form (migration 0030): who, when, which record, which field
// NAMES — on a real encrypted vault, through the real repositories (migration 0030: test/core/db).
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withBatchedChanges } from '../../../electron/core/changelog/changeLog';
import { changesOf, recordChange } from '../../../electron/core/casework/changeKinds';
import { OWNER, type WriteContext } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';
import { newRecordId } from '../../../electron/core/db/ids';
import { clientFields, openTestVault, trajectFields, type TestVault } from '../casework/helpers';

const ctx = (now: string): WriteContext => ({ actor: OWNER, via: 'hand', now, newId: () => newRecordId(), randomBytes: (n) => randomBytes(n) });

describe('change events', () => {
  let v: TestVault;
  beforeEach(() => (v = openTestVault()));
  afterEach(() => v.close());

  it('give back who, when, what and which field names, in order, for one record only', () => {
    const id = newRecordId();
    const other = newRecordId();
    inTransaction(v.db, () => {
      recordChange(v.db, ctx('2026-03-01T08:15:30.123Z'), 'traject', id, 'create', ['vormen', 'gemeente']);
      recordChange(v.db, ctx('2026-03-01T08:16:00.000Z'), 'traject', other, 'create', ['gemeente']);
      recordChange(v.db, ctx('2026-03-02T10:00:00.000Z'), 'traject', id, 'transition', ['fase']);
    });
    expect(changesOf(v.db, 'traject', id).map(({ seq: _s, ...e }) => e)).toEqual([
      { at: '2026-03-01T08:15:30.123Z', actor: OWNER, via: 'hand', entity: 'traject', entityId: id, action: 'create', fields: ['gemeente', 'vormen'] },
      { at: '2026-03-02T10:00:00.000Z', actor: OWNER, via: 'hand', entity: 'traject', entityId: id, action: 'transition', fields: ['fase'] },
    ]);
    // The same record id under another kind is not this record's history.
    expect(changesOf(v.db, 'client', id)).toEqual([]);
  });

  it('store each list of field names once, and never a stale reference after a rolled-back batch', () => {
    const a = newRecordId();
    const b = newRecordId();
    // A batch that stores a new field list and then fails: the list goes with the rollback.
    expect(() =>
      inTransaction(v.db, () =>
        withBatchedChanges(v.db, () => {
          recordChange(v.db, ctx('2026-01-01T00:00:00.000Z'), 'taak', a, 'complete', ['zzz-nieuw']);
          throw new Error('simulated failure');
        }),
      ),
    ).toThrow('simulated failure');
    expect(v.db.prepare(`SELECT count(*) AS n FROM change_fieldsets WHERE fields = '["zzz-nieuw"]'`).get()).toEqual({ n: 0 });
    // The next write of the same list stores it again and points at the stored row.
    inTransaction(v.db, () =>
      withBatchedChanges(v.db, () => {
        for (const id of [a, b]) recordChange(v.db, ctx('2026-01-02T00:00:00.000Z'), 'taak', id, 'complete', ['zzz-nieuw']);
      }),
    );
    expect(changesOf(v.db, 'taak', b)[0]?.fields).toEqual(['zzz-nieuw']);
    expect(v.db.prepare(`SELECT count(*) AS n FROM change_fieldsets WHERE fields = '["zzz-nieuw"]'`).get()).toEqual({ n: 1 });
    expect(v.db.pragma('foreign_key_check(change_events)')).toEqual([]);
  });

  it('hold no value of a record, only names (a cliënt written through the app)', async () => {
    const c = await v.call('clienten.create', { fields: clientFields({ roepnaam: 'Geheimnaam', telefoon: '0612345678' }) });
    await v.call('trajecten.create', { clientId: c.id, fields: trajectFields({ notities: 'Vertrouwelijke notitie' }) });
    const stored = JSON.stringify([...v.db.prepare('SELECT * FROM change_events').all(), ...v.db.prepare('SELECT * FROM change_fieldsets').all()]);
    for (const value of ['Geheimnaam', '0612345678', 'Vertrouwelijke']) expect(stored).not.toContain(value);
    expect(changesOf(v.db, 'client', c.id).map((e) => e.action)).toEqual(['create']);
  });

  it('in a bulk write, never make the search index write out its pending terms (no statement journal)', () => {
    // Structural guard for the import's speed (measured in npm run bench, ~3 s at 100,000
    // trajecten): an event batch that needed a statement journal would flush FTS5 every time.
    const segments = () => (v.db.prepare('SELECT count(*) AS n FROM search_fts_data').get() as { n: number }).n;
    inTransaction(v.db, () =>
      withBatchedChanges(v.db, () => {
        v.db.prepare('INSERT INTO search_fts (rowid, naam, tekst) VALUES (?, ?, ?)').run(999_999, 'Testnaam', 'synthetische tekst');
        const before = segments();
        for (let i = 0; i < 450; i++) recordChange(v.db, ctx('2026-01-03T00:00:00.000Z'), 'journaal', newRecordId(), 'create', ['tekst']);
        expect(segments()).toBe(before);
      }),
    );
    expect(v.db.prepare('SELECT count(*) AS n FROM change_events').get()).toEqual({ n: 450 });
  });

  it('refuse a record id that is not a UUID rather than store something unreadable', () => {
    expect(() => inTransaction(v.db, () => recordChange(v.db, ctx('2026-01-01T00:00:00.000Z'), 'view', 'not-a-uuid', 'create', []))).toThrow();
  });
});
